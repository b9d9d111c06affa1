/**
 * Data access for negotiations (docs/model.md, "Negotiations"): declaring one, which exist, the
 * membership of a source's stances, events and documents (what its payload says, else the
 * assignment rule), the pages the start migration assigns, and the list. Plain rows only.
 */
import { cypher } from '../db/cypherFiles.ts';
import type { Database, Transaction } from '../db/database.ts';

/** The negotiation of what no negotiation matched and no source placed. */
export const UNASSIGNED_NEGOTIATION = 'negotiation:unassigned';

/** What a negotiation is declared with, as stored on its node. */
interface NegotiationFields {
  id: string;
  name: string;
  aliases: string[];
  description: string | null;
  start: string | null;
  end: string | null;
}

export interface NegotiationRow extends NegotiationFields {
  parties: string[];
  mediators: string[];
}

export interface NegotiationListRow extends NegotiationFields {
  parties: { id: string; label: string; type: string }[];
  mediators: { id: string; label: string; type: string }[];
  counts: { stances: number; events: number; documents: number; positions: number; sources: number };
}

type Runner = Pick<Transaction, 'run'>;

export async function declareNegotiation(tx: Runner, negotiation: NegotiationRow): Promise<void> {
  await tx.run(cypher('negotiations/declare'), { negotiation });
}

/** Of `ids`, those that name a negotiation. */
export async function existingNegotiations(db: Database, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await db.read<{ id: string }>(cypher('negotiations/existing'), { ids })).map((r) => r.id));
}

export function readNegotiations(db: Database, id: string | null): Promise<NegotiationListRow[]> {
  return db.read<NegotiationListRow>(cypher('negotiations/list'), { id, unassigned: UNASSIGNED_NEGOTIATION });
}

/** Before a source is written again or deleted: its claims on memberships are taken back; answers the nodes it had placed. */
export async function retractSourceMembership(tx: Runner, sourceId: string): Promise<string[]> {
  const [row] = await tx.run<{ ids: string[] }>(cypher('negotiations/retract'), { sourceId });
  return row?.ids ?? [];
}

/**
 * After a source is written: what it reports joins the negotiation it names (`negotiation`), and
 * whatever is then in none (its own, and `released`: what it no longer places) is assigned by the
 * rule. All in the caller's transaction.
 */
export async function assignSourceMembership(tx: Runner, sourceId: string, negotiation: string | null, released: string[]): Promise<void> {
  const [members] = await tx.run<{ stances: string[]; context: string[] }>(cypher('negotiations/source-members'), { sourceId });
  const stances = members?.stances ?? [];
  const context = members?.context ?? [];
  if (negotiation !== null) await tx.run(cypher('negotiations/assign-explicit'), { ids: [...stances, ...context], negotiation, sourceId });
  await assignByRule(tx, [...new Set([...stances, ...released])], [...new Set([...context, ...released])]);
}

/** The assignment rule over the given stances, then events and documents; what nothing places goes to "Unassigned". */
export async function assignByRule(tx: Runner, stances: string[], context: string[]): Promise<void> {
  const params = { ids: stances, unassigned: UNASSIGNED_NEGOTIATION };
  await assignStancesByRule(tx, stances);
  await assignStancesBySource(tx, stances);
  await tx.run(cypher('negotiations/assign-unassigned'), params);
  await assignContext(tx, context);
}

export async function assignStancesByRule(tx: Runner, ids: string[]): Promise<void> {
  if (ids.length > 0) await tx.run(cypher('negotiations/assign-by-rule'), { ids, unassigned: UNASSIGNED_NEGOTIATION });
}

export async function assignStancesBySource(tx: Runner, ids: string[]): Promise<void> {
  if (ids.length > 0) await tx.run(cypher('negotiations/assign-by-source'), { ids, unassigned: UNASSIGNED_NEGOTIATION });
}

export async function assignUnassigned(tx: Runner, ids: string[]): Promise<void> {
  if (ids.length > 0) await tx.run(cypher('negotiations/assign-unassigned'), { ids, unassigned: UNASSIGNED_NEGOTIATION });
}

export async function assignContext(tx: Runner, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.run(cypher('negotiations/assign-context'), { ids, unassigned: UNASSIGNED_NEGOTIATION });
  await assignUnassigned(tx, ids);
}

/** One page of the stances (or events and documents) in no negotiation (`reconsider`: or only in "Unassigned"), after `after` by id. */
export async function readToMigrate(db: Database, kind: 'stances' | 'context', after: string, limit: number, reconsider: boolean): Promise<string[]> {
  const rows = await db.read<{ id: string }>(cypher(`negotiations/to-migrate-${kind}`), { after, limit, reconsider, unassigned: UNASSIGNED_NEGOTIATION });
  return rows.map((r) => r.id);
}

export async function dropEmptyUnassigned(db: Database): Promise<void> {
  await db.write(cypher('negotiations/drop-empty-unassigned'), { unassigned: UNASSIGNED_NEGOTIATION });
}

export async function sourcesPresent(db: Database, ids: string[]): Promise<Set<string>> {
  return new Set((await db.read<{ id: string }>(cypher('negotiations/sources-present'), { ids })).map((r) => r.id));
}

/** Of the stances `ids`, those in the negotiation. */
export async function stancesInNegotiation(db: Database, negotiation: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await db.read<{ id: string }>(cypher('negotiations/members'), { negotiation, ids })).map((r) => r.id));
}

/** The negotiations of each of the stances `ids`: one row per stance and negotiation. */
export function readStanceNegotiations(db: Database, ids: string[]): Promise<{ stance: string; id: string; name: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.read(cypher('negotiations/of-stances'), { ids });
}

/** Every negotiation's name, aliases and the ids of its parties and mediators ("Unassigned" aside). */
export function readNegotiationNames(db: Database): Promise<{ id: string; name: string; aliases: string[]; parties: string[] }[]> {
  return db.read(cypher('negotiations/names'), { unassigned: UNASSIGNED_NEGOTIATION });
}

/** The sources that report on the negotiation. */
export async function readNegotiationSources(db: Database, negotiation: string): Promise<string[]> {
  return (await db.read<{ id: string }>(cypher('negotiations/sources'), { negotiation })).map((r) => r.id);
}

/** Of the nodes `ids`, those with a stance in the negotiation (or that are its members). */
export async function involvedInNegotiation(db: Database, negotiation: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await db.read<{ id: string }>(cypher('negotiations/involved'), { negotiation, ids })).map((r) => r.id));
}

/** What the assignment rule would make of a draft's stances (nothing written): per probe, by index. */
export interface DraftMatchRow {
  probe: number;
  negotiation: string | null;
  party: string | null;
  partyName: string | null;
}

/** The rule (negotiation-match) and the roll-up (party-of) over probes `{actor, date}`; actors the graph lacks give no row. */
export function matchDraftStances(db: Database, probes: { actor: string; date: string }[]): Promise<DraftMatchRow[]> {
  if (probes.length === 0) return Promise.resolve([]);
  return db.read(cypher('negotiations/match-draft'), { probes, unassigned: UNASSIGNED_NEGOTIATION });
}
