/** Many reports of one stance, pure: moments, matching, corroboration, reversals (server/domain/reports.ts) and alias offers. */
import { describe, expect, it } from 'vitest';
import {
  corroborationOf,
  familiesDisagree,
  placeReportedStances,
  reversalsIn,
  sameMoment,
  type HeldStance,
  type ReportedStance,
  type TimedStance,
} from '../../server/core/reports.ts';
import { attachToHeldStances, planIngestion, parsePayload } from '../../server/features/sources/ingest.ts';
import { ALIAS_SIMILARITY, offerAliases } from '../../server/features/extract/aliasOffers.ts';
import { type KnownName, nameSimilarity } from '../../server/language/index.ts';
import type { MentionProvenance } from '../../server/contract/extract.ts';
import { firstReport, secondReport } from '../fixtures/sources/manyReports.ts';

const day = (date: string) => ({ date, datePrecision: 'day' });

describe('sameMoment', () => {
  it('reads a date with its precision: a day lies in its week, month and year, and not in the next', () => {
    expect(sameMoment(day('2025-06-02'), { date: '2025-06-01', datePrecision: 'month' })).toBe(true);
    expect(sameMoment(day('2025-06-30'), { date: '2025-06-01', datePrecision: 'month' })).toBe(true);
    expect(sameMoment(day('2025-07-01'), { date: '2025-06-01', datePrecision: 'month' })).toBe(false);
    expect(sameMoment(day('2025-06-01'), { date: '2025-05-26', datePrecision: 'week' })).toBe(true);
    expect(sameMoment(day('2025-06-02'), { date: '2025-05-26', datePrecision: 'week' })).toBe(false);
    expect(sameMoment({ date: '2025-01-01', datePrecision: 'year' }, { date: '2025-12-01', datePrecision: 'month' })).toBe(true);
    expect(sameMoment(day('2025-06-02'), day('2025-06-02'))).toBe(true);
    expect(sameMoment(day('2025-06-02'), day('2025-06-03'))).toBe(false);
  });
});

describe('familiesDisagree', () => {
  it('sets a rejection against a proposal or support; statements take no side; proposing then agreeing is no disagreement', () => {
    expect(familiesDisagree('rejection', 'support')).toBe(true);
    expect(familiesDisagree('proposal', 'rejection')).toBe(true);
    expect(familiesDisagree('proposal', 'support')).toBe(false);
    expect(familiesDisagree('rejection', 'rejection')).toBe(false);
    expect(familiesDisagree('other', 'rejection')).toBe(false);
  });
});

describe('placeReportedStances', () => {
  const reported = (over: Partial<ReportedStance> = {}): ReportedStance => ({
    id: 'stance:b-refused',
    actor: 'party:valemark',
    target: 'position:lake-ceasefire',
    family: 'rejection',
    ...day('2025-04-10'),
    ...over,
  });
  const held = (over: Partial<HeldStance> = {}): HeldStance => ({ ...reported({ id: 'stance:a-rejected' }), sources: ['source:a'], ...over });

  it('sends a stance of the same actor, target, family and moment to the one held', () => {
    expect(placeReportedStances('source:b', [reported({ date: '2025-04-01', datePrecision: 'month' })], [held()])).toEqual(new Map([['stance:b-refused', 'stance:a-rejected']]));
  });

  it('keeps a stance of its own when the family, the moment, the actor or the target differ', () => {
    for (const other of [held({ family: 'support' }), held({ date: '2025-04-11' }), held({ actor: 'party:ridgeland' }), held({ target: 'position:other' })]) {
      expect(placeReportedStances('source:b', [reported()], [other]).size).toBe(0);
    }
  });

  it('keeps a stance that the graph holds under its own id, and prefers the stance that already carries this source', () => {
    expect(placeReportedStances('source:b', [reported()], [held(), held({ id: 'stance:b-refused', sources: ['source:b'] })]).size).toBe(0);
    const both = [held({ id: 'stance:a-rejected' }), held({ id: 'stance:c-rejected', sources: ['source:b', 'source:c'] })];
    expect(placeReportedStances('source:b', [reported()], both).get('stance:b-refused')).toBe('stance:c-rejected');
    expect(placeReportedStances('source:x', [reported()], both).get('stance:b-refused')).toBe('stance:a-rejected');
  });

  it('never sends a stance onto another stance of the same source', () => {
    expect(placeReportedStances('source:b', [reported(), reported({ id: 'stance:a-rejected' })], [held()]).size).toBe(0);
  });
});

describe('attachToHeldStances', () => {
  it("moves the placed stance's evidence and links onto the held stance and writes no stance for it", () => {
    const { plan } = planIngestion(parsePayload(firstReport()));
    const held = 'stance:held-elsewhere';
    const moved = attachToHeldStances(plan, new Map([['stance:valemark-rejected-lake-ceasefire-2025-04-10', held]]));
    expect(moved.stances.map((s) => s.id)).toEqual(['stance:ridgeland-proposed-lake-ceasefire-2025-04-10']);
    expect(moved.evidence.map((e) => e.stance)).toEqual(['stance:ridgeland-proposed-lake-ceasefire-2025-04-10', held]);
    expect(moved.evidence.map((e) => e.id)).toEqual(plan.evidence.map((e) => e.id));
    expect(moved.links.find((l) => l.type === 'VOICED_BY')).toMatchObject({ from: held, to: 'official:mira-tane' });
    expect(attachToHeldStances(planIngestion(parsePayload(secondReport())).plan, new Map())).toEqual(planIngestion(parsePayload(secondReport())).plan);
  });
});

describe('corroborationOf', () => {
  it('counts sources, distinct publishers and first- against second-hand sources', () => {
    expect(
      corroborationOf([
        { source: 'source:a', sourcePublisher: 'Courier', reporting: 'first-hand' },
        { source: 'source:a', sourcePublisher: 'Courier', reporting: 'second-hand' },
        { source: 'source:b', sourcePublisher: 'Courier', reporting: 'second-hand' },
        { source: 'source:c', sourcePublisher: null, reporting: 'second-hand' },
        { source: null, reporting: 'first-hand' },
      ]),
    ).toEqual({ sources: 3, publishers: 2, firstHand: 1, secondHand: 2 });
    expect(corroborationOf([])).toEqual({ sources: 0, publishers: 0, firstHand: 0, secondHand: 0 });
  });
});

describe('reversalsIn', () => {
  const stance = (id: string, type: TimedStance['type'], family: TimedStance['family'], date: string, datePrecision = 'day'): TimedStance => ({ id, type, family, date, datePrecision });

  it('finds a change of family between moments one after the other, oldest first', () => {
    const found = reversalsIn([
      stance('s3', 'rejected', 'rejection', '2025-07-01'),
      stance('s1', 'rejected', 'rejection', '2025-04-10'),
      stance('s2', 'agreed', 'support', '2025-05-20'),
    ]);
    expect(found.map(({ from, to }) => [from.id, to.id])).toEqual([['s1', 's2'], ['s2', 's3']]);
  });

  it('takes reports of one moment for a conflict, not a reversal, and ignores statements and same-side changes', () => {
    expect(reversalsIn([stance('a', 'rejected', 'rejection', '2025-04-10'), stance('b', 'agreed', 'support', '2025-04-01', 'month')])).toEqual([]);
    expect(reversalsIn([stance('a', 'proposed', 'proposal', '2025-04-10'), stance('b', 'agreed', 'support', '2025-05-01')])).toEqual([]);
    expect(reversalsIn([stance('a', 'rejected', 'rejection', '2025-04-10'), stance('b', 'stated', 'other', '2025-05-01')])).toEqual([]);
  });

  it('after conflicting reports of one moment, reverses the one it turns round', () => {
    const found = reversalsIn([
      stance('x-agreed', 'agreed', 'support', '2025-04-10'),
      stance('y-rejected', 'rejected', 'rejection', '2025-04-10'),
      stance('z-agreed', 'agreed', 'support', '2025-05-20'),
    ]);
    expect(found.map(({ from, to }) => [from.id, to.id])).toEqual([['y-rejected', 'z-agreed']]);
  });
});

describe('alias offers', () => {
  const known: KnownName[] = [
    { id: 'official:rustem-umerov', type: 'Official', name: 'Rustem Umerov', aliases: [] },
    { id: 'official:volodymyr-zelensky', type: 'Official', name: 'Volodymyr Zelensky', aliases: ['Zelenskiy'] },
    { id: 'official:dmitry-peskov', type: 'Official', name: 'Dmitry Peskov', aliases: [] },
    { id: 'place:kyiv', type: 'Place', name: 'Kyiv', aliases: [] },
  ];
  const mention = (text: string, entity: string, type = 'Official', proposed = true, start = 0): MentionProvenance => ({
    text, entity, type, proposed, start, end: start + text.length, cue: 'name', confidence: 0.8,
  });

  it('scores a transliteration near 1 and a different name near 0', () => {
    expect(nameSimilarity('Zelenskyy', 'Zelensky')).toBeGreaterThan(0.9);
    expect(nameSimilarity('Rustem Umierov', 'Rustem Umerov')).toBeGreaterThan(0.85);
    expect(nameSimilarity('Erdoğan', 'Erdogan')).toBe(1);
    expect(nameSimilarity('Dmitry Peskov', 'Rustem Umerov')).toBeLessThan(0.3);
    expect(nameSimilarity('Russia', 'Prussia')).toBeLessThan(ALIAS_SIMILARITY);
  });

  it('offers a proposed spelling as an alias of the closest known entity of its type, once, at its first mention', () => {
    const offers = offerAliases(
      [
        mention('Rustem Umierov', 'official:rustem-umierov', 'Official', true, 10),
        mention('Rustem Umierov', 'official:rustem-umierov', 'Official', true, 90),
        mention('Zelenskyy', 'official:zelenskyy'),
        mention('Peskov', 'official:dmitry-peskov', 'Official', false),
        mention('Arkady Volkov', 'official:arkady-volkov'),
        mention('Umerov', 'place:umerov', 'Place'),
      ],
      known,
    );
    expect(offers.map(({ text, entity, start }) => [text, entity, start])).toEqual([
      ['Rustem Umierov', 'official:rustem-umerov', 10],
      ['Zelenskyy', 'official:volodymyr-zelensky', 0],
    ]);
    expect(offers.every((o) => o.similarity >= ALIAS_SIMILARITY && o.similarity <= 1)).toBe(true);
  });
});
