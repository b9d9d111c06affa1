/**
 * From article to draft: read the request, find the article's text, parse it with the language
 * parser (spaCy, server/nlp/), read the graph's names, and run the extraction passes over the
 * parse (draft.ts). Nothing is written; the analyst reviews the draft and ingests it through
 * POST /api/sources.
 */
import type { Database } from '../../db/database.ts';
import { readKnownNames } from './data.ts';
import type { ExtractDraft, ExtractRequest } from '../../contract/extract.ts';
import type { KnownName } from '../../language/index.ts';
import type { NlpService } from '../../nlp/client.ts';
import { readArticle } from './articleText.ts';
import { buildDraft, draftSourceId } from './draft.ts';
import { findListedPoints } from './points.ts';
import { draftPlaces, negotiationProbes, proposeNegotiation } from './negotiation.ts';
import { matchDraftStances, readNegotiationNames } from '../../core/negotiationsData.ts';
import { parsePayload, stancesAlreadyHeld } from '../sources/ingest.ts';

export async function extractFromArticle(db: Database, nlp: NlpService, request: ExtractRequest): Promise<ExtractDraft> {
  const article = readArticle(request.text, request.format);
  // What this same source declared before is left out of the known names, so a re-extracted
  // article declares its own entities again and re-ingesting it keeps them and their links.
  const [known, parsed] = await Promise.all([graphNames(db, draftSourceId(request)), nlp.parse([article.text])]);
  const draft = buildDraft({ request, article, doc: parsed.docs[0]!, known });
  // "Already in the graph, reported by N sources": what ingesting the draft would attach to.
  const [matches, negotiation] = await Promise.all([stancesAlreadyHeld(db, parsePayload(draft.payload)), draftNegotiation(db, draft)]);
  return { ...draft, points: findListedPoints(draft.text), matches, negotiation };
}

/** The negotiation proposed for the draft: the assignment rule over its stances, read from the graph, weighed with its places (negotiation.ts). */
async function draftNegotiation(db: Database, draft: ExtractDraft): Promise<ExtractDraft['negotiation']> {
  const [matches, negotiations] = await Promise.all([matchDraftStances(db, negotiationProbes(draft.payload)), readNegotiationNames(db)]);
  return proposeNegotiation({ payload: draft.payload, places: draftPlaces(draft), matches, negotiations });
}

/** The same extraction without a graph (the CLI, the eval and the benchmarks pass the names they have). */
export async function extractWithNames(nlp: NlpService, request: ExtractRequest, known: KnownName[]): Promise<ExtractDraft> {
  const article = readArticle(request.text, request.format);
  const parsed = await nlp.parse([article.text]);
  return buildDraft({ request, article, doc: parsed.docs[0]!, known });
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
