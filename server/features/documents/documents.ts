/**
 * Documents point by point: read the documents (a 404 names any the graph lacks) and their
 * points, align them by position into rows, and for one document, set each point next to its
 * author's public stances on the same position.
 */
import type { Database } from '../../db/database.ts';
import type { GradeFilter } from '../../contract/common.ts';
import { AUTHOR_VERDICTS, COMPARE_ROW_KINDS, type DocumentComparison, type DocumentPoint, type DocumentVsAuthor } from '../../contract/documents.ts';
import { admissibleSources } from '../../core/grading.ts';
import { readStances } from '../../core/stancesData.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { alignPoints, opposite } from './alignment.ts';
import { type DocumentRow, type PointRow, readDocuments, readOpposedPositions, readPoints } from './data.ts';

/** The documents in the order asked; any the graph does not hold is a 404 naming it. */
async function documentsOf(db: Database, ids: string[], sources: string[] | null): Promise<DocumentRow[]> {
  const rows = await readDocuments(db, ids, sources);
  const missing = ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length > 0) {
    throw new NotFoundError(`No document with id ${missing.join(', ')}`, missing.map((id) => ({ path: 'ids', message: `unknown document ${id}` })));
  }
  return ids.map((id) => rows.find((r) => r.id === id)!);
}

function pointOf({ document: _document, ...point }: PointRow): DocumentPoint {
  return point;
}

export async function compareDocuments(db: Database, ids: string[], grading: GradeFilter): Promise<DocumentComparison> {
  // The contract refuses a repeated id already; a caller from inside the server gets the same answer.
  if (new Set(ids).size !== ids.length) throw new ValidationError('A document cannot be compared with itself', [{ path: 'ids', message: 'a document is named twice' }]);
  const sources = await admissibleSources(db, grading);
  const documents = await documentsOf(db, ids, sources);
  const points = await readPoints(db, ids, sources);
  const opposed = await readOpposedPositions(db, [...new Set(points.map((p) => p.position.id))]);
  const rows = alignPoints(ids.map((id) => points.filter((p) => p.document === id)), opposed).map((row) => ({
    position: row.points.find((p) => p !== null)!.position,
    positions: row.positions.map((id) => points.find((p) => p.position.id === id)!.position),
    topic: row.topic,
    kind: row.kind,
    differences: row.differences,
    sides: row.points.map((point, i) => ({ document: ids[i]!, point: point === null ? null : pointOf(point) })),
  }));
  const counts = Object.fromEntries(COMPARE_ROW_KINDS.map((kind) => [kind, rows.filter((r) => r.kind === kind).length])) as DocumentComparison['counts'];
  return { documents, rows, counts };
}

export async function documentVsAuthor(db: Database, id: string, grading: GradeFilter): Promise<DocumentVsAuthor> {
  const sources = await admissibleSources(db, grading);
  const [document] = await documentsOf(db, [id], sources);
  const points = await readPoints(db, [id], sources);
  const own = new Set(points.map((p) => p.stance));
  const stances = document!.author === null ? [] : await readStances(db, { actor: document!.author.id, sources });
  const docDate = document!.date;
  const rows = points.map((point) => {
    const publicStances = stances
      .filter((s) => s.target.id === point.position.id && !own.has(s.id))
      .map((s) => ({
        id: s.id,
        type: s.type,
        family: s.family,
        actor: s.actor,
        date: s.date,
        when: docDate === null || s.date === docDate ? ('same-day' as const) : s.date < docDate ? ('before' as const) : ('after' as const),
        opposite: opposite(point.family, s.family),
        condition: s.condition,
        evidence: s.evidence,
      }));
    const against = publicStances.filter((s) => s.opposite).length;
    const verdict =
      publicStances.length === 0 ? 'silent' : against === 0 ? 'agrees' : against === publicStances.length ? 'contradicts' : 'mixed';
    return { point: pointOf(point), verdict: verdict as (typeof AUTHOR_VERDICTS)[number], publicStances };
  });
  const counts = Object.fromEntries(AUTHOR_VERDICTS.map((v) => [v, rows.filter((r) => r.verdict === v).length])) as DocumentVsAuthor['counts'];
  return { document: document!, rows, counts };
}
