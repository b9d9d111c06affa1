/**
 * Source grading with the NATO Admiralty code: source reliability A (completely reliable) to E
 * (unreliable) and information credibility 1 (confirmed) to 5 (improbable); F and 6 mean "cannot
 * be judged", and a source nobody graded counts as F6. A grade filter keeps the sources at least
 * as good as its minimums and not published by an outlet affiliated with a given party; every
 * read that lists stances takes the resulting ids, so the rule is judged here once.
 */
import { CREDIBILITY_GRADES, type GradeFilter, RELIABILITY_GRADES, type Reliability } from '../contract/common.ts';
import { type SourceGradeChange } from '../contract/sources.ts';
import { readSourceStandings, type SourceStandingRow, writeSourceGrade } from './gradingData.ts';
import { readNodesById } from './nodesData.ts';
import type { Database } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import { gradeChanges } from './outbox.ts';

interface Grade {
  reliability: Reliability;
  credibility: number;
}

const CANNOT_BE_JUDGED: Grade = { reliability: 'F', credibility: 6 };

/** A stored grade ("B2") as its two parts; none, or anything that is not a grade, cannot be judged. */
export function readGrade(grade: string | null | undefined): Grade {
  const match = /^([A-F])([1-6])$/.exec(grade ?? '');
  if (!match) return CANNOT_BE_JUDGED;
  return { reliability: match[1] as Reliability, credibility: Number(match[2]) };
}

/** Whether a grade is at least as good as the minimums (A and 1 are best). */
export function meetsMinimum(grade: Grade, filter: Pick<GradeFilter, 'minReliability' | 'minCredibility'>): boolean {
  const reliable = RELIABILITY_GRADES.indexOf(grade.reliability) <= RELIABILITY_GRADES.indexOf(filter.minReliability ?? 'F');
  const credible = grade.credibility <= (filter.minCredibility ?? CREDIBILITY_GRADES.at(-1)!);
  return reliable && credible;
}

export function isAdmissible(source: Omit<SourceStandingRow, 'id'>, filter: GradeFilter): boolean {
  const excluded = filter.excludeAffiliatedWith !== undefined && source.affiliations.includes(filter.excludeAffiliatedWith);
  return !excluded && meetsMinimum(readGrade(source.grade), filter);
}

export function isGradeFilterSet(filter: GradeFilter): boolean {
  return filter.minReliability !== undefined || filter.minCredibility !== undefined || filter.excludeAffiliatedWith !== undefined;
}

/**
 * The ids of the sources a filter admits, or null when it admits every source (no filter), which
 * the reads take as "no restriction". A party to exclude that is not in the graph is a 404, so a
 * misspelt id cannot silently exclude nothing.
 */
export async function admissibleSources(db: Database, filter: GradeFilter): Promise<string[] | null> {
  if (!isGradeFilterSet(filter)) return null;
  const party = filter.excludeAffiliatedWith;
  if (party !== undefined && !(await readNodesById(db, [party])).some((n) => n.type === 'Party')) {
    throw new NotFoundError(`No party with id ${party}`, [{ path: 'excludeAffiliatedWith', message: `unknown party ${party}` }]);
  }
  return (await readSourceStandings(db)).filter((source) => isAdmissible(source, filter)).map((source) => source.id);
}

/** Changes a source's grade (null: ungraded) and records who changed it, when, from what to what. */
export async function changeSourceGrade(db: Database, sourceId: string, grade: string | null, writer: string): Promise<SourceGradeChange> {
  const changed = await writeSourceGrade(db, sourceId, grade, {
    at: new Date().toISOString(),
    action: 'grade',
    sourceId,
    writer,
    changes: JSON.stringify({}),
  }, gradeChanges(sourceId, grade));
  if (changed === undefined) throw new NotFoundError(`No source with id ${sourceId}`);
  return { sourceId, grade, previous: changed.previous };
}
