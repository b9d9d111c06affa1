/**
 * Issue 13, the API side: evidence an analyst can trust. A summary never travels as a quote, a
 * party's stances are the same wherever they are listed, relations read from the traced
 * position's point of view, search ranks exact names first, and a non-JSON body is named.
 */
import fs from 'node:fs';
import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../client/src/api/client.ts';
import { type TestApp, answerOf, errorOf } from '../support/app.ts';
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
    const graph = await app.api.graph();
    positions = graph.nodes.filter((n) => n.type === 'Position').map((n) => n.id);
    parties = graph.nodes.filter((n) => n.type === 'Party').map((n) => n.id);
  });

  it('holds for the graph, traces, actor stances, named questions and the console', async () => {
    const answers: [string, unknown][] = [['graph', await app.api.graph()]];
    for (const id of positions) answers.push([`trace ${id}`, await app.api.trace({ params: { id } })]);
    for (const id of parties) answers.push([`stances ${id}`, await app.api.actorStances({ params: { id } })]);
    for (const id of parties) {
      for (const question of ['stances', 'quotes', 'actor-stances']) {
        // A question that does not take this actor answers an error, which holds no quote to check.
        const answer = await app.api.runQuestion({ params: { id: question }, body: { params: { actor: id } } }).catch((err: unknown) => {
          if (err instanceof ApiError) return null;
          throw err;
        });
        if (answer) answers.push([`question ${question} ${id}`, answer]);
      }
    }
    const cypher = await app.api.cypher({ body: { query: 'MATCH (a)-[t:TOOK]->(s:Stance)-[o:ON]->(p) RETURN a, t, s, o, p' } });
    answers.push(['cypher', cypher]);
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
      const res = await app.api.ask({ body: { question } });
      for (const { quote, source } of quotesIn(res)) expectVerbatim(`ask "${question}"`, quote, source);
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

    for (const { quote, source } of quotesIn(answerOf('exportGraph', await app.request('/api/export?format=json')))) expectVerbatim('json export', quote, source);
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
    const graph = await app.api.graph();
    const parties = graph.nodes.filter((n) => n.type === 'Party').map((n) => n.id);
    const matrix = await app.api.matrix();
    for (const party of parties) {
      const { stances } = await app.api.actorStances({ params: { id: party } });
      const onPositions = stances.filter((s) => s.target.type === 'Position').length;
      const inMatrix = matrix.cells.filter((c) => c.party === party).reduce((n, c) => n + c.stanceCount, 0);
      expect(onPositions, party).toBe(inMatrix);
      // A member body (the SBU) rolls up further; every other party is where its stances end.
      expect(stances.every((s) => s.party !== null), party).toBe(true);
      expect(new Set(stances.map((s) => s.party?.id)).size, party).toBeLessThanOrEqual(1);
      if (inMatrix > 0) for (const s of stances) expect(s.party?.id, party).toBe(party);
    }
    const { stances: ukraine } = await app.api.actorStances({ params: { id: 'party:ukraine' } });
    // The SBU is part of Ukraine, so its claim rolls up as an official's does.
    expect(ukraine.map((s) => s.actor.id)).toContain('party:sbu');
    const { stances: russia } = await app.api.actorStances({ params: { id: 'party:russia' } });
    expect(russia.find((s) => s.id === 'stance:russia-offered-partial-truce-2025-06-02')?.voicedBy?.id).toBe('official:vladimir-medinsky');
  });
});

describe('the trace of a position reads from its own point of view', () => {
  it('names what the withdrawal is the precondition of, not a precondition of it', async () => {
    const res = await app.api.trace({ params: { id: 'position:withdrawal-from-four-regions' } });
    spec.expectMatches('get', '/api/positions/{id}/trace', 200, res);
    expect(res.preconditions).toEqual([]);
    expect(res.preconditionOf).toEqual([expect.objectContaining({ position: expect.objectContaining({ id: 'position:pause-russian-offensive' }), meaning: "is the precondition of Pause of Russia's offensive" })]);
  });

  it("says the summit is a condition of Türkiye hosting, not that it must happen before", async () => {
    const res = await app.api.trace({ params: { id: 'position:leaders-summit' } });
    expect(res.conditions.map((l) => l.position.id)).toEqual(['position:negotiators-agreement']);
    expect(res.conditionOf).toEqual([
      expect.objectContaining({ position: expect.objectContaining({ id: 'position:turkiye-hosts-leaders-meeting' }), meaning: "is the condition of Türkiye hosts the leaders' meeting" }),
    ]);
    expect(res.conditions[0]?.meaning).toBe('can only happen after Agreement between Russian and Ukrainian negotiators');
  });

  it('lists each event once in the timeline', async () => {
    const res = await app.api.trace({ params: { id: 'position:prisoner-swap' } });
    const ids = res.timeline.map((t) => t.id);
    expect(ids).toEqual([...new Set(ids)]);
    const talks = res.timeline.find((t) => t.id === 'event:istanbul-talks-2025-06-02');
    expect(talks?.text).toMatch(/produced/);
  });
});

describe('search', () => {
  const search = async (q: string) => (await app.api.search({ query: { q } })).results;

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
        expect(errorOf(res).message, `${path} ${type}`).toMatch(/the body must be JSON/i);
      }
    }
  });
});
