import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { MultiDirectedGraph } from 'graphology';
import { type GraphEdge, stanceEdgeAttributesSchema } from '../../server/contract/common.ts';
import { type TestApp, answerOf, errorOf, failureOf, startTestApp } from '../support/app.ts';
import { type SpecValidator, startSeededAppWithSpec } from '../support/openapi.ts';

let app: TestApp;
let spec: SpecValidator;
beforeAll(async () => ({ app, spec } = await startSeededAppWithSpec()));
afterAll(() => app.close());

/** A stance edge's attributes, checked against their declared shape (a structural edge fails). */
const stanceOf = (edge: GraphEdge | undefined) => stanceEdgeAttributesSchema.parse(edge?.attributes);
/** Stance edges carry a stanceId; structural ones do not. */
const isStanceEdge = (edge: GraphEdge) => typeof edge.attributes['stanceId'] === 'string';

describe('GET /api/graph', () => {
  it('collapses each stance into one actor → target edge carrying the stance and its quotes', async () => {
    const body = await app.api.graph({ query: { position: 'position:unconditional-ceasefire' } });
    spec.expectMatches('get', '/api/graph', 200, body);
    expect(body.nodes.map((n) => n.id).sort()).toEqual(['party:russia', 'party:ukraine', 'position:unconditional-ceasefire']);
    const rejected = body.edges.find((e) => e.key === 'stance:russia-rejected-unconditional-ceasefire-2025-06-02');
    expect(rejected).toMatchObject({
      source: 'party:russia',
      target: 'position:unconditional-ceasefire',
      key: 'stance:russia-rejected-unconditional-ceasefire-2025-06-02',
      // One stance, three reports (the article, The Post News, Anadolu): one edge.
      attributes: { stanceId: 'stance:russia-rejected-unconditional-ceasefire-2025-06-02', family: 'rejection', date: '2025-06-02', evidenceCount: 3 },
    });
    const proposed = body.edges.filter((e) => e.type === 'proposed');
    expect(proposed.length).toBeGreaterThan(0);
    for (const edge of proposed) expect(edge).toMatchObject({ source: 'party:ukraine', attributes: { family: 'proposal' } });
    expect(stanceOf(rejected).evidence.map((e) => e.source)).toContain('source:russia-no-quick-breakthroughs-2025-06-03');
    expect(body.nodes.every((n) => n.type !== 'Stance')).toBe(true);
  });

  it("carries each stance's condition, event and the official who voiced it", async () => {
    const body = await app.api.graph();
    const edge = (id: string) => body.edges.find((e) => e.id === id);
    expect(edge('stance:russia-offered-pause-russian-offensive-2025-06-02')?.attributes).toMatchObject({
      conditionPosition: 'position:withdrawal-from-four-regions',
      event: 'event:istanbul-talks-2025-06-02',
      voicedBy: null,
    });
    expect(edge('stance:russia-offered-partial-truce-2025-06-02')?.attributes).toMatchObject({ conditionPosition: null, voicedBy: 'official:vladimir-medinsky' });
  });

  it('is ready for graphology import: every edge joins two returned nodes and keys equal ids', async () => {
    const body = await app.api.graph();
    expect(body.truncated).toBe(false);
    const graph = new MultiDirectedGraph();
    graph.import({ nodes: body.nodes, edges: body.edges });
    expect(graph.order).toBe(body.nodes.length);
    expect(graph.size).toBe(body.edges.length);
    expect(body.nodes.some((n) => n.type === 'Source')).toBe(false);
    expect(body.edges.some((e) => e.type === 'REPRESENTS')).toBe(true);
  });

  it('enforces the node cap and says the answer was truncated', async () => {
    const body = await app.api.graph({ query: { limit: 5 } });
    expect(body.nodes).toHaveLength(5);
    expect(body.truncated).toBe(true);
    const ids = new Set(body.nodes.map((n) => n.id));
    expect(body.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });

  it('caps at the server setting even when a larger limit is asked for', async () => {
    const small = await startTestApp({ PARLEY_GRAPH_MAX_NODES: '7' });
    try {
      const body = await small.api.graph({ query: { limit: 1000 } });
      expect(body.nodes).toHaveLength(7);
      expect(body.truncated).toBe(true);
    } finally {
      await small.close();
    }
  });

  it('caps the edges too, saying the answer was cut', async () => {
    const whole = await app.api.graph();
    expect(whole.truncated).toBe(false);
    expect(whole.edges.length).toBeGreaterThan(10);
    const small = await startTestApp({ PARLEY_GRAPH_MAX_EDGES: '10' });
    try {
      const body = await small.api.graph();
      expect(body.nodes).toHaveLength(whole.nodes.length);
      expect(body.edges).toHaveLength(10);
      expect(body.truncated).toBe(true);
    } finally {
      await small.close();
    }
  });

  it('filters by node types, stance types, actor (with officials rolled up) and asOf', async () => {
    const types = await app.api.graph({ query: { nodeTypes: ['Party', 'Position'], stanceTypes: ['demanded'] } });
    expect(new Set(types.nodes.map((n) => n.type))).toEqual(new Set(['Party', 'Position']));
    const demanded = types.edges.filter(isStanceEdge);
    expect(demanded.length).toBeGreaterThan(0);
    expect(new Set(demanded.map((e) => e.type))).toEqual(new Set(['demanded']));

    const russia = await app.api.graph({ query: { actor: 'party:russia' } });
    const sources = new Set(russia.edges.filter(isStanceEdge).map((e) => e.source));
    expect(sources).toContain('official:dmitry-peskov');
    expect(sources).toContain('party:russia');
    expect(sources).not.toContain('party:ukraine');

    const early = await app.api.graph({ query: { asOf: '2025-06-02' } });
    const stanceDates = early.edges.filter(isStanceEdge).map((e) => stanceOf(e).date);
    expect(stanceDates.length).toBeGreaterThan(0);
    expect(stanceDates.every((d) => d !== null && d <= '2025-06-02')).toBe(true);
    expect(early.nodes.some((n) => n.id === 'event:sumy-rocket-attack-2025-06-03')).toBe(false);
  });

  it('answers 400 naming the field for bad filters and 404 for an unknown actor', async () => {
    for (const [query, field] of [['limit=0', 'limit'], ['nodeTypes=Stance', 'nodeTypes.0'], ['stanceTypes=loved', 'stanceTypes.0'], ['asOf=2025-13-01', 'asOf'], ['actor=russia', 'actor']]) {
      const res = await app.request(`/api/graph?${query}`);
      expect(res.status, query).toBe(400);
      const error = errorOf(res);
      expect(error.code).toBe('invalid_request');
      expect(error.message).toContain(field);
      spec.expectMatches('get', '/api/graph', 400, res.body);
    }
    const missing = await app.request('/api/graph?actor=party:atlantis');
    expect(missing.status).toBe(404);
    spec.expectMatches('get', '/api/graph', 404, missing.body);
  });
});

describe('GET /api/search', () => {
  it.each([
    ['erdogan', 'official:recep-tayyip-erdogan'],
    ['Erdoğan', 'official:recep-tayyip-erdogan'],
    ['ERDOGAN', 'official:recep-tayyip-erdogan'],
    ['kiev', 'party:ukraine'],
    ['Turkey', 'party:turkiye'],
    ['ceasfire', 'position:unconditional-ceasefire'],
    ["leaders' summit", 'position:leaders-summit'],
    ['zelenskyy', 'official:volodymyr-zelensky'],
  ])('finds %s', async (q, id) => {
    const body = await app.api.search({ query: { q } });
    spec.expectMatches('get', '/api/search', 200, body);
    expect(body.results.map((r) => r.id)).toContain(id);
  });

  it('ranks the best match first and treats Lucene syntax in the input as plain text', async () => {
    const best = await app.api.search({ query: { q: 'unconditional ceasefire' } });
    expect(best.results[0]?.id).toBe('position:unconditional-ceasefire');
    for (const q of ['(a:b', 'AND OR NOT', '"', 'x~^2*?\\/']) {
      await expect(app.api.search({ query: { q } }), q).resolves.toMatchObject({ results: expect.any(Array) });
    }
  });

  it('restricts to node types and refuses an empty query', async () => {
    const res = await app.api.search({ query: { q: 'russia', types: ['Place'] } });
    expect(res.results.length).toBeGreaterThan(0);
    expect(res.results.every((r) => r.type === 'Place')).toBe(true);
    const empty = await app.request('/api/search?q=');
    expect(empty.status).toBe(400);
    expect(errorOf(empty).message).toContain('q');
  });
});

describe('GET /api/nodes/:id and neighbours', () => {
  it('returns a node with its properties and degree', async () => {
    const body = await app.api.node({ params: { id: 'official:dmitry-peskov' } });
    spec.expectMatches('get', '/api/nodes/{id}', 200, body);
    expect(body.node).toMatchObject({ id: 'official:dmitry-peskov', key: 'official:dmitry-peskov', type: 'Official', label: 'Dmitry Peskov' });
    expect(body.node.attributes['aliases']).toContain('Peskov');
    expect(body.node.attributes['aliasText']).toBeUndefined();
    expect(body.degree.stances).toBe(2);
  });

  it('formats dates as YYYY-MM-DD', async () => {
    const body = await app.api.node({ params: { id: 'event:istanbul-talks-2025-06-02' } });
    expect(body.node.attributes['date']).toBe('2025-06-02');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await app.request('/api/nodes/party:atlantis');
    expect(missing.status).toBe(404);
    spec.expectMatches('get', '/api/nodes/{id}', 404, missing.body);
    const bad = await failureOf(app.api.node({ params: { id: 'atlantis' } }));
    expect(bad.status).toBe(400);
    expect((await failureOf(app.api.neighbors({ params: { id: 'party:atlantis' } }))).status).toBe(404);
  });

  it('walks one stance per hop: depth 1 from Peskov reaches the summit, depth 2 reaches its backers', async () => {
    const one = await app.api.neighbors({ params: { id: 'official:dmitry-peskov' }, query: { depth: 1 } });
    spec.expectMatches('get', '/api/nodes/{id}/neighbors', 200, one);
    const ids1 = one.nodes.map((n) => n.id);
    expect(ids1).toContain('position:leaders-summit');
    expect(ids1).toContain('party:russia');
    expect(ids1).not.toContain('official:volodymyr-zelensky');
    expect(one.edges.some((e) => e.type === 'dismissed' && e.source === 'official:dmitry-peskov')).toBe(true);

    const two = await app.api.neighbors({ params: { id: 'official:dmitry-peskov' }, query: { depth: 2 } });
    expect(two.nodes.map((n) => n.id)).toContain('official:volodymyr-zelensky');
  });

  it('caps neighbours and refuses depth outside 1..3', async () => {
    const capped = await app.api.neighbors({ params: { id: 'party:russia' }, query: { depth: 3, limit: 4 } });
    expect(capped.nodes).toHaveLength(5);
    expect(capped.truncated).toBe(true);
    const deep = await failureOf(app.api.neighbors({ params: { id: 'party:russia' }, query: { depth: 4 } }));
    expect(deep.status).toBe(400);
    expect(deep.message).toContain('depth');
  });
});

describe('GET /api/export', () => {
  it('json is the graph as an attachment', async () => {
    const res = await app.request('/api/export?format=json&position=position:leaders-summit');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="parley-graph.json"');
    const exported = answerOf('exportGraph', res);
    const graph = await app.api.graph({ query: { position: 'position:leaders-summit' } });
    expect(exported.edges.map((e) => e.type).sort()).toEqual(graph.edges.map((e) => e.type).sort());
    expect(new Set(exported.edges.map((e) => e.type))).toEqual(new Set(['backed', 'dismissed', 'open_to']));
  });

  it('gexf parses back with graphology-gexf, with stance edges and their quotes', async () => {
    const res = await app.request('/api/export?format=gexf&position=position:leaders-summit');
    expect(res.headers.get('content-type')).toContain('application/gexf+xml');
    expect(res.headers.get('content-disposition')).toContain('parley-graph.gexf');
    const graph = parseGexf(MultiDirectedGraph, res.text);
    expect(graph.hasNode('official:dmitry-peskov')).toBe(true);
    const peskov = graph.outEdges('official:dmitry-peskov').map((e) => graph.getEdgeAttributes(e));
    expect(peskov[0]).toMatchObject({ edgeType: 'dismissed', family: 'rejection' });
    expect(String(peskov[0]!.quotes)).toContain('In the near future, it is unlikely');
  });

  it('graphml parses back with graphology-graphml', async () => {
    const res = await app.request('/api/export?format=graphml&position=position:unconditional-ceasefire');
    expect(res.headers.get('content-type')).toContain('application/graphml+xml');
    const graph = parseGraphml(MultiDirectedGraph, res.text);
    const asJson = await app.api.graph({ query: { position: 'position:unconditional-ceasefire' } });
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(asJson.edges.length);
    expect(graph.getNodeAttribute('party:russia', 'label')).toBe('Russia');
  });

  it('csv gives edges with node labels, or nodes with part=nodes', async () => {
    const edges = await app.request('/api/export?format=csv&position=position:unconditional-ceasefire');
    expect(edges.headers.get('content-type')).toContain('text/csv');
    expect(edges.headers.get('content-disposition')).toContain('parley-edges.csv');
    const lines = edges.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,source,source_label,target,target_label,type,family/);
    expect(lines.some((l) => l.startsWith('stance:russia-rejected-unconditional-ceasefire-2025-06-02,party:russia,Russia,'))).toBe(true);
    const asJson = await app.api.graph({ query: { position: 'position:unconditional-ceasefire' } });
    expect(lines).toHaveLength(asJson.edges.length + 1);
    const nodes = await app.request('/api/export?format=csv&part=nodes&nodeTypes=Party');
    expect(nodes.text.split('\r\n')[0]).toMatch(/^id,label,type/);
    expect(nodes.text).toContain('party:turkiye,Türkiye,Party');
  });

  it('refuses an unknown format with 400', async () => {
    const res = await app.request('/api/export?format=xlsx');
    expect(res.status).toBe(400);
    expect(errorOf(res).message).toContain('format');
  });
});
