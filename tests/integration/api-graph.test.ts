import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { MultiDirectedGraph } from 'graphology';
import { type TestApp, startTestApp } from '../support/app.ts';
import { type SpecValidator, startSeededAppWithSpec } from '../support/openapi.ts';

let app: TestApp;
let spec: SpecValidator;
beforeAll(async () => ({ app, spec } = await startSeededAppWithSpec()));
afterAll(() => app.close());

describe('GET /api/graph', () => {
  it('collapses each stance into one actor → target edge carrying the stance and its quotes', async () => {
    const res = await app.request('/api/graph?position=position:unconditional-ceasefire');
    expect(res.status).toBe(200);
    spec.expectMatches('get', '/api/graph', 200, res.body);
    expect(res.body.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['party:russia', 'party:ukraine', 'position:unconditional-ceasefire']);
    const rejected = res.body.edges.find((e: { key: string }) => e.key === 'stance:russia-rejected-unconditional-ceasefire-2025-06-02');
    expect(rejected).toMatchObject({
      source: 'party:russia',
      target: 'position:unconditional-ceasefire',
      key: 'stance:russia-rejected-unconditional-ceasefire-2025-06-02',
      // One stance, three reports (the article, The Post News, Anadolu): one edge.
      attributes: { stanceId: 'stance:russia-rejected-unconditional-ceasefire-2025-06-02', family: 'rejection', date: '2025-06-02', evidenceCount: 3 },
    });
    const proposed = res.body.edges.filter((e: { type: string }) => e.type === 'proposed');
    expect(proposed.length).toBeGreaterThan(0);
    for (const edge of proposed) expect(edge).toMatchObject({ source: 'party:ukraine', attributes: { family: 'proposal' } });
    expect(rejected.attributes.evidence.map((e: { source: string }) => e.source)).toContain('source:russia-no-quick-breakthroughs-2025-06-03');
    expect(res.body.nodes.every((n: { type: string }) => n.type !== 'Stance')).toBe(true);
  });

  it("carries each stance's condition, event and the official who voiced it", async () => {
    const res = await app.request('/api/graph');
    const edge = (id: string) => res.body.edges.find((e: { id: string }) => e.id === id);
    expect(edge('stance:russia-offered-pause-russian-offensive-2025-06-02').attributes).toMatchObject({
      conditionPosition: 'position:withdrawal-from-four-regions',
      event: 'event:istanbul-talks-2025-06-02',
      voicedBy: null,
    });
    expect(edge('stance:russia-offered-partial-truce-2025-06-02').attributes).toMatchObject({ conditionPosition: null, voicedBy: 'official:vladimir-medinsky' });
  });

  it('is ready for graphology import: every edge joins two returned nodes and keys equal ids', async () => {
    const res = await app.request('/api/graph');
    expect(res.status).toBe(200);
    expect(res.body.truncated).toBe(false);
    const graph = new MultiDirectedGraph();
    graph.import({ nodes: res.body.nodes, edges: res.body.edges });
    expect(graph.order).toBe(res.body.nodes.length);
    expect(graph.size).toBe(res.body.edges.length);
    expect(res.body.nodes.some((n: { type: string }) => n.type === 'Source')).toBe(false);
    expect(res.body.edges.some((e: { type: string }) => e.type === 'REPRESENTS')).toBe(true);
  });

  it('enforces the node cap and says the answer was truncated', async () => {
    const res = await app.request('/api/graph?limit=5');
    expect(res.body.nodes).toHaveLength(5);
    expect(res.body.truncated).toBe(true);
    const ids = new Set(res.body.nodes.map((n: { id: string }) => n.id));
    expect(res.body.edges.every((e: { source: string; target: string }) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });

  it('caps at the server setting even when a larger limit is asked for', async () => {
    const small = await startTestApp({ PARLEY_GRAPH_MAX_NODES: '7' });
    try {
      const res = await small.request('/api/graph?limit=1000');
      expect(res.body.nodes).toHaveLength(7);
      expect(res.body.truncated).toBe(true);
    } finally {
      await small.close();
    }
  });

  it('caps the edges too, saying the answer was cut', async () => {
    const whole = await app.request('/api/graph');
    expect(whole.body.truncated).toBe(false);
    expect(whole.body.edges.length).toBeGreaterThan(10);
    const small = await startTestApp({ PARLEY_GRAPH_MAX_EDGES: '10' });
    try {
      const res = await small.request('/api/graph');
      expect(res.body.nodes).toHaveLength(whole.body.nodes.length);
      expect(res.body.edges).toHaveLength(10);
      expect(res.body.truncated).toBe(true);
    } finally {
      await small.close();
    }
  });

  it('filters by node types, stance types, actor (with officials rolled up) and asOf', async () => {
    const types = await app.request('/api/graph?nodeTypes=Party,Position&stanceTypes=demanded');
    expect(new Set(types.body.nodes.map((n: { type: string }) => n.type))).toEqual(new Set(['Party', 'Position']));
    const demanded = types.body.edges.filter((e: { attributes: { stanceId?: string } }) => e.attributes.stanceId);
    expect(demanded.length).toBeGreaterThan(0);
    expect(new Set(demanded.map((e: { type: string }) => e.type))).toEqual(new Set(['demanded']));

    const russia = await app.request('/api/graph?actor=party:russia');
    const sources = new Set(russia.body.edges.filter((e: { attributes: { stanceId?: string } }) => e.attributes.stanceId).map((e: { source: string }) => e.source));
    expect(sources).toContain('official:dmitry-peskov');
    expect(sources).toContain('party:russia');
    expect(sources).not.toContain('party:ukraine');

    const early = await app.request('/api/graph?asOf=2025-06-02');
    const stanceDates = early.body.edges.filter((e: { attributes: { stanceId?: string } }) => e.attributes.stanceId).map((e: { attributes: { date: string } }) => e.attributes.date);
    expect(stanceDates.length).toBeGreaterThan(0);
    expect(stanceDates.every((d: string) => d <= '2025-06-02')).toBe(true);
    expect(early.body.nodes.some((n: { id: string }) => n.id === 'event:sumy-rocket-attack-2025-06-03')).toBe(false);
  });

  it('answers 400 naming the field for bad filters and 404 for an unknown actor', async () => {
    for (const [query, field] of [['limit=0', 'limit'], ['nodeTypes=Stance', 'nodeTypes.0'], ['stanceTypes=loved', 'stanceTypes.0'], ['asOf=2025-13-01', 'asOf'], ['actor=russia', 'actor']]) {
      const res = await app.request(`/api/graph?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
      expect(res.body.error.message).toContain(field);
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
    const res = await app.request(`/api/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    spec.expectMatches('get', '/api/search', 200, res.body);
    expect(res.body.results.map((r: { id: string }) => r.id)).toContain(id);
  });

  it('ranks the best match first and treats Lucene syntax in the input as plain text', async () => {
    const best = await app.request('/api/search?q=unconditional%20ceasefire');
    expect(best.body.results[0].id).toBe('position:unconditional-ceasefire');
    for (const q of ['(a:b', 'AND OR NOT', '"', 'x~^2*?\\/']) {
      const res = await app.request(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
  });

  it('restricts to node types and refuses an empty query', async () => {
    const res = await app.request('/api/search?q=russia&types=Place');
    expect(res.body.results.length).toBeGreaterThan(0);
    expect(res.body.results.every((r: { type: string }) => r.type === 'Place')).toBe(true);
    const empty = await app.request('/api/search?q=');
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('q');
  });
});

describe('GET /api/nodes/:id and neighbours', () => {
  it('returns a node with its properties and degree', async () => {
    const res = await app.request('/api/nodes/official:dmitry-peskov');
    expect(res.status).toBe(200);
    spec.expectMatches('get', '/api/nodes/{id}', 200, res.body);
    expect(res.body.node).toMatchObject({ id: 'official:dmitry-peskov', key: 'official:dmitry-peskov', type: 'Official', label: 'Dmitry Peskov' });
    expect(res.body.node.attributes.aliases).toContain('Peskov');
    expect(res.body.node.attributes.aliasText).toBeUndefined();
    expect(res.body.degree.stances).toBe(2);
  });

  it('formats dates as YYYY-MM-DD', async () => {
    const res = await app.request('/api/nodes/event:istanbul-talks-2025-06-02');
    expect(res.body.node.attributes.date).toBe('2025-06-02');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await app.request('/api/nodes/party:atlantis');
    expect(missing.status).toBe(404);
    spec.expectMatches('get', '/api/nodes/{id}', 404, missing.body);
    const bad = await app.request('/api/nodes/atlantis');
    expect(bad.status).toBe(400);
    expect((await app.request('/api/nodes/party:atlantis/neighbors')).status).toBe(404);
  });

  it('walks one stance per hop: depth 1 from Peskov reaches the summit, depth 2 reaches its backers', async () => {
    const one = await app.request('/api/nodes/official:dmitry-peskov/neighbors?depth=1');
    expect(one.status).toBe(200);
    spec.expectMatches('get', '/api/nodes/{id}/neighbors', 200, one.body);
    const ids1 = one.body.nodes.map((n: { id: string }) => n.id);
    expect(ids1).toContain('position:leaders-summit');
    expect(ids1).toContain('party:russia');
    expect(ids1).not.toContain('official:volodymyr-zelensky');
    expect(one.body.edges.some((e: { type: string; source: string }) => e.type === 'dismissed' && e.source === 'official:dmitry-peskov')).toBe(true);

    const two = await app.request('/api/nodes/official:dmitry-peskov/neighbors?depth=2');
    expect(two.body.nodes.map((n: { id: string }) => n.id)).toContain('official:volodymyr-zelensky');
  });

  it('caps neighbours and refuses depth outside 1..3', async () => {
    const capped = await app.request('/api/nodes/party:russia/neighbors?depth=3&limit=4');
    expect(capped.body.nodes).toHaveLength(5);
    expect(capped.body.truncated).toBe(true);
    const deep = await app.request('/api/nodes/party:russia/neighbors?depth=4');
    expect(deep.status).toBe(400);
    expect(deep.body.error.message).toContain('depth');
  });
});

describe('GET /api/export', () => {
  it('json is the graph as an attachment', async () => {
    const res = await app.request('/api/export?format=json&position=position:leaders-summit');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="parley-graph.json"');
    const graph = await app.request('/api/graph?position=position:leaders-summit');
    expect(res.body.edges.map((e: { type: string }) => e.type).sort()).toEqual(graph.body.edges.map((e: { type: string }) => e.type).sort());
    expect(new Set(res.body.edges.map((e: { type: string }) => e.type))).toEqual(new Set(['backed', 'dismissed', 'open_to']));
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
    const asJson = await app.request('/api/graph?position=position:unconditional-ceasefire');
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(asJson.body.edges.length);
    expect(graph.getNodeAttribute('party:russia', 'label')).toBe('Russia');
  });

  it('csv gives edges with node labels, or nodes with part=nodes', async () => {
    const edges = await app.request('/api/export?format=csv&position=position:unconditional-ceasefire');
    expect(edges.headers.get('content-type')).toContain('text/csv');
    expect(edges.headers.get('content-disposition')).toContain('parley-edges.csv');
    const lines = edges.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,source,source_label,target,target_label,type,family/);
    expect(lines.some((l) => l.startsWith('stance:russia-rejected-unconditional-ceasefire-2025-06-02,party:russia,Russia,'))).toBe(true);
    const asJson = await app.request('/api/graph?position=position:unconditional-ceasefire');
    expect(lines).toHaveLength(asJson.body.edges.length + 1);
    const nodes = await app.request('/api/export?format=csv&part=nodes&nodeTypes=Party');
    expect(nodes.text.split('\r\n')[0]).toMatch(/^id,label,type/);
    expect(nodes.text).toContain('party:turkiye,Türkiye,Party');
  });

  it('refuses an unknown format with 400', async () => {
    const res = await app.request('/api/export?format=xlsx');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('format');
  });
});
