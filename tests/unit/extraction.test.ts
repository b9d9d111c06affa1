/**
 * The extractor on short texts of its own (no graph), and the floor under the measured quality:
 * npm run eval:extract reports the numbers in docs/extraction.md; this keeps them from falling.
 */
import { describe, expect, it } from 'vitest';
import { evaluateGoldSet } from '../../server/cli/evalExtract.ts';
import { extractWithNames } from '../../server/features/extract/extract.ts';
import { closeness, contentLemmas } from '../../server/features/extract/targets.ts';
import type { KnownName } from '../../server/language/index.ts';

const draftOf = (text: string, known: KnownName[] = []) => extractWithNames({ text, title: 'Unit', publishedAt: '2025-06-10' }, known);
type Row = { actor: string; type: string; target: string; date: string; condition?: string; evidence: Array<{ quote?: string; reporting: string; via?: string }> };
const stancesOf = (text: string, known: KnownName[] = []) => draftOf(text, known).payload.stances as Row[];

describe('extractWithNames', () => {
  it('reads negation: not agreeing is a rejection, and a quoted speaker continues through "he added"', () => {
    const draft = draftOf('"We need time," Finnish Foreign Minister Eero Salo said on Monday.\n\n"We did not agree to a freeze," he added.');
    expect(draft.provenance.quotes.map((q) => q.speaker)).toEqual(['official:eero-salo', 'official:eero-salo']);
    const stances = draft.payload.stances as Row[];
    expect(stances).toEqual([expect.objectContaining({ actor: 'official:eero-salo', type: 'rejected', target: 'position:freeze' })]);
    expect(stances[0]!.evidence[0]).toMatchObject({ quote: 'We did not agree to a freeze', reporting: 'first-hand' });
  });

  it('records who relayed an indirect statement, and a precondition as a position relation', () => {
    const draft = draftOf('Warsaw demanded a halt to drone flights as a precondition to border talks, according to a letter seen by reporters.');
    const stances = draft.payload.stances as Row[];
    expect(stances.map((s) => [s.actor, s.type, s.target])).toEqual([
      ['party:poland', 'demanded', 'position:halt-to-drone-flights'],
      ['party:poland', 'offered', 'position:border-talks'],
    ]);
    expect(stances[0]!.evidence[0]).toMatchObject({ reporting: 'second-hand', via: 'a letter seen by reporters' });
    expect(draft.payload.relations).toEqual([expect.objectContaining({ type: 'HAS_PRECONDITION', from: 'position:border-talks', to: 'position:halt-to-drone-flights' })]);
  });

  it('reads a condition set by "only after" and the shared subject of joined verbs', () => {
    const stances = stancesOf('Berlin welcomed the grain deal but called for a summit that could only happen after a ceasefire holds.');
    expect(stances.map((s) => [s.actor, s.type])).toEqual([
      ['party:germany', 'welcomed'],
      ['party:germany', 'called_for'],
    ]);
    expect(stances[0]!.condition).toBeUndefined();
    expect(stances[1]).toMatchObject({ condition: 'only after ceasefire holds', target: 'position:summit' });
  });

  it('matches a target to a known position by its words, and resolves a weekday to the last one', () => {
    const known: KnownName[] = [{ id: 'position:black-sea-grain-corridor', type: 'Position', name: 'Black Sea grain corridor', aliases: [] }];
    expect(stancesOf('Ankara backed a corridor for Black Sea grain on Friday.', known)).toEqual([
      expect.objectContaining({ actor: 'party:turkiye', type: 'backed', target: 'position:black-sea-grain-corridor', date: '2025-06-06' }),
    ]);
  });
});

describe('closeness', () => {
  it('shares content words, and one word only when it is all of a short phrase', () => {
    expect(closeness(contentLemmas('an unconditional ceasefire'), contentLemmas('Full and unconditional ceasefire'))).toBe(1);
    expect(closeness(contentLemmas('energy truce'), contentLemmas('prisoner swap'))).toBe(0);
    expect(closeness(contentLemmas('energy truce talks'), contentLemmas('truce in the south'))).toBe(0);
  });
});

describe('extraction quality floor (numbers in docs/extraction.md)', () => {
  const scores = evaluateGoldSet();
  const others = scores.filter((s) => s.article !== 'seed');

  it('keeps stance F1 on the fixture articles, quote attribution and entity resolution above their floors', () => {
    expect(others.length).toBeGreaterThanOrEqual(4);
    expect(others.reduce((n, s) => n + s.stances.f1, 0) / others.length).toBeGreaterThanOrEqual(0.82);
    for (const s of others) expect(s.stances.f1, s.article).toBeGreaterThanOrEqual(0.72);
    for (const s of scores) expect(s.quotes.f1, s.article).toBeGreaterThanOrEqual(0.9);
    for (const s of scores) expect(s.entities.f1, s.article).toBeGreaterThanOrEqual(0.7);
  });

  it('puts every quote exactly at its offsets', () => {
    for (const s of scores) expect(s.quoteOffsetErrors, s.article).toBe(0);
  });

  it.runIf(scores.some((s) => s.article === 'seed'))('keeps stance F1 on the seed article above its floor', () => {
    expect(scores.find((s) => s.article === 'seed')!.stances.f1).toBeGreaterThanOrEqual(0.64);
  });
});
