/** The order of a trace's timeline (issue 26: "rejected" was listed before "proposed" on the same day). */
import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../server/contract/analysis.ts';
import type { StanceType } from '../../server/contract/model.ts';
import { timelineOrder } from '../../server/features/analysis/analysis.ts';

const entry = (id: string, date: string, kind: TimelineEntry['kind'] = 'stance'): TimelineEntry => ({ id, date, kind, datePrecision: 'day', text: id });

describe('the trace timeline', () => {
  it('puts what happened first on a day, then proposals before the answers to them, whatever the ids', () => {
    const types = new Map<string, StanceType>([
      ['stance:a-rejected', 'rejected'],
      ['stance:z-proposed', 'proposed'],
      ['stance:b-agreed', 'agreed'],
      ['stance:c-proposed-later', 'proposed'],
    ]);
    const entries = [
      entry('stance:a-rejected', '2025-06-02'),
      entry('stance:c-proposed-later', '2025-06-04'),
      entry('stance:b-agreed', '2025-06-02'),
      entry('event:talks', '2025-06-02', 'event'),
      entry('stance:z-proposed', '2025-06-02'),
    ];
    expect(entries.sort(timelineOrder(types)).map((e) => e.id)).toEqual(['event:talks', 'stance:z-proposed', 'stance:b-agreed', 'stance:a-rejected', 'stance:c-proposed-later']);
  });
});
