/**
 * The outbox's writes and the reads they need, run inside the transaction of the change they
 * describe (an ingestion, a deletion, a grade change), so the events commit with it or not at all.
 */
import { cypher } from '../db/cypherFiles.ts';
import type { Transaction } from '../db/database.ts';
import type { StanceFamily, StanceType } from '../contract/model.ts';

export interface BeforeChangeRow {
  sourceExisted: boolean;
  existingStances: string[];
}

export interface PairStanceRow {
  id: string;
  type: StanceType;
  family: StanceFamily;
  date: string;
  datePrecision: string;
  sources: string[];
}

export interface StanceFactRow {
  id: string;
  type: StanceType;
  family: StanceFamily;
  date: string;
  datePrecision: string;
  actorId: string;
  actorLabel: string;
  targetId: string;
  targetLabel: string;
  targetType: string;
  party: string | null;
  related: string[];
  /** The negotiations the stance is in (placed before the change hook runs). */
  negotiations: string[];
  sources: string[];
  pair: PairStanceRow[];
}

/** A change event as the outbox stores it: flat properties, its links as JSON. */
export interface ChangeEventRow {
  id: string;
  kind: string;
  at: string;
  title: string;
  sourceId: string | null;
  subjects: string[];
  links: string;
}

export async function readBeforeChange(tx: Transaction, sourceId: string, stanceIds: string[]): Promise<BeforeChangeRow> {
  const [row] = await tx.run<BeforeChangeRow>(cypher('watches/before-change'), { sourceId, stanceIds });
  return row ?? { sourceExisted: false, existingStances: [] };
}

export function readStanceFacts(tx: Transaction, ids: string[]): Promise<StanceFactRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.run<StanceFactRow>(cypher('watches/stance-facts'), { ids });
}

export async function readSourceSubjects(tx: Transaction, sourceId: string): Promise<{ title: string; subjects: string[] } | undefined> {
  const [row] = await tx.run<{ title: string; subjects: string[] }>(cypher('watches/source-subjects'), { sourceId });
  return row;
}

/** The events of one change, with the change set that names them (nothing when there are none). */
export async function appendChangeEvents(tx: Transaction, set: { id: string; at: string; sourceId: string | null }, events: ChangeEventRow[]): Promise<void> {
  if (events.length > 0) await tx.run(cypher('watches/append-events'), { set, events });
}
