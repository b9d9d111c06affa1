/**
 * From article to draft: read the request, find the article's text and sentences, read the
 * graph's names, and build a draft payload with provenance (server/domain/extract/draft.ts).
 * Nothing is written; the analyst reviews the draft and ingests it through POST /api/sources.
 */
import type { Database } from '../../db/database.ts';
import { readKnownNames } from './data.ts';
import type { ExtractDraft, ExtractRequest } from '../../contract/extract.ts';
import type { KnownName } from '../../language/index.ts';
import { readArticle } from './articleText.ts';
import { buildDraft, draftSourceId } from './draft.ts';
import { findListedPoints } from './points.ts';
import { parsePayload, stancesAlreadyHeld } from '../sources/ingest.ts';

export async function extractFromArticle(db: Database, request: ExtractRequest): Promise<ExtractDraft> {
  const article = readArticle(request.text, request.format);
  // What this same source declared before is left out of the known names, so a re-extracted
  // article declares its own entities again and re-ingesting it keeps them and their links.
  const known = await graphNames(db, draftSourceId(request));
  const draft = buildDraft({ request, article, known });
  // "Already in the graph, reported by N sources": what ingesting the draft would attach to.
  return { ...draft, points: findListedPoints(draft.text), matches: await stancesAlreadyHeld(db, parsePayload(draft.payload)) };
}

/** The same extraction without a graph (the CLI and the eval pass the names they have). */
export function extractWithNames(request: ExtractRequest, known: KnownName[]): ExtractDraft {
  return buildDraft({ request, article: readArticle(request.text, request.format), known });
}

async function graphNames(db: Database, ownSourceId: string): Promise<KnownName[]> {
  const rows = await readKnownNames(db, ownSourceId);
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    name: row.name,
    aliases: row.aliases,
    ...(row.party ? { party: row.party } : {}),
    ...(row.partOf ? { partOf: row.partOf } : {}),
  }));
}
