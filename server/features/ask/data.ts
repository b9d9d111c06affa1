/** Reads for ask's three paths. Plain rows only; the domain decides what they answer. */
import { cypher } from '../../db/cypherFiles.ts';
import type { Database } from '../../db/database.ts';
import type { StanceFamily, StanceType } from '../../contract/model.ts';

/** The source a passage or piece of evidence comes from, as ask cites it. */
interface CitedSource {
  sourceId: string | null;
  sourceTitle: string | null;
  sourceDate: string | null;
  sourceUrl: string | null;
  sourceGrade: string | null;
  sourcePublisher: string | null;
}

export interface AskEvidenceRow extends CitedSource {
  id: string;
  quote: string | null;
  summary: string | null;
  via: string | null;
  reporting?: string | null;
}

export interface AskStanceRow {
  stanceId: string;
  actor: string;
  actorId: string;
  party: string;
  partyId: string;
  type: StanceType;
  family: StanceFamily;
  target: string;
  targetId: string;
  date: string | null;
  datePrecision: string | null;
  condition: string | null;
  conditionId: string | null;
  voicedBy: string | null;
  participants: string[];
  /** Positions the target was put forward instead of. */
  replaces: string[];
  /** Positions the target needs first: HAS_PRECONDITION (a party's price) or CONDITIONAL_ON (sequence). */
  requires: { relation: string; id: string; label: string }[];
  evidence: AskEvidenceRow[];
}

interface AskStanceFilter {
  actorIds: string[] | null;
  targetIds: string[] | null;
  types: string[] | null;
  before: string | null;
  after: string | null;
}

/** How many stances at most, and from which sources (the admissible ones of a grade filter; null: all). */
export interface StanceScope {
  maxRows: number;
  sources: string[] | null;
  /** Only the stances of this negotiation; null: every negotiation. */
  negotiation: string | null;
}

export function readStances(db: Database, filter: AskStanceFilter, { maxRows, sources, negotiation }: StanceScope): Promise<AskStanceRow[]> {
  return db.read<AskStanceRow>(cypher('ask/stances'), { ...filter, limit: maxRows, sources, negotiation });
}

export interface SourceRef {
  id: string;
  title: string | null;
  date: string | null;
  kind: string | null;
  url: string | null;
  grade: string | null;
  publisher: string | null;
}

export interface EntityLink {
  relation: string;
  outgoing: boolean;
  id: string;
  label: string;
  type: string;
  role: string | null;
  head: boolean | null;
  date: string | null;
}

export interface EntityFacts {
  id: string;
  label: string;
  type: string;
  description: string | null;
  role: string | null;
  title: string | null;
  kind: string | null;
  date: string | null;
  links: EntityLink[];
  sources: SourceRef[];
}

export async function readEntityFacts(db: Database, id: string): Promise<EntityFacts | null> {
  const [facts] = await db.read<EntityFacts>(cypher('ask/entity'), { id });
  return facts ?? null;
}

interface PlaceEventRow {
  id: string;
  label: string;
  description: string | null;
  date: string | null;
  place: string;
  sources: SourceRef[];
}

export function readEventsInPlace(db: Database, placeId: string, limit: number): Promise<PlaceEventRow[]> {
  return db.read<PlaceEventRow>(cypher('ask/events-in-place'), { id: placeId, limit });
}

export interface PassageRow extends CitedSource {
  id: string;
  isEvidence: boolean;
  score: number;
  quote: string | null;
  summary: string | null;
  description: string | null;
  entity: string | null;
  actorId: string | null;
  actor: string | null;
  stanceId: string | null;
  stanceType: string | null;
  targetId: string | null;
  target: string | null;
  date: string | null;
}

/** Passages for the query; evidence only from the admissible `sources` (null: all). */
export function searchPassages(db: Database, lucene: string, limit: number, sources: string[] | null): Promise<PassageRow[]> {
  return db.read<PassageRow>(cypher('ask/passages'), { lucene, limit, sources });
}

/** A text a source arrived with, nearest the question (its sentences are ranked in ask.ts). */
export interface SourceTextRow extends CitedSource {
  text: string;
  score: number;
}

/** The source texts for the query; only the admissible `sources` (null: all). */
export function searchSourceTexts(db: Database, lucene: string, limit: number, sources: string[] | null): Promise<SourceTextRow[]> {
  return db.read<SourceTextRow>(cypher('ask/source-texts'), { lucene, limit, sources });
}
