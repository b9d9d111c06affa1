import { describe, expect, it } from 'vitest';
import type { AskStanceRow } from '../../server/features/ask/data.ts';
import { factKey, judgeFacts, laterChange, stanceConfidence } from '../../server/features/ask/facts.ts';

let n = 0;
function row(type: AskStanceRow['type'], family: AskStanceRow['family'], date: string, sources: [string, 'first-hand' | 'second-hand', string?][]): AskStanceRow {
  n += 1;
  return {
    stanceId: `stance:${n}`,
    actor: 'Eastland',
    actorId: 'party:eastland',
    party: 'Eastland',
    partyId: 'party:eastland',
    type,
    family,
    target: 'Truce',
    targetId: 'position:truce',
    date,
    datePrecision: 'day',
    condition: null,
    conditionId: null,
    voicedBy: null,
    participants: [],
    replaces: [],
    requires: [],
    evidence: sources.map(([source, reporting, grade], i) => ({
      id: `evidence:${n}-${i}`,
      quote: null,
      summary: 'Our words.',
      via: reporting === 'second-hand' ? 'a rival minister' : null,
      reporting,
      sourceId: source,
      sourceTitle: null,
      sourceDate: date,
      sourceUrl: null,
      sourceGrade: grade ?? null,
      sourcePublisher: null,
    })),
  };
}

describe('facts an answer rests on', () => {
  it('judges a rejection and an agreement of the same day, from different sources, as disputed', () => {
    const agreed = row('agreed', 'support', '2025-06-02', [['source:a', 'second-hand', 'C3']]);
    const rejected = row('rejected', 'rejection', '2025-06-02', [['source:b', 'first-hand'], ['source:c', 'first-hand']]);
    const judgement = judgeFacts([agreed, rejected]).get(factKey(agreed));
    expect(judgement?.disputed).toBe(true);
    // The better-evidenced side leads.
    expect(judgement?.headline.id).toBe(rejected.stanceId);
  });

  it('says a later stance of the other family is a change over time, not a dispute', () => {
    const proposed = row('proposed', 'proposal', '2025-06-02', [['source:a', 'first-hand']]);
    const dismissed = row('dismissed', 'rejection', '2025-06-04', [['source:b', 'first-hand']]);
    const judgement = judgeFacts([proposed, dismissed]).get(factKey(proposed));
    expect(judgement?.disputed).toBe(false);
    expect(laterChange(proposed, judgement)?.stanceId).toBe(dismissed.stanceId);
    expect(laterChange(dismissed, judgement)).toBeNull();
  });

  it('is surer of corroborated or first-hand evidence than of one second-hand report, and less sure of weak grades', () => {
    const corroborated = row('agreed', 'support', '2025-06-02', [['source:a', 'second-hand'], ['source:b', 'second-hand']]);
    const single = row('agreed', 'support', '2025-06-02', [['source:a', 'second-hand']]);
    const weak = row('agreed', 'support', '2025-06-02', [['source:a', 'second-hand', 'E5']]);
    expect(stanceConfidence([corroborated])).toBeGreaterThan(stanceConfidence([single]));
    expect(stanceConfidence([single])).toBeGreaterThan(stanceConfidence([weak]));
  });
});
