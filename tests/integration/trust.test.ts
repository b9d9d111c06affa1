/**
 * Issue 13, the API side: evidence an analyst can trust. A summary never travels as a quote, a
 * party's stances are the same wherever they are listed, relations read from the traced
 * position's point of view, search ranks exact names first, and a non-JSON body is named.
 */
import fs from 'node:fs';
import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { type SpecValidator, startSeededAppWithSpec } from '../support/openapi.ts';
import { seedFiles } from '../../server/features/sources/seed.ts';
import { readCsv } from '../support/csv.ts';
import { seedArticle } from '../support/articles.ts';

const SEED_SOURCE = 'source:russia-no-quick-breakthroughs-2025-06-03';
/** The seed article, as the seed was curated from it. */
const ARTICLE = seedArticle();
/** The seed's further reports keep their own text (our note of the quotes kept), against which their quotes are checked. */
const REPORT_TEXTS = seedFiles()
  .map((file) => (JSON.parse(fs.readFileSync(file, 'utf8')) as { source: { id: string; text?: string } }).source)
  .filter((source) => source.text)
  .map((source) => [source.id, source.text!] as const);
const SOURCE_TEXTS: Record<string, string> = { ...(ARTICLE === null ? {} : { [SEED_SOURCE]: ARTICLE }), ...Object.fromEntries(REPORT_TEXTS) };

let app: TestApp;
let spec: SpecValidator;
beforeAll(async () => ({ app, spec } = await startSeededAppWithSpec()));
afterAll(() => app.close());

/** Every `quote` anywhere in a JSON answer, with the source named beside it (if any). */
function quotesIn(value: unknown, found: { quote: unknown; source: unknown }[] = []) {
  if (Array.isArray(value)) for (const item of value) quotesIn(item, found);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('quote' in record) found.push({ quote: record.quote, source: record.source ?? null });
    for (const child of Object.values(record)) quotesIn(child, found);
  }
  return found;
}

function expectVerbatim(where: string, quote: unknown, source: unknown) {
  if (quote === null || quote === undefined || quote === '') return;
  expect(typeof quote, where).toBe('string');
  const texts = typeof source === 'string' && SOURCE_TEXTS[source] ? [SOURCE_TEXTS[source]] : Object.values(SOURCE_TEXTS);
  expect(texts.some((text) => text.includes(quote as string)), `${where}: "${quote}" is not verbatim in its source`).toBe(true);
}

describe.skipIf(ARTICLE === null)('a summary never looks like words someone said', () => {
  let positions: string[];
  let parties: string[];
  beforeAll(async () => {
    const graph = await app.request('/api/graph');
    positions = graph.body.nodes.filter((n: { type: string }) => n.type === 'Position').map((n: { id: string }) => n.id);
    parties = graph.body.nodes.filter((n: { type: string }) => n.type === 'Party').map((n: { id: string }) => n.id);
  });

  it('holds for the graph, traces, actor stances, named questions and the console', async () => {
    const answers: [string, unknown][] = [['graph', (await app.request('/api/graph')).body]];
    for (const id of positions) answers.push([`trace ${id}`, (await app.request(`/api/positions/${id}/trace`)).body]);
    for (const id of parties) answers.push([`stances ${id}`, (await app.request(`/api/actors/${id}/stances`)).body]);
    for (const id of parties) {
      for (const question of ['stances', 'quotes', 'actor-stances']) {
        const res = await app.request(`/api/questions/${question}`, { method: 'POST', json: { params: { actor: id } } });
        if (res.status === 200) answers.push([`question ${question} ${id}`, res.body]);
      }
    }
    const cypher = await app.request('/api/cypher', { method: 'POST', json: { query: 'MATCH (a)-[t:TOOK]->(s:Stance)-[o:ON]->(p) RETURN a, t, s, o, p' } });
    answers.push(['cypher', cypher.body]);
    let checked = 0;
    for (const [where, body] of answers) {
      for (const { quote, source } of quotesIn(body)) {
        expectVerbatim(where, quote, source);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  }, 120_000);

  // Ask lists its evidence through the named questions' collector, so the same rule holds.
  it('holds for /api/ask', async () => {
    for (const question of ['Who rejected the ceasefire?', 'What did Russia say?', 'Who backed the summit?', 'What did Peskov say?']) {
      const res = await app.request('/api/ask', { method: 'POST', json: { question } });
      for (const { quote, source } of quotesIn(res.body)) expectVerbatim(`ask "${question}"`, quote, source);
    }
  });

  it('holds for the CSV, GEXF, GraphML and JSON exports, with summaries in a column of their own', async () => {
    const csv = readCsv((await app.request('/api/export?format=csv')).text);
    const split = (text: string | null | undefined) => (text ? text.split(' | ') : []);
    for (const row of csv) for (const quote of split(row.quotes)) expectVerbatim(`csv ${row.id}`, quote, null);
    expect(csv.some((row) => row.summaries)).toBe(true);

    const gexf = xml((await app.request('/api/export?format=gexf')).text);
    const gexfQuotesId = [...gexf.getElementsByTagName('attribute')].find((a) => a.getAttribute('title') === 'quotes')?.getAttribute('id');
    const gexfQuotes = [...gexf.getElementsByTagName('attvalue')].filter((v) => v.getAttribute('for') === gexfQuotesId).map((v) => v.getAttribute('value'));
    expect(gexfQuotes.length).toBeGreaterThan(10);
    for (const text of gexfQuotes) for (const quote of split(text)) expectVerbatim('gexf', quote, null);

    const graphml = xml((await app.request('/api/export?format=graphml')).text);
    const graphmlQuotesId = [...graphml.getElementsByTagName('key')].find((k) => k.getAttribute('attr.name') === 'quotes' && k.getAttribute('for') === 'edge')?.getAttribute('id');
    const graphmlQuotes = [...graphml.getElementsByTagName('data')].filter((d) => d.getAttribute('key') === graphmlQuotesId).map((d) => d.textContent);
    expect(graphmlQuotes.length).toBeGreaterThan(10);
    for (const text of graphmlQuotes) for (const quote of split(text)) expectVerbatim('graphml', quote, null);

    for (const { quote, source } of quotesIn((await app.request('/api/export?format=json')).body)) expectVerbatim('json export', quote, source);
  });
});

function xml(text: string) {
  return new DOMParser().parseFromString(text, 'text/xml');
}

describe('GEXF that Gephi opens as drawn', () => {
  it('declares the viz namespace and gives every node a position, a colour and a size', async () => {
    const doc = xml((await app.request('/api/export?format=gexf')).text);
    expect(doc.documentElement.getAttribute('xmlns:viz')).toBe('http://gexf.net/1.3/viz');
    const nodes = [...doc.getElementsByTagName('node')];
    expect(nodes.length).toBeGreaterThan(20);
    const child = (node: Element, tag: string) => [...node.children].find((c) => c.tagName === tag);
    const seen = new Set<string>();
    for (const node of nodes) {
      const id = node.getAttribute('id')!;
      const position = child(node, 'viz:position');
      expect(Number.isFinite(Number(position?.getAttribute('x'))), id).toBe(true);
      expect(Number.isFinite(Number(position?.getAttribute('y'))), id).toBe(true);
      seen.add(`${position?.getAttribute('x')},${position?.getAttribute('y')}`);
      expect(Number(child(node, 'viz:size')?.getAttribute('value')), id).toBeGreaterThan(0);
      expect(child(node, 'viz:color')?.getAttribute('r'), id).toMatch(/^\d+$/);
    }
    expect(seen.size).toBe(nodes.length);
    const edge = doc.getElementsByTagName('edge')[0]!;
    expect(child(edge, 'viz:color')?.getAttribute('r')).toMatch(/^\d+$/);
  });
});

describe('one roll-up rule for a party', () => {
  it("lists the same stances for a party in its stances, the matrix and the trace, with who voiced each", async () => {
    const graph = await app.request('/api/graph');
    const parties = graph.body.nodes.filter((n: { type: string }) => n.type === 'Party').map((n: { id: string }) => n.id);
    const matrix = (await app.request('/api/matrix')).body;
    for (const party of parties) {
      const stances = (await app.request(`/api/actors/${party}/stances`)).body.stances as { target: { id: string; type: string }; party: { id: string } }[];
      const onPositions = stances.filter((s) => s.target.type === 'Position').length;
      const inMatrix = matrix.cells.filter((c: { party: string }) => c.party === party).reduce((n: number, c: { stanceCount: number }) => n + c.stanceCount, 0);
      expect(onPositions, party).toBe(inMatrix);
      // A member body (the SBU) rolls up further; every other party is where its stances end.
      expect(new Set(stances.map((s) => s.party.id)).size, party).toBeLessThanOrEqual(1);
      if (inMatrix > 0) for (const s of stances) expect(s.party.id, party).toBe(party);
    }
    const ukraine = (await app.request('/api/actors/party:ukraine/stances')).body.stances as { actor: { id: string } }[];
    // The SBU is part of Ukraine, so its claim rolls up as an official's does.
    expect(ukraine.map((s) => s.actor.id)).toContain('party:sbu');
    const russia = (await app.request('/api/actors/party:russia/stances')).body.stances as { id: string; voicedBy: { id: string } | null }[];
    expect(russia.find((s) => s.id === 'stance:russia-offered-partial-truce-2025-06-02')?.voicedBy?.id).toBe('official:vladimir-medinsky');
  });
});

describe('the trace of a position reads from its own point of view', () => {
  it('names what the withdrawal is the precondition of, not a precondition of it', async () => {
    const res = await app.request('/api/positions/position:withdrawal-from-four-regions/trace');
    spec.expectMatches('get', '/api/positions/{id}/trace', 200, res.body);
    expect(res.body.preconditions).toEqual([]);
    expect(res.body.preconditionOf).toEqual([expect.objectContaining({ position: expect.objectContaining({ id: 'position:pause-russian-offensive' }), meaning: "is the precondition of Pause of Russia's offensive" })]);
  });

  it("says the summit is a condition of Türkiye hosting, not that it must happen before", async () => {
    const res = await app.request('/api/positions/position:leaders-summit/trace');
    expect(res.body.conditions.map((l: { position: { id: string } }) => l.position.id)).toEqual(['position:negotiators-agreement']);
    expect(res.body.conditionOf).toEqual([
      expect.objectContaining({ position: expect.objectContaining({ id: 'position:turkiye-hosts-leaders-meeting' }), meaning: "is the condition of Türkiye hosts the leaders' meeting" }),
    ]);
    expect(res.body.conditions[0].meaning).toBe('can only happen after Agreement between Russian and Ukrainian negotiators');
  });

  it('lists each event once in the timeline', async () => {
    const res = await app.request('/api/positions/position:prisoner-swap/trace');
    const ids = res.body.timeline.map((t: { id: string }) => t.id);
    expect(ids).toEqual([...new Set(ids)]);
    const talks = res.body.timeline.find((t: { id: string }) => t.id === 'event:istanbul-talks-2025-06-02');
    expect(talks.text).toMatch(/produced/);
  });
});

describe('search', () => {
  const search = async (q: string) => (await app.request(`/api/search?q=${encodeURIComponent(q)}`)).body.results as { id: string; matched: string | null }[];

  it('ranks an exact name or alias first', async () => {
    expect((await search('Russia'))[0]?.id).toBe('party:russia');
    expect((await search('Kremlin'))[0]).toMatchObject({ id: 'party:russia', matched: 'Kremlin' });
    expect((await search('Ukraine'))[0]?.id).toBe('party:ukraine');
  });

  it('finds the ceasefire when written "cease fire" or "cease-fire"', async () => {
    for (const q of ['cease fire', 'cease-fire', 'unconditional cease-fire']) {
      expect((await search(q)).map((h) => h.id), q).toContain('position:unconditional-ceasefire');
    }
  });
});

describe('request bodies', () => {
  it('answers a body that is not JSON with "the body must be JSON"', async () => {
    for (const path of ['/api/ask', '/api/cypher', '/api/questions/stances']) {
      for (const [type, body] of [['text/plain', 'Who rejected the ceasefire?'], ['application/json', '{not json']] as const) {
        const res = await app.request(path, { method: 'POST', headers: { 'content-type': type }, body });
        expect(res.status, `${path} ${type}`).toBe(400);
        expect(res.body.error.message, `${path} ${type}`).toMatch(/the body must be JSON/i);
      }
    }
  });
});
