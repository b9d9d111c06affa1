import { describe, expect, it } from 'vitest';
import type { AskResponse } from '../../server/contract/ask.ts';
import { sourcePayloadSchema } from '../../server/contract/sourcePayload.ts';
import { type EvalQuestion, calibration, judge, tally, verdictOf, yesNoOf } from '../../server/features/ask/evalSet.ts';
import { type EvalReport, type ReviewedGold, reviewedPayload } from '../../server/features/ask/evalWorkspace.ts';

// An invented world (Eastland, Westland): these tests prove the scoring mechanics, not ask's quality.
function answer(text: string, confidence: number, status: AskResponse['status'] = 'answered'): AskResponse {
  return {
    question: 'q',
    status,
    answer: text,
    confidence,
    interpretation: {
      path: 'stances',
      reading: '',
      entities: [],
      stanceTypes: null,
      negated: false,
      passive: false,
      both: false,
      only: false,
      compare: false,
      contested: false,
      timeline: false,
      condition: false,
      after: null,
      before: null,
      order: null,
      unexplained: [],
    },
    citations: [],
    closest: [],
  };
}

function question(expect: Partial<EvalQuestion['expect']>, half: 'dev' | 'test' = 'test'): EvalQuestion {
  return {
    id: 'x-q1',
    negotiation: 'eastland-westland',
    half,
    kind: 'yesno',
    question: 'Did Eastland accept the truce?',
    expect: { verdict: 'answer', mustMention: [], mustNotMention: [], yesNo: null, ...expect },
  };
}

describe('reading an answer as a user does', () => {
  it('tells an answer, a disputed fact and a not-found apart', () => {
    expect(verdictOf(answer('Eastland agreed to the truce.', 0.9))).toBe('answer');
    expect(verdictOf(answer('Disputed: Eastland (1 source) says …', 0.4))).toBe('disputed');
    expect(verdictOf(answer('I could not find this in the sources.', 0.1, 'not_found'))).toBe('not_in_sources');
  });

  it("reads yes, no or disputed from the answer's first word only", () => {
    expect(yesNoOf(answer('Yes. Eastland agreed.', 0.9))).toBe('yes');
    expect(yesNoOf(answer('No: Eastland rejected it.', 0.9))).toBe('no');
    expect(yesNoOf(answer('Disputed: …', 0.4))).toBe('disputed');
    expect(yesNoOf(answer('Eastland said yes.', 0.9))).toBeNull();
  });
});

describe('judging an answer', () => {
  it('needs every mention (any alternative of one) and none of the forbidden words', () => {
    const q = question({ mustMention: ['Zelensky|Zelenskyy', 'truce'], mustNotMention: ['Westland agreed'] });
    expect(judge(q, answer('Zelenskyy backed the truce.', 0.9), false).right).toBe(true);
    expect(judge(q, answer('Zelenskyy backed it.', 0.9), false).faults).toEqual(['does not mention truce']);
    expect(judge(q, answer('Zelensky backed the truce; Westland agreed.', 0.9), false).faults).toEqual(['mentions Westland agreed']);
  });

  it('holds a disputed fact answered "yes" wrong, and a not-found right only where the sources lack it', () => {
    const disputed = question({ verdict: 'disputed', yesNo: 'disputed' });
    expect(judge(disputed, answer('Yes. Eastland agreed to the truce.', 0.9), true).right).toBe(false);
    expect(judge(disputed, answer('Disputed: Eastland says yes; Westland says no.', 0.4), true).right).toBe(true);
    const absent = question({ verdict: 'not_in_sources' });
    expect(judge(absent, answer('I could not find this in the sources.', 0.1, 'not_found'), true).right).toBe(true);
    expect(judge(absent, answer('Eastland agreed in May.', 0.8), true).right).toBe(false);
  });

  it('takes a corrected premise as an answer naming the fact the question got wrong', () => {
    const premise = question({ verdict: 'premise_corrected', mustMention: ['initial'], mustNotMention: ['signed the treaty'] });
    expect(judge(premise, answer('Eastland initialed the treaty; it was not signed.', 0.7), true).right).toBe(true);
    expect(judge(premise, answer('I could not find this in the sources.', 0.1, 'not_found'), true).right).toBe(false);
  });
});

describe('tallies and calibration', () => {
  const q = question({ mustMention: ['truce'] });
  const judgements = [
    judge(q, answer('the truce', 0.9), false),
    judge(q, answer('nothing', 0.8), false),
    judge(q, answer('the truce', 0.3), false),
    judge(q, answer('nothing', 0.1), false),
    judge(q, answer('the truce', 1), false),
  ];

  it('counts wrong answers given with confidence of 0.5 or more apart', () => {
    expect(tally(judgements)).toEqual({ questions: 5, right: 3, share: 0.6, confidentlyWrong: 1 });
  });

  it('buckets answers by confidence, the last bucket holding a confidence of 1', () => {
    expect(calibration(judgements).map((r) => [r.answers, r.right])).toEqual([
      [1, 0],
      [1, 1],
      [0, 0],
      [2, 1],
    ]);
    expect(calibration(judgements)[2]!.share).toBeNull();
  });
});

describe('the reviewed draft of a report with gold', () => {
  const report: EvalReport = {
    id: 'eastland-westland-2025-01-02-gazette',
    negotiation: 'eastland-westland',
    url: 'https://gazette.example/truce',
    outlet: 'Gazette mirror',
    originalPublisher: 'The Gazette',
    publishedAt: '2025-01-02',
    title: 'Eastland backs a truce',
    language: 'en',
    text: { file: 'eval-texts/x.txt', sha256: '0', chars: 10 },
    gold: 'tests/gold/extraction/x.json',
  };
  const gold: ReviewedGold = {
    actors: [
      { id: 'party:eastland', type: 'Party', name: 'Eastland' },
      { id: 'party:river-movement', type: 'Party', name: 'River Movement' },
      { id: 'official:ann-east', type: 'Official', name: 'Ann East', party: 'party:eastland', role: 'Foreign minister' },
    ],
    stances: [
      { actor: 'official:ann-east', type: 'backed', target: { id: 'position:truce', name: 'A 30-day truce', words: ['truce', 'ceasefire'] }, date: '2025-01-02', quote: 'we back the truce', firstHand: true, via: null, condition: 'if the shelling stops' },
      { actor: 'party:river-movement', type: 'rejected', target: { id: 'position:truce', name: 'A 30-day truce', words: ['truce'] }, date: '2025-01-01', quote: null, firstHand: false, via: 'Radio East', condition: null },
    ],
  };

  it('is a valid payload that declares only what the graph lacks, once', () => {
    const payload = sourcePayloadSchema.parse(reviewedPayload(report, gold, 'the text', new Set(['party:eastland'])));
    expect(payload.entities.map((e) => e.id)).toEqual(['party:river-movement', 'official:ann-east', 'position:truce']);
    expect(payload.entities.find((e) => e.id === 'party:river-movement')).toMatchObject({ kind: 'organisation' });
    expect(payload.entities.find((e) => e.id === 'position:truce')).toMatchObject({ category: 'ceasefire' });
    expect(payload.source).toMatchObject({ publisher: 'The Gazette', url: report.url, publishedAt: '2025-01-02', text: 'the text' });
  });

  it("keeps each stance's quote, reporting, via, date and condition", () => {
    const payload = sourcePayloadSchema.parse(reviewedPayload(report, gold, 'the text', new Set()));
    expect(payload.stances[0]).toMatchObject({ actor: 'official:ann-east', type: 'backed', date: '2025-01-02', condition: 'if the shelling stops', evidence: [{ quote: 'we back the truce', reporting: 'first-hand' }] });
    expect(payload.stances[1]!.evidence[0]).toMatchObject({ reporting: 'second-hand', via: 'Radio East' });
    expect(payload.stances[1]!.evidence[0]!.quote).toBeUndefined();
  });
});
