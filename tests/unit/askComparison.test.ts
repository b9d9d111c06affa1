import { describe, expect, it } from 'vitest';
import type { CompareRow } from '../../server/contract/documents.ts';
import type { NameRow } from '../../server/core/namesData.ts';
import { readComparison, rowsAbout } from '../../server/features/ask/comparison.ts';
import type { ComparedDocumentRow } from '../../server/features/ask/comparisonData.ts';
import { buildNameIndex, readQuestion } from '../../server/features/ask/reading.ts';

const names: NameRow[] = [
  { id: 'party:ostland', label: 'Ostland', type: 'Party', names: ['Ostland', 'Ostburg'], party: 'party:ostland' },
  { id: 'party:westland', label: 'Westland', type: 'Party', names: ['Westland'], party: 'party:westland' },
  { id: 'party:turkiye', label: 'Türkiye', type: 'Party', names: ['Türkiye', 'Turkey'], party: 'party:turkiye' },
  { id: 'document:ostland-plan', label: 'Ostland peace plan', type: 'Document', names: ['Ostland peace plan', 'the Ostburg paper'], party: null },
  { id: 'document:westland-plan', label: 'Westland reply', type: 'Document', names: ['Westland reply'], party: null },
  { id: 'position:truce', label: 'A truce', type: 'Position', names: ['A truce'], party: null },
];
const documents: ComparedDocumentRow[] = [
  { id: 'document:ostland-plan', label: 'Ostland peace plan', names: ['Ostland peace plan', 'the Ostburg paper'], kind: 'plan', date: '2025-03-01', author: 'party:ostland', authorLabel: 'Ostland', authorNames: ['Ostland', 'Ostburg'], party: 'party:ostland' },
  { id: 'document:westland-plan', label: 'Westland reply', names: ['Westland reply'], kind: 'plan', date: '2025-03-08', author: 'party:westland', authorLabel: 'Westland', authorNames: ['Westland'], party: 'party:westland' },
];
const read = (question: string) => readComparison(readQuestion(question, buildNameIndex(names), '2025-03-10'), documents);

describe('reading a comparison question', () => {
  it('finds the documents by their authors, in the order named, and the topic words', () => {
    expect(read('How do the Westland and Ostland plans differ on the border?')).toMatchObject({
      documents: ['document:westland-plan', 'document:ostland-plan'], intent: 'differ', topicWords: ['borde'], missing: [],
    });
  });

  it('finds them by a document alias, or speaking of them together', () => {
    expect(read('Does the Ostburg paper agree with the Westland reply?')?.documents).toEqual(['document:ostland-plan', 'document:westland-plan']);
    expect(read('Where do the two plans agree?')).toMatchObject({ documents: ['document:ostland-plan', 'document:westland-plan'], intent: 'agree', topicWords: [] });
    expect(read('Which plan calls for a truce?')).toMatchObject({ only: true, positions: ['position:truce'] });
  });

  it('is not a comparison without documents, and names an author with no document', () => {
    expect(read('Who rejected the truce?')).toBeNull();
    expect(read('What does the Ostland peace plan set out?')).toBeNull();
    expect(read('How do the Turkish and Ostland plans differ?')?.missing).toEqual(['Türkiye']);
    expect(read('How do the plans differ on Türkiye’s role?')?.missing).toEqual([]);
    // One document, the other party only its object: left to the rest of ask.
    expect(read('Does the Ostland plan give Westland a truce?')).toBeNull();
    expect(read('Did the two delegations exchange plans?')).toBeNull();
    expect(read('Which Ostland leader signed the agreed draft?')).toBeNull();
  });

  it('takes the one document named before a singular noun as the subject', () => {
    expect(read('What did the Ostland plan say about the Westland border?')).toBeNull();
    expect(read('Would Westland’s plan accept the Ostburg paper’s truce?')).toMatchObject({ subject: 'document:westland-plan' });
    expect(read('How do the Ostland and Westland plans differ?')).toMatchObject({ subject: null });
  });
});

describe('the rows a question is about', () => {
  const row = (id: string, label: string, topic: CompareRow['topic']): CompareRow => ({
    position: { id, label, type: 'Position' }, positions: [{ id, label, type: 'Position' }], topic, kind: 'gap', differences: [], sides: [],
  });
  const rows = [row('p:truce', 'A thirty-day truce', 'ceasefire'), row('p:sabotage', 'No sabotage', 'ceasefire'), row('p:army', 'Caps on the army', 'military_limits')];
  it('every row without a topic; else the best fits, a position name over a topic word', () => {
    expect(rowsAbout(rows, { topicWords: [], positions: [] }, new Map())).toHaveLength(3);
    expect(rowsAbout(rows, { topicWords: ['truce'], positions: [] }, new Map()).map((r) => r.position.id)).toEqual(['p:truce', 'p:sabotage']);
    expect(rowsAbout(rows, { topicWords: ['army', 'size'], positions: [] }, new Map([['p:army', ['size of the army']]])).map((r) => r.position.id)).toEqual(['p:army']);
    expect(rowsAbout(rows, { topicWords: ['weather'], positions: [] }, new Map())).toEqual([]);
  });
});
