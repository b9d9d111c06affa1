/**
 * The export writers on a small graph: quotes and summaries kept apart, CSV quoting, GraphML and
 * GEXF well-formed (read back with linkedom's XML parser), GEXF drawn (viz positions, colours,
 * sizes) the same way every time.
 */
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { csvLines, gexf, graphml } from '../../server/features/export/export.ts';
import type { GraphPart } from '../../server/features/graph/graph.ts';
import type { GraphEdge, GraphNode } from '../../server/contract/common.ts';
import { readCsv } from '../support/csv.ts';

const node = (id: string, label: string, type: string): GraphNode => ({ id, key: id, label, type, attributes: { name: label, aliases: [`${label} alias`] } });
const nodes = [node('party:a', 'Party "A", the first', 'Party'), node('position:p', 'Truce & talks', 'Position'), node('official:o', 'Official O', 'Official')];
const edges: GraphEdge[] = [
  {
    id: 'stance:a-p',
    key: 'stance:a-p',
    source: 'party:a',
    target: 'position:p',
    type: 'rejected',
    attributes: {
      family: 'rejection',
      date: '2025-06-02',
      evidence: [
        { quote: 'We will not, "ever"', summary: null, reporting: 'first-hand', via: null, source: 'source:s', sourceTitle: 'S' },
        { quote: null, summary: 'Our own wording\u0001 of it', reporting: 'second-hand', via: 'x', source: 'source:s', sourceTitle: 'S' },
      ],
    },
  },
  { id: 'rep:o-a', key: 'rep:o-a', source: 'official:o', target: 'party:a', type: 'REPRESENTS', attributes: { family: 'structure' } },
];

async function* parts(): AsyncGenerator<GraphPart> {
  for (const n of nodes) yield { part: 'node', node: n } as GraphPart;
  for (const e of edges) yield { part: 'edge', edge: e } as GraphPart;
}

async function collect(generator: AsyncGenerator<string>): Promise<string> {
  let text = '';
  for await (const line of generator) text += line;
  return text;
}

const xml = (text: string) => new DOMParser().parseFromString(text, 'text/xml');

describe('CSV export', () => {
  it('keeps quotes and summaries in their own columns, quoted where needed', async () => {
    const rows = readCsv(await collect(csvLines(parts(), 'edges')));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: 'stance:a-p', source_label: 'Party "A", the first', quotes: 'We will not, "ever"', type: 'rejected' });
    expect(rows[0]!.summaries).toMatch(/^Our own wording.? of it$/);
    expect(rows[1]).toMatchObject({ id: 'rep:o-a', quotes: '', summaries: '' });
  });

  it('writes nodes with their aliases joined', async () => {
    const rows = readCsv(await collect(csvLines(parts(), 'nodes')));
    expect(rows.map((r) => [r.id, r.aliases])).toEqual([
      ['party:a', 'Party "A", the first alias'],
      ['position:p', 'Truce & talks alias'],
      ['official:o', 'Official O alias'],
    ]);
  });
});

describe('GraphML export', () => {
  it('is well-formed, declares its keys and keeps quotes apart from summaries', () => {
    const doc = xml(graphml(nodes, edges));
    const keys = [...doc.getElementsByTagName('key')].map((k) => `${k.getAttribute('for')}:${k.getAttribute('attr.name')}`);
    expect(keys).toEqual(expect.arrayContaining(['edge:quotes', 'edge:summaries', 'node:label']));
    const value = (keyName: string) => [...doc.getElementsByTagName('data')].find((d) => d.getAttribute('key') === keyName)?.textContent;
    expect(value('e_quotes')).toBe('We will not, "ever"');
    expect(value('e_summaries')).toBe('Our own wording of it');
    expect(value('n_label')).toBe('Party "A", the first');
    expect(doc.getElementsByTagName('edge')).toHaveLength(2);
  });
});

describe('GEXF export', () => {
  it('is GEXF 1.3 with a viz position, colour and size for every node, the same each time', () => {
    const text = gexf(nodes, edges);
    expect(gexf(nodes, edges)).toBe(text);
    const doc = xml(text);
    expect(doc.documentElement.getAttribute('version')).toBe('1.3');
    expect(doc.documentElement.getAttribute('xmlns:viz')).toBe('http://gexf.net/1.3/viz');
    for (const n of doc.getElementsByTagName('node')) {
      const viz = (tag: string) => [...n.children].find((c) => c.tagName === tag);
      expect(Number.isFinite(Number(viz('viz:position')?.getAttribute('x')))).toBe(true);
      expect(Number(viz('viz:size')?.getAttribute('value'))).toBeGreaterThan(0);
    }
    const party = [...doc.getElementsByTagName('node')].find((n) => n.getAttribute('id') === 'party:a')!;
    const color = [...party.children].find((c) => c.tagName === 'viz:color')!;
    // The explorer's Party colour, #5f3dc4.
    expect([color.getAttribute('r'), color.getAttribute('g'), color.getAttribute('b')]).toEqual(['95', '61', '196']);
  });
});
