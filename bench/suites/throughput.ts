/**
 * 2. /api/graph and /api/export throughput (elements per second) and the server's peak memory,
 * at 10k, 100k and 1M elements where the world is large enough. A world is cut to a size by
 * `asOf` (the time slider): stances after that day drop out, entities stay. The baselines stream
 * the same queries through the raw driver and count the records, and read the stances as four
 * bare columns: the ceiling of any export from this Neo4j.
 */
import { cypher } from '../../server/db/cypherFiles.ts';
import { graphNodesCypher, stancesAmongCypher } from '../../server/features/graph/data.ts';
import { DEFAULT_NODE_TYPES } from '../../server/features/graph/graph.ts';
import { STANCE_TYPE_NAMES } from '../../server/contract/model.ts';
import { compare, elapsedMs, type ResultRow, summarize } from '../stats.ts';
import { cappedRuns, type WorldContext } from './context.ts';

const ELEMENT_TARGETS = [10_000, 100_000, 1_000_000];

interface Cut {
  label: string;
  asOf: string | null;
}

const STRUCTURAL = 'REPRESENTS|DELEGATION_OF|MEMBER_OF|PARTICIPANT|LOCATED_IN|OUTCOME|AUTHORED_BY|ADDRESSED_TO|PRODUCED_AT|SETS_OUT|WITHIN|HAS_PRECONDITION|ALTERNATIVE_TO|CONDITIONAL_ON';

/** The asOf days that cut this world to each reachable target, plus the whole world. */
async function cutsFor(context: WorldContext): Promise<Cut[]> {
  const [counts] = await context.db.read<{ nodes: number; structural: number; stances: number }>(
    `MATCH (n:${DEFAULT_NODE_TYPES.join('|')}) WITH count(n) AS nodes
     MATCH (a:Entity)-[r:${STRUCTURAL}]->(:Entity) WHERE NOT a:Stance WITH nodes, count(r) AS structural
     MATCH (s:Stance) RETURN nodes, structural, count(s) AS stances`,
  );
  const { nodes, structural, stances } = counts!;
  const base = nodes + structural;
  const cuts: Cut[] = [];
  for (const target of ELEMENT_TARGETS) {
    const wanted = target - base;
    if (wanted <= 0 || wanted >= stances * 0.9) continue;
    const [day] = await context.db.read<{ day: string }>('MATCH (s:Stance) WITH s ORDER BY s.date SKIP toInteger($k) LIMIT 1 RETURN toString(s.date) AS day', { k: wanted });
    cuts.push({ label: `~${target / 1000}k elements`, asOf: day!.day });
  }
  cuts.push({ label: 'whole world', asOf: null });
  return cuts;
}

/** Counts graph elements in a streamed /api/graph body: every node and edge carries one `"key":`. */
async function streamElements(url: string): Promise<number> {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`GET ${url}: ${res.status}`);
  const decoder = new TextDecoder();
  let carry = '';
  let elements = 0;
  const reader = res.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    const text = carry + decoder.decode(chunk.value, { stream: true });
    elements += text.split('"key":"').length - 1;
    // Keep a tail shorter than the marker, so a marker split across chunks is counted once.
    carry = text.slice(-6);
  }
  return elements;
}

/**
 * The raw-driver baseline: the same node, stance and structural queries, counting records. With
 * `minimal`, stances come back as four columns (id, actor, target, type) and nothing else: the
 * most any reader of these stances gets out of Neo4j through Bolt on this machine.
 */
async function rawElements(context: WorldContext, asOf: string | null, minimal: boolean): Promise<number> {
  const ids: string[] = [];
  const nodeQuery = { nodeTypes: DEFAULT_NODE_TYPES, stanceTypes: STANCE_TYPE_NAMES, actor: null, position: null, asOf, limit: 5_000_000, sources: null, negotiation: null };
  for await (const row of context.db.stream<{ id: string }>(graphNodesCypher(false), nodeQuery)) ids.push(row.id);
  const stances = minimal ? `${cypher('graph/stances-among')}RETURN s.id AS id, a.id AS source, t.id AS target, s.type AS type` : stancesAmongCypher();
  let edges = 0;
  for await (const _ of context.db.stream(stances, { ids, stanceTypes: STANCE_TYPE_NAMES, asOf, sources: null, negotiation: null })) edges += 1;
  for await (const _ of context.db.stream(cypher('graph/structural-edges'), { ids })) edges += 1;
  return ids.length + edges;
}

export async function throughputSuite(context: WorldContext): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const cut of await cutsFor(context)) {
    const query = cut.asOf ? `?asOf=${cut.asOf}` : '';
    const endpoints = [
      { name: '/api/graph', url: `${context.server.url}/api/graph${query}` },
      { name: '/api/export (json)', url: `${context.server.url}/api/export${query}${query ? '&' : '?'}format=json` },
    ];
    const rates = new Map<string, number[]>([...endpoints.map((e) => [e.name, []] as [string, number[]]), ['raw', []], ['minimal', []]]);
    const peaks = new Map<string, number[]>(endpoints.map((e) => [e.name, []]));
    const idle: number[] = [];
    let elements = 0;
    for (const run of cappedRuns(context)) {
      for (const endpoint of endpoints) {
        idle.push(context.server.rssMb());
        context.server.resetPeakRss();
        const start = performance.now();
        elements = await streamElements(endpoint.url);
        rates.get(endpoint.name)!.push(elements / (elapsedMs(start) / 1000));
        peaks.get(endpoint.name)!.push(context.server.peakRssMb());
      }
      for (const [baseline, minimal] of [['raw', false], ['minimal', true]] as const) {
        const start = performance.now();
        const counted = await rawElements(context, cut.asOf, minimal);
        rates.get(baseline)!.push(counted / (elapsedMs(start) / 1000));
      }
      context.logger.info({ scope: context.scope, cut: cut.label, elements, run: run + 1, of: context.runs }, 'throughput run done');
    }
    const scope = `${context.scope}, ${cut.label}${cut.asOf ? ` (asOf ${cut.asOf})` : ''}: ${elements.toLocaleString('en')} elements`;
    const raw = summarize(rates.get('raw')!);
    const minimal = summarize(rates.get('minimal')!);
    for (const endpoint of endpoints) {
      const parley = summarize(rates.get(endpoint.name)!);
      rows.push({ suite: 'throughput', scope, measure: `${endpoint.name} elements/s`, unit: 'elements/s', higherIsBetter: true, parley, comparisons: [compare('raw neo4j-driver stream', parley, raw), compare('raw driver, stances as 4 columns (ceiling)', parley, minimal)] });
      const peak = summarize(peaks.get(endpoint.name)!);
      rows.push({ suite: 'throughput', scope, measure: `${endpoint.name} peak server RSS`, unit: 'MB', higherIsBetter: false, parley: peak, comparisons: [compare('server RSS before the request', peak, summarize(idle))] });
    }
  }
  return rows;
}
