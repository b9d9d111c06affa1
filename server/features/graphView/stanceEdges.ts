/**
 * The graph view's stances, read in chunks of actors and aggregated into one edge per actor →
 * target, or summed per community → community of a placement. Shared by the answers
 * (graphView.ts) and the layout that is kept for them (layoutKeeper.ts).
 */
import type { Database } from '../../db/database.ts';
import { STANCE_TYPE_NAMES } from '../../contract/model.ts';
import { type ActorLoadRow, type ClusterEdgeRow, readAggregatedStanceEdges, readClusterStanceEdges, readStanceActors, readStructuralEdges, type StanceFilterRow } from './data.ts';
import { type Placement, STANCES_RELATION, type ViewEdge, stanceEdge, structuralEdge } from './graphLayout.ts';

/**
 * Actors are read in chunks of about this many stances: one read transaction then aggregates a
 * bounded share of a large world (a million stances at once pass Neo4j's per-transaction memory).
 */
const STANCES_PER_READ = 50_000;

/** Actors packed in order into chunks of at most `maxStances` stances (an actor with more has a chunk of its own). */
export function chunkActors(actors: readonly ActorLoadRow[], maxStances: number): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let load = 0;
  for (const actor of actors) {
    if (current.length > 0 && load + actor.stances > maxStances) {
      chunks.push(current);
      current = [];
      load = 0;
    }
    current.push(actor.id);
    load += actor.stances;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * The aggregated actor → target edges, read chunk by chunk and handed over one chunk at a time:
 * of every actor (`among` null), or among the given nodes only (a cluster, the best-connected).
 */
export async function forEachStanceEdgeChunk(
  db: Database,
  filter: StanceFilterRow,
  among: readonly string[] | null,
  take: (edges: ViewEdge[]) => void,
  stancesPerRead = STANCES_PER_READ,
): Promise<void> {
  for (const actors of chunkActors(await readStanceActors(db, among, filter.negotiation), stancesPerRead)) {
    take((await readAggregatedStanceEdges(db, filter, actors, among)).map(stanceEdge));
  }
}

/** The edges among the given nodes: their aggregated stances and structural relationships. */
export async function readEdgesAmong(db: Database, filter: StanceFilterRow, ids: readonly string[], structural?: readonly ViewEdge[]): Promise<ViewEdge[]> {
  const edges: ViewEdge[] = [];
  await forEachStanceEdgeChunk(db, filter, ids, (chunk) => edges.push(...chunk));
  const members = new Set(ids);
  for (const edge of structural ?? (await readStructuralEdges(db)).map(structuralEdge)) {
    if (members.has(edge.source) && members.has(edge.target)) edges.push(edge);
  }
  return edges;
}

/** Stances aggregated per community → community of a placement (the clustered view), all actors in chunks. */
export async function readClusterEdges(db: Database, filter: StanceFilterRow, placement: Placement, stancesPerRead = STANCES_PER_READ): Promise<ClusterEdgeRow[]> {
  const communityOf = Object.fromEntries([...placement].map(([id, place]) => [id, place.community]));
  const sums = new Map<string, ClusterEdgeRow>();
  for (const actors of chunkActors(await readStanceActors(db, null, filter.negotiation), stancesPerRead)) {
    for (const row of await readClusterStanceEdges(db, filter, actors, communityOf)) addClusterEdge(sums, row);
  }
  return sortedClusterEdges(sums);
}

/** The stances between communities of a placement, summed from actor → target edges held in memory. */
export function clusterEdgesOf(edges: readonly ViewEdge[], placement: Placement): ClusterEdgeRow[] {
  const sums = new Map<string, ClusterEdgeRow>();
  for (const edge of edges) {
    const source = placement.get(edge.source)?.community;
    const target = placement.get(edge.target)?.community;
    if (edge.relation !== STANCES_RELATION || source === undefined || target === undefined || source === target) continue;
    addClusterEdge(sums, { source, target, stanceCount: edge.stanceCount, latestType: edge.latestType!, latestFamily: edge.latestFamily!, latestDate: edge.latestDate!, latestStance: edge.latestStance! });
  }
  return sortedClusterEdges(sums);
}

export const sortedClusterEdges = (sums: Map<string, ClusterEdgeRow>) => [...sums.values()].sort((a, b) => a.source - b.source || a.target - b.target);

/** Adds one community → community row into the sums: counts add up, the latest stance wins (latest date, then highest id, as each row's own). */
export function addClusterEdge(sums: Map<string, ClusterEdgeRow>, row: ClusterEdgeRow): void {
  const key = `${row.source}>${row.target}`;
  const sum = sums.get(key);
  if (!sum) sums.set(key, { ...row });
  else {
    sum.stanceCount += row.stanceCount;
    const later = row.latestDate > sum.latestDate || (row.latestDate === sum.latestDate && row.latestStance > sum.latestStance);
    if (later) Object.assign(sum, { latestType: row.latestType, latestFamily: row.latestFamily, latestDate: row.latestDate, latestStance: row.latestStance });
  }
}

/** Every stance type, at any date, from every source. */
export const UNFILTERED: StanceFilterRow = { stanceTypes: STANCE_TYPE_NAMES, asOf: null, sources: null, negotiation: null };
