/** The pure reading of a question: names, roles, stance kinds and question forms, without Neo4j. */
import { describe, expect, it } from 'vitest';
import type { NameRow } from '../../server/core/namesData.ts';
import { buildNameIndex, readQuestion } from '../../server/features/ask/reading.ts';

// A small invented world, so the reading is shown to depend on the names it is given.
const names: NameRow[] = [
  { id: 'party:norland', label: 'Norland', type: 'Party', names: ['Norland', 'Nordhavn', 'NL'], party: 'party:norland' },
  { id: 'party:sudmark', label: 'Südmark', type: 'Party', names: ['Südmark', 'Sudmark'], party: 'party:sudmark' },
  { id: 'official:ida-voss', label: 'Ida Voss', type: 'Official', names: ['Ida Voss', 'Voss'], party: 'party:norland' },
  { id: 'position:river-treaty', label: 'River treaty', type: 'Position', names: ['River treaty', 'water deal'], party: null },
  { id: 'position:toll-freeze', label: 'Toll freeze', type: 'Position', names: ['Toll freeze'], party: null },
  { id: 'place:eastport', label: 'Eastport', type: 'Place', names: ['Eastport'], party: null },
];
const index = buildNameIndex(names);
const read = (question: string) => readQuestion(question, index, '2031-04-10');
const roles = (question: string) => Object.fromEntries(read(question).mentions.map((m) => [m.entity.id, m.role]));

describe('readQuestion', () => {
  it('finds names through aliases and folded diacritics, longest first', () => {
    expect(roles('What did Sudmark propose about the water deal?')).toEqual({ 'party:sudmark': 'agent', 'position:river-treaty': 'object' });
    expect(read('Who is Voss?').mentions[0]!.entity.id).toBe('official:ida-voss');
  });

  it('takes a short capital alias only when written in capitals', () => {
    expect(read('Did NL reject the toll freeze?').mentions.map((m) => m.entity.id)).toContain('party:norland');
    expect(read('Tell nl about the toll freeze').mentions.map((m) => m.entity.id)).not.toContain('party:norland');
  });

  it('reads the kind of stance a verb asks for, including its other forms', () => {
    expect(read('Who rejected the river treaty?').stanceTypes).toEqual(['rejected', 'dismissed', 'opposed']);
    expect(read('Who turned down the river treaty?').stanceTypes).toEqual(['rejected', 'dismissed', 'opposed']);
    expect(read('What did Norland offer?').stanceTypes).toEqual(['offered']);
    expect(read('Which parties said no to the toll freeze?').stanceTypes).toEqual(['rejected', 'dismissed', 'opposed']);
  });

  it('tells the accuser from the accused, and the agent of a passive', () => {
    expect(roles('Who accused Norland of blocking the river?')).toEqual({ 'party:norland': 'object' });
    expect(roles('Was the toll freeze rejected by Südmark?')).toEqual({ 'position:toll-freeze': 'object', 'party:sudmark': 'agent' });
    expect(read('Was the toll freeze rejected by Südmark?').passive).toBe(true);
  });

  it('reads negation as asked, not as a rejection', () => {
    const reading = read('Who did not agree to the river treaty?');
    expect(reading.negated).toBe(true);
    expect(reading.stanceTypes).toContain('agreed');
  });

  it('reads "instead of", "both", "only", comparisons and conditions', () => {
    expect(roles('What did Norland offer instead of the river treaty?')).toEqual({ 'party:norland': 'agent', 'position:river-treaty': 'replaced' });
    expect(read('Which positions did Norland and Südmark both accept?').both).toBe(true);
    expect(read('What did only Norland propose?').only).toBe(true);
    expect(read('How do Norland and Südmark differ on the toll freeze?')).toMatchObject({ compare: true, differ: true });
    expect(read('On what condition would Norland accept the toll freeze?').condition).toBe(true);
  });

  it('reads a time window against the newest date in the graph', () => {
    expect(read('Who backed the river treaty before March?').time).toEqual({ after: null, before: '2031-03-01', order: null });
    expect(read('What did Voss propose after 2 April?').time).toMatchObject({ after: '2031-04-03' });
    expect(read('What is the latest stance of Norland?').time.order).toBe('latest');
  });

  it('reads a day or month without its year as the last one the sources can hold, never after them', () => {
    // Asked when the sources end on 10 April 2031: "2 June" is June 2030 (chrono's nearest would be June 2031).
    expect(read('What did Voss propose on 2 June?').time).toMatchObject({ after: '2030-06-02', before: '2030-06-03' });
    expect(read('What did Voss propose on 2 April?').time).toMatchObject({ after: '2031-04-02', before: '2031-04-03' });
    expect(read('What did Voss propose in June 2031?').time).toMatchObject({ after: '2031-06-01', before: '2031-07-01' });
  });

  it('reads an actor named as the owner of its own people as that person, not a second agent', () => {
    expect(roles("What did Norland's Voss propose?")).toEqual({ 'official:ida-voss': 'agent' });
    expect(roles('What did Norland and Voss propose?')).toEqual({ 'party:norland': 'agent', 'official:ida-voss': 'agent' });
  });

  it('reads "according to" as whose account it is, not a word to explain', () => {
    expect(read('According to Voss, who rejected the river treaty in winter?').leftover.map((l) => l.word)).toEqual(['winter']);
  });

  it('reads structure questions', () => {
    expect(read('Who leads Norland?').structure).toBe('leader');
    expect(read('What happened in Eastport?').structure).toBe('happened');
    expect(read('Who took part in the river treaty?').structure).toBe('participants');
  });

  it('keeps the words it could not place, for the answer to account for', () => {
    expect(read('Who rejected the river treaty in winter?').leftover.map((l) => l.word)).toEqual(['winter']);
  });

  it('tells English from other languages', () => {
    expect(read('Who rejected the river treaty?').english).toBe(true);
    expect(read('Qui a rejeté le traité ?').english).toBe(false);
    expect(read('Norland?').english).toBe(true);
  });
});
