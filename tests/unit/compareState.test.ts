/** The compare view's pure parts: filters, CSV and Markdown, and the permalink that restores it. */
import { describe, expect, it } from 'vitest';
import type { DocumentComparison } from '../../server/contract/documents.ts';
import { comparisonCsv, comparisonMarkdown, visibleRows } from '../../client/src/state/compare.ts';
import { initialState, openComparison, setCompareFilter } from '../../client/src/state/explorer.ts';
import { fromHash, toHash } from '../../client/src/state/permalink.ts';

const evidence = (quote: string, publisher: string) => ({ quote, summary: null, reporting: 'second-hand', via: null, source: 'source:x', sourceTitle: 'X', sourceGrade: null, sourcePublisher: publisher });
const point = (order: number, type: 'demanded' | 'rejected', quote: string, condition: string | null = null) => ({
  stance: `stance:${order}`, order, topic: 'ceasefire' as const, type, family: type === 'rejected' ? ('rejection' as const) : ('proposal' as const), condition, section: null,
  position: { id: 'position:truce', label: 'Truce', type: 'Position' }, evidence: [evidence(quote, 'Herald')],
});
const comparison: DocumentComparison = {
  documents: [
    { id: 'document:a', label: 'Plan A', kind: 'memorandum', date: '2025-03-01', author: null, points: 1 },
    { id: 'document:b', label: 'Plan B', kind: 'memorandum', date: '2025-03-02', author: null, points: 2 },
  ],
  rows: [
    { position: { id: 'position:truce', label: 'Truce', type: 'Position' }, positions: [{ id: 'position:truce', label: 'Truce', type: 'Position' }], topic: 'ceasefire', kind: 'contradiction', differences: [],
      sides: [{ document: 'document:a', point: point(1, 'demanded', 'a truce, now', 'within 30 days') }, { document: 'document:b', point: point(2, 'rejected', 'no | truce') }] },
    { position: { id: 'position:aid', label: 'Aid', type: 'Position' }, positions: [{ id: 'position:aid', label: 'Aid', type: 'Position' }], topic: 'humanitarian', kind: 'gap', differences: [],
      sides: [{ document: 'document:a', point: null }, { document: 'document:b', point: { ...point(1, 'demanded', 'aid'), topic: 'humanitarian' } }] },
  ],
  counts: { common: 0, gap: 1, contradiction: 1, difference: 0 },
};

describe('the compare view', () => {
  it('filters rows by topic and by kind', () => {
    expect(visibleRows(comparison, { topic: 'ceasefire', kind: null }).map((r) => r.position.id)).toEqual(['position:truce']);
    expect(visibleRows(comparison, { topic: null, kind: 'gap' }).map((r) => r.position.id)).toEqual(['position:aid']);
    expect(visibleRows(comparison, { topic: 'ceasefire', kind: 'gap' })).toEqual([]);
  });

  it('exports CSV with one group of columns per document, quoting what needs it', () => {
    const csv = comparisonCsv(comparison, visibleRows(comparison, { topic: 'ceasefire', kind: null }));
    expect(csv.split('\n')[0]).toBe('topic,kind,differences,position,Plan A: stance,Plan A: order,Plan A: condition,Plan A: evidence,Plan B: stance,Plan B: order,Plan B: condition,Plan B: evidence');
    expect(csv.split('\n')[1]).toBe('ceasefire,contradiction,,Truce,demanded,1,within 30 days,"“a truce, now” (Herald)",rejected,2,,“no | truce” (Herald)');
    expect(csv.trim().split('\n')).toHaveLength(2);
  });

  it('exports Markdown with escaped pipes and a dash where a document has no point', () => {
    const md = comparisonMarkdown(comparison, comparison.rows);
    expect(md).toContain('| ceasefire | contradiction | Truce | demanded · #1 · within 30 days | rejected · #2 |');
    expect(md).toContain('| humanitarian | gap | Aid | — | demanded · #1 |');
    expect(md).toContain('- Truce, Plan B: “no | truce” (Herald)');
  });

  it('keeps documents, topic and kind in the permalink', () => {
    const state = setCompareFilter(openComparison(initialState(), ['document:a', 'document:b']), { topic: 'ceasefire', kind: 'contradiction' });
    const hash = toHash(state);
    expect(decodeURIComponent(hash)).toBe('#mode=compare&docs=document:a,document:b&topic=ceasefire&kind=contradiction');
    expect(fromHash(hash)).toEqual(state);
    // Another pair starts unfiltered.
    expect(openComparison(state, ['document:b', 'document:c']).compare).toEqual({ documents: ['document:b', 'document:c'], topic: null, kind: null });
  });
});
