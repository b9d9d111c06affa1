/**
 * Data access for the graph view: drawable nodes, stances aggregated per actor → target,
 * structural relationships, and the stored layout (one GraphLayout node holding its snapshot).
 */
import { cypher } from '../db/cypherFiles.ts';
import type { Database } from '../db/database.ts';

export interface ViewNodeRow {
  id: string;
  type: string;
  label: string;
  /** An event's or document's date (ISO), null for undated nodes. */
  date: string | null;
  /** Some stance targets this node. */
  targeted: boolean;
}

export interface AggregatedEdgeRow {
  source: string;
  target: string;
  stanceCount: number;
  latestType: string;
  latestFamily: string;
  latestDate: string;
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
}

export function readViewNodes(db: Database, asOf: string | null): Promise<ViewNodeRow[]> {
  return db.read<ViewNodeRow>(cypher('graph/view-nodes'), { asOf });
}

export function readAggregatedStanceEdges(db: Database, filter: StanceFilterRow): Promise<AggregatedEdgeRow[]> {
  return db.read<AggregatedEdgeRow>(cypher('graph/view-stance-edges'), { stanceTypes: filter.stanceTypes, asOf: filter.asOf, sources: filter.sources });
}

export function readStructuralEdges(db: Database): Promise<StructuralEdgeRow[]> {
  return db.read<StructuralEdgeRow>(cypher('graph/view-structural-edges'));
}

/** A fingerprint of what the layout depends on; it changes with every ingestion or deletion. */
export async function readLayoutStamp(db: Database): Promise<string> {
  const [row] = await db.read<{ stamp: string }>(cypher('graph/layout-stamp'));
  return row!.stamp;
}

export interface StoredLayoutRow {
  stamp: string;
  computedAt: string;
  /** The arranged snapshot as JSON, written and read whole. */
  snapshot: string;
}

export async function readStoredLayout(db: Database): Promise<StoredLayoutRow | null> {
  const [row] = await db.read<StoredLayoutRow>(cypher('graph/layout-read'));
  return row ?? null;
}

export async function writeStoredLayout(db: Database, layout: StoredLayoutRow): Promise<void> {
  await db.write(cypher('graph/layout-write'), { ...layout });
}
