/**
 * Data access for the graph view: drawable nodes, stances aggregated per actor → target,
 * structural relationships, and the stored layout (one GraphLayout node holding its snapshot).
 */
import { cypher } from '../../db/cypherFiles.ts';
import type { Database } from '../../db/database.ts';

export interface ViewNodeRow {
  id: string;
  type: string;
  label: string;
  /** An event's or document's date (ISO), null for undated nodes. */
  date: string | null;
  /** Some stance targets this node. */
  targeted: boolean;
  /** How many stances the node took or is the target of: its weight when a budget keeps the best-connected. */
  stances: number;
}

export interface AggregatedEdgeRow {
  source: string;
  target: string;
  stanceCount: number;
  latestType: string;
  latestFamily: string;
  latestDate: string;
  /** The latest stance's id: with the date, it decides which stance is latest when edges are summed. */
  latestStance: string;
}

export interface StructuralEdgeRow {
  source: string;
  target: string;
  relation: string;
}

export interface StanceFilterRow {
  stanceTypes: readonly string[];
  asOf: string | null;
  /** The admissible sources of a grade filter (null: every source). */
  sources: readonly string[] | null;
  /** Only the stances of this negotiation (null: every negotiation). */
  negotiation: string | null;
}

export interface ActorLoadRow {
  id: string;
  /** How many stances the actor took (unfiltered). */
  stances: number;
}

/** An aggregated edge between two communities of the stored layout. */
export interface ClusterEdgeRow {
  source: number;
  target: number;
  stanceCount: number;
  latestType: string;
  latestFamily: string;
  latestDate: string;
  /** The latest stance's id: with the date, it decides which stance is latest when edges are summed. */
  latestStance: string;
}

/** The drawable nodes (of one negotiation when given; `ends`: the actors and targets of its stances, when already read). */
export function readViewNodes(db: Database, asOf: string | null, negotiation: string | null = null, ends: readonly string[] | null = null): Promise<ViewNodeRow[]> {
  return db.read<ViewNodeRow>(cypher('graph-view/view-nodes'), { asOf, negotiation, ends });
}

/** An actor → target pair of a negotiation's stances; with none of them passing the filter, stanceCount 0 and no latest stance. */
export type NegotiationEdgeRow = Pick<AggregatedEdgeRow, 'source' | 'target' | 'stanceCount'> & { [K in 'latestType' | 'latestFamily' | 'latestDate' | 'latestStance']: string | null };

/** A negotiation's stances aggregated per actor → target in one read (its actors and targets are the pairs' ends). */
export function readNegotiationStanceEdges(db: Database, filter: StanceFilterRow & { negotiation: string }): Promise<NegotiationEdgeRow[]> {
  return db.read<NegotiationEdgeRow>(cypher('graph-view/view-negotiation-edges'), stanceFilter(filter));
}

/** A drawable node's part in one negotiation: how many of its stances it took or is the target of, plus its other ties. */
export interface NodeNegotiationRow {
  id: string;
  negotiation: string;
  weight: number;
}

/** Every drawable node's negotiations, weighted (graph-view/node-negotiations), for the layout. */
export function readNodeNegotiations(db: Database): Promise<NodeNegotiationRow[]> {
  return db.read<NodeNegotiationRow>(cypher('graph-view/node-negotiations'));
}

/** The actors that took stances (all, or those among `ids`; of one negotiation's stances when given), with their stance counts. */
export function readStanceActors(db: Database, ids: readonly string[] | null, negotiation: string | null = null): Promise<ActorLoadRow[]> {
  return db.read<ActorLoadRow>(cypher('graph-view/stance-actors'), { ids, negotiation });
}

/** One chunk of actors' stances, one row per actor → target (only into `targets` when given). */
export function readAggregatedStanceEdges(db: Database, filter: StanceFilterRow, actors: readonly string[], targets: readonly string[] | null): Promise<AggregatedEdgeRow[]> {
  return db.read<AggregatedEdgeRow>(cypher('graph-view/view-stance-edges'), { ...stanceFilter(filter), actors, targets });
}

/** One chunk of actors' stances, one row per community → community of the given placement. */
export function readClusterStanceEdges(db: Database, filter: StanceFilterRow, actors: readonly string[], communityOf: Record<string, number>): Promise<ClusterEdgeRow[]> {
  return db.read<ClusterEdgeRow>(cypher('graph-view/view-cluster-edges'), { ...stanceFilter(filter), actors, communityOf });
}

function stanceFilter(filter: StanceFilterRow) {
  return { stanceTypes: filter.stanceTypes, asOf: filter.asOf, sources: filter.sources, negotiation: filter.negotiation };
}

/** The structural edges among every drawable node, or only those between two of `ids`. */
export function readStructuralEdges(db: Database, ids: readonly string[] | null = null): Promise<StructuralEdgeRow[]> {
  return db.read<StructuralEdgeRow>(cypher('graph-view/view-structural-edges'), { ids });
}

/** A fingerprint of what the layout depends on; it changes with every ingestion or deletion. */
export async function readLayoutStamp(db: Database): Promise<string> {
  const [row] = await db.read<{ stamp: string }>(cypher('graph-view/layout-stamp'));
  return row!.stamp;
}

interface StoredLayoutRow {
  stamp: string;
  computedAt: string;
  /** The arranged snapshot as JSON, written and read whole. */
  snapshot: string;
}

export async function readStoredLayout(db: Database): Promise<StoredLayoutRow | null> {
  const [row] = await db.read<StoredLayoutRow>(cypher('graph-view/layout-read'));
  return row ?? null;
}

export async function writeStoredLayout(db: Database, layout: StoredLayoutRow): Promise<void> {
  await db.write(cypher('graph-view/layout-write'), { ...layout });
}

/** Keeps the stored layout under a new stamp; false when the stored one is no longer at `previous`. */
export async function restampStoredLayout(db: Database, previous: string, stamp: string): Promise<boolean> {
  return (await db.write<{ computedAt: string }>(cypher('graph-view/layout-restamp'), { previous, stamp })).length > 0;
}

/** The sources ingested after `since` (an ingestion time; null: all), and whether it was their first ingestion. */
export function readSourcesIngestedSince(db: Database, since: string | null): Promise<{ id: string; first: boolean }[]> {
  return db.read<{ id: string; first: boolean }>(cypher('graph-view/sources-since'), { since });
}

/** The stances these sources brought (evidenced by them and no other source), one row per actor → target. */
export function readStanceDelta(db: Database, sources: readonly string[]): Promise<AggregatedEdgeRow[]> {
  return db.read<AggregatedEdgeRow>(cypher('graph-view/stance-delta'), { sources });
}
