/** One party across negotiations (issue 27): the side panel's comparison from the byNegotiation answer. */
import { describe, expect, it } from 'vitest';
import type { ActorStancesResponse } from '../../server/contract/analysis.ts';
import { partyTracks } from '../../client/src/state/partyTracks.ts';

type Grouped = NonNullable<ActorStancesResponse['byNegotiation']>[number]['stances'][number];

const stance = (id: string, type: Grouped['type'], family: Grouped['family'], target: string, date: string, alsoIn: string[] = [], differs = false): Grouped => ({
  id, type, family, date, datePrecision: 'day', alsoIn, differs, rolledUp: false,
  actor: { id: 'party:ostmark', label: 'Ostmark', type: 'Party' }, party: { id: 'party:ostmark', label: 'Ostmark', type: 'Party' },
  target: { id: `position:${target}`, label: target, type: 'Position' }, condition: null, conditionPosition: null,
  event: null, voicedBy: null, evidence: [], corroboration: { sources: 1, publishers: 1, firstHand: 1 },
} as unknown as Grouped);

const border = { id: 'negotiation:border', name: 'Border talks' };
const grain = { id: 'negotiation:grain', name: 'Grain talks' };

describe('partyTracks', () => {
  it('is null when the party is in fewer than two negotiations', () => {
    expect(partyTracks({})).toBeNull();
    expect(partyTracks({ byNegotiation: [{ negotiation: border, stances: [stance('s1', 'proposed', 'proposal', 'commission', '2025-03-10')] }], sharedTargets: [] })).toBeNull();
  });

  it('sets the tracks side by side, naming the other tracks of a shared target and marking a change', () => {
    const answer: Pick<ActorStancesResponse, 'byNegotiation' | 'sharedTargets'> = {
      byNegotiation: [
        { negotiation: border, stances: [stance('s2', 'proposed', 'proposal', 'corridor', '2025-03-12', [grain.id], true), stance('s1', 'proposed', 'proposal', 'commission', '2025-03-10')] },
        { negotiation: grain, stances: [stance('s3', 'backed', 'support', 'corridor', '2025-05-05', [border.id], true)] },
      ],
      sharedTargets: [{
        target: { id: 'position:corridor', label: 'corridor', type: 'Position' },
        negotiations: [
          { ...border, latest: { stanceId: 's2', type: 'proposed', family: 'proposal', date: '2025-03-12', datePrecision: 'day' } },
          { ...grain, latest: { stanceId: 's3', type: 'backed', family: 'support', date: '2025-05-05', datePrecision: 'day' } },
        ],
        differs: true,
      }],
    };
    const tracks = partyTracks(answer)!;
    expect(tracks.tracks.map((t) => t.name)).toEqual(['Border talks', 'Grain talks']);
    // Oldest first within a track; the other track by name, not by id.
    expect(tracks.tracks[0]!.stances.map((s) => [s.id, s.alsoIn, s.changed])).toEqual([['s1', [], false], ['s2', ['Grain talks'], true]]);
    expect(tracks.shared).toEqual([{ target: { id: 'position:corridor', label: 'corridor' }, changed: true, latest: [
      { track: 'Border talks', type: 'proposed', family: 'proposal', date: '2025-03-12', datePrecision: 'day' },
      { track: 'Grain talks', type: 'backed', family: 'support', date: '2025-05-05', datePrecision: 'day' },
    ] }]);
    // The stance-type filter narrows the tracks' lists but not which tracks there are.
    const onlyBacked = partyTracks(answer, (type) => type === 'backed')!;
    expect(onlyBacked.tracks.map((t) => t.stances.length)).toEqual([0, 1]);
  });
});
