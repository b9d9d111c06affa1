/**
 * The client reads the server's answers as sent (issue 12): the explorer's API module, driven
 * against the real app and Neo4j, hands its views exactly what the server answered, and the
 * explorer's graph keeps every node and edge attribute, including the stance links (condition
 * position, event, voicing official) that the old client-side normaliser dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, createApi } from '../../client/src/api/client.ts';
import { createExplorerGraph, mergeGraphData } from '../../client/src/graph/explorerGraph.ts';
import { type TestApp, answerOf } from '../support/app.ts';
import { startSeededAppWithSpec } from '../support/openapi.ts';

let app: TestApp;
let client: Api;
beforeAll(async () => {
  ({ app } = await startSeededAppWithSpec());
  client = createApi(app.url);
});
afterAll(() => app.close());

/** The server's JSON answer for a path, read without the client. */
async function served(path: string) {
  const res = await app.request(path);
  expect(res.status).toBe(200);
  return res.body;
}

describe('the client API module', () => {
  it('hands a trace over exactly as the server sends it, conditional stances and link directions included', async () => {
    const id = 'position:withdrawal-from-four-regions';
    const trace = await client.trace({ params: { id } });
    expect(trace).toEqual(await served(`/api/positions/${encodeURIComponent(id)}/trace`));
    expect(trace.conditionalStances.map((s) => s.id)).toContain('stance:russia-offered-pause-russian-offensive-2025-06-02');
    expect(trace.conditionalStances[0]!.conditionPosition).toMatchObject({ id });
    expect(trace.preconditionOf[0]).toMatchObject({ direction: 'incoming', position: { id: 'position:pause-russian-offensive' } });
  });

  it('hands a trace with stances voiced by officials and taken at events over unchanged', async () => {
    const id = 'position:partial-truce';
    const trace = await client.trace({ params: { id }, query: { asOf: '2025-06-30' } });
    expect(trace).toEqual(await served(`/api/positions/${encodeURIComponent(id)}/trace?asOf=2025-06-30`));
    const stances = Object.values(trace.stances).flat();
    expect(stances.some((s) => s.voicedBy?.id === 'official:vladimir-medinsky')).toBe(true);
    expect(stances.some((s) => s.event !== null)).toBe(true);
  });

  it('hands a node over exactly as the server sends it', async () => {
    const node = await client.node({ params: { id: 'party:russia' } });
    expect(node).toEqual(await served('/api/nodes/party%3Arussia'));
    expect(node.node.attributes).toMatchObject({ name: expect.any(String) });
  });

  it('hands search results over exactly as the server sends them, scores and aliases included', async () => {
    const { results } = await client.search({ query: { q: 'ceasefire' } });
    expect(results).toEqual(answerOf('search', await app.request('/api/search?q=ceasefire')).results);
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]).toEqual({ id: expect.any(String), label: expect.any(String), type: expect.any(String), aliases: expect.any(Array), matched: null, score: expect.any(Number) });
  });
});

describe("the explorer's graph", () => {
  it('keeps every attribute the server sends for each node and edge', async () => {
    const answer = await client.neighbors({ params: { id: 'party:russia' } });
    expect(answer).toEqual(await served('/api/nodes/party%3Arussia/neighbors'));
    const graph = createExplorerGraph();
    mergeGraphData(graph, answer);
    for (const node of answer.nodes) expect(graph.getNodeAttribute(node.id, 'data')).toEqual(node.attributes);
    for (const edge of answer.edges) expect(graph.getEdgeAttribute(edge.id, 'data')).toEqual(edge.attributes);
    expect(graph.order).toBe(answer.nodes.length);
    expect(graph.size).toBe(answer.edges.length);

    const stance = graph.getEdgeAttribute('stance:russia-offered-pause-russian-offensive-2025-06-02', 'data');
    expect(stance).toMatchObject({ conditionPosition: 'position:withdrawal-from-four-regions', event: 'event:istanbul-talks-2025-06-02' });
    expect(graph.getEdgeAttribute('stance:russia-offered-partial-truce-2025-06-02', 'data')).toMatchObject({ voicedBy: 'official:vladimir-medinsky' });
  });
});
