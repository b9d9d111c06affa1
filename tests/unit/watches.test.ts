/** Watches' pure parts: the events an ingestion's new stances make, the retry back-off, and the bell's unread state. */
import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../server/contract/watches.ts';
import { stanceEvents } from '../../server/core/outbox.ts';
import type { StanceFactRow } from '../../server/core/outboxData.ts';
import { retryDelay } from '../../server/features/watches/delivery.ts';
import { addChanges, markAllRead, unreadCount } from '../../client/src/state/changes.ts';

const pair = (id: string, type: 'proposed' | 'rejected' | 'backed', date: string, sources: string[]) => ({
  id,
  type,
  family: type === 'rejected' ? ('rejection' as const) : type === 'backed' ? ('support' as const) : ('proposal' as const),
  date,
  datePrecision: 'day',
  sources,
});

function fact(stance: ReturnType<typeof pair>, others: ReturnType<typeof pair>[]): StanceFactRow {
  return {
    ...stance,
    actorId: 'party:a',
    actorLabel: 'A',
    targetId: 'position:p',
    targetLabel: 'P',
    targetType: 'Position',
    party: 'party:a',
    related: ['official:o'],
    negotiations: [],
    pair: [stance, ...others],
  };
}

describe('stanceEvents', () => {
  it('a new stance alone is a new stance about its actor, party, target and official', () => {
    const [event, ...rest] = stanceEvents('source:s', [fact(pair('s1', 'proposed', '2025-01-01', ['source:s']), [])]);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ kind: 'new-stance', title: 'A proposed P', subjects: ['party:a', 'position:p', 'official:o'] });
    expect(event!.links[0]).toEqual({ kind: 'trace', id: 'position:p', href: '/api/positions/position%3Ap/trace' });
  });

  it('the opposite stance at the same moment from another source is a conflict; later, a reversal', () => {
    const earlier = pair('s0', 'proposed', '2025-01-01', ['source:other']);
    const same = stanceEvents('source:s', [fact(pair('s1', 'rejected', '2025-01-01', ['source:s']), [earlier])]);
    expect(same.map((e) => e.kind)).toEqual(['new-stance', 'new-conflict']);
    expect(same[1]!.links[0]).toMatchObject({ kind: 'conflict', id: 's0|s1' });
    const later = stanceEvents('source:s', [fact(pair('s2', 'rejected', '2025-02-01', ['source:s']), [earlier])]);
    expect(later.map((e) => e.kind)).toEqual(['new-stance', 'reversal']);
    // Agreeing stances make neither.
    expect(stanceEvents('source:s', [fact(pair('s3', 'backed', '2025-01-01', ['source:s']), [earlier])]).map((e) => e.kind)).toEqual(['new-stance']);
  });

  it('opposite reports from the same source are no conflict between reports', () => {
    const mine = pair('s0', 'proposed', '2025-01-01', ['source:s']);
    expect(stanceEvents('source:s', [fact(pair('s1', 'rejected', '2025-01-01', ['source:s']), [mine])]).map((e) => e.kind)).toEqual(['new-stance']);
  });
});

describe('retryDelay', () => {
  it('doubles from the base and stops at an hour', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 1_000))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelay(30, 1_000)).toBe(3_600_000);
  });
});

describe('the bell', () => {
  const change = (id: string, at: string, watches: string[] = ['watch:1']): ChangeEvent => ({ id, kind: 'new-stance', at, title: id, sourceId: null, subjects: [], links: [], watches });

  it('keeps only watched changes, once each, newest first, and counts the unread', () => {
    let state = addChanges({ changes: [], read: new Set() }, [change('a', '2025-01-01T00:00:00Z'), change('b', '2025-01-02T00:00:00Z'), change('x', '2025-01-03T00:00:00Z', [])]);
    state = addChanges(state, [change('a', '2025-01-01T00:00:00Z')]);
    expect(state.changes.map((c) => c.id)).toEqual(['b', 'a']);
    expect(unreadCount(state)).toBe(2);
    state = markAllRead(state);
    expect(unreadCount(state)).toBe(0);
    expect(unreadCount(addChanges(state, [change('c', '2025-01-04T00:00:00Z')]))).toBe(1);
  });
});

describe('sealed webhook URLs and derived signing keys', () => {
  it('a URL opens only under the key it was sealed with; keys differ per watch and nonce', async () => {
    const { openUrl, sealUrl, signingKey } = await import('../../server/features/watches/signingKey.ts');
    const sealed = sealUrl('key-a', 'https://hooks.example.org/T000/secret-part');
    expect(sealed).not.toContain('secret-part');
    expect(openUrl('key-a', sealed)).toBe('https://hooks.example.org/T000/secret-part');
    expect(openUrl('key-b', sealed)).toBeNull();
    expect(signingKey('key-a', 'watch:1', 'n')).not.toBe(signingKey('key-a', 'watch:2', 'n'));
    expect(signingKey('key-a', 'watch:1', 'n')).not.toBe(signingKey('key-b', 'watch:1', 'n'));
    expect(signingKey('key-a', 'watch:1', 'n')).toBe(signingKey('key-a', 'watch:1', 'n'));
  });
});
