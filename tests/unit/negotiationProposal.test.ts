/** The negotiation proposed for a draft (issue 27), its pure part: probes, and the weighing of the rule's answers, places and parties. */
import { describe, expect, it } from 'vitest';
import type { SourcePayloadInput } from '../../server/contract/sourcePayload.ts';
import { type KnownNegotiation, type ProbeMatch, negotiationProbes, proposeNegotiation } from '../../server/features/extract/negotiation.ts';

const evidence = [{ summary: 'x', reporting: 'second-hand' as const }];
const stance = (id: string, actor: string, date: string) => ({ id, actor, type: 'proposed' as const, target: 'position:commission', date, evidence });
const payload: Pick<SourcePayloadInput, 'stances' | 'entities'> = {
  entities: [
    { id: 'official:ana-vell', type: 'Official', name: 'Ana Vell', role: 'envoy', party: 'party:ostmark' },
    { id: 'party:kestria', type: 'Party', name: 'Kestria', kind: 'state' },
  ],
  stances: [stance('stance:1', 'party:westmark', '2025-03-12'), stance('stance:2', 'official:ana-vell', '2025-03-10'), stance('stance:3', 'party:kestria', '2025-03-11')],
};
const border: KnownNegotiation = { id: 'negotiation:border', name: 'Border talks', aliases: ['Nordia process'], parties: ['party:ostmark', 'party:westmark'] };
const grain: KnownNegotiation = { id: 'negotiation:grain', name: 'Grain talks', aliases: [], parties: ['party:ostmark', 'party:suderia'] };
const row = (probe: number, negotiation: string | null, party: string | null, partyName: string | null = party && party.slice(6, 7).toUpperCase() + party.slice(7)): ProbeMatch => ({ probe, negotiation, party, partyName });

describe('negotiationProbes', () => {
  it("tests a proposed official by the party it names, and anything else by its actor", () => {
    expect(negotiationProbes(payload)).toEqual([
      { actor: 'party:westmark', date: '2025-03-12' },
      { actor: 'party:ostmark', date: '2025-03-10' },
      { actor: 'party:kestria', date: '2025-03-11' },
    ]);
  });
});

describe('proposeNegotiation', () => {
  it('proposes the negotiation the rule places most stances in', () => {
    const proposal = proposeNegotiation({ payload, places: [], negotiations: [border, grain], matches: [row(0, border.id, 'party:westmark'), row(1, border.id, 'party:ostmark')] });
    expect(proposal).toMatchObject({ negotiation: border.id, name: 'Border talks', new: false });
    expect(proposal!.reason).toBe('Its parties and dates match the Border talks (2 of 3 stances).');
  });

  it('breaks a tie with a place the text names in a negotiation name or alias', () => {
    const matches = [row(0, grain.id, 'party:westmark'), row(1, border.id, 'party:ostmark')];
    expect(proposeNegotiation({ payload, places: [], negotiations: [border, grain], matches })!.negotiation).toBe(border.id);
    expect(proposeNegotiation({ payload, places: ['Nordia'], negotiations: [grain, border], matches })!.negotiation).toBe(border.id);
    const named = { ...grain, aliases: ['Velsen round'] };
    expect(proposeNegotiation({ payload, places: ['Velsen'], negotiations: [border, named], matches })).toMatchObject({ negotiation: grain.id, reason: expect.stringContaining('Velsen') });
  });

  it("outside every period, proposes a negotiation of its parties that a place of the text names", () => {
    const matches = [row(0, null, 'party:westmark'), row(1, null, 'party:ostmark')];
    expect(proposeNegotiation({ payload, places: ['Nordia'], negotiations: [grain, border], matches })).toMatchObject({ negotiation: border.id, new: false });
  });

  it('otherwise proposes a new negotiation named from its parties, with their ids and the earliest date', () => {
    const matches = [row(0, null, 'party:westmark'), row(1, null, 'party:ostmark')];
    const proposal = proposeNegotiation({ payload, places: [], negotiations: [border, grain], matches })!;
    expect(proposal).toEqual({
      negotiation: { id: 'negotiation:westmark-ostmark-kestria-talks', name: 'Westmark–Ostmark–Kestria talks', aliases: [], parties: ['party:westmark', 'party:ostmark', 'party:kestria'], mediators: [], start: '2025-03-10' },
      name: 'Westmark–Ostmark–Kestria talks',
      new: true,
      reason: 'No negotiation matches its parties and dates: a new one of Westmark, Ostmark, Kestria, from 2025-03-10.',
    });
    // The parties with most stances come first.
    const twice = { ...payload, stances: [...payload.stances!, stance('stance:4', 'party:kestria', '2025-03-13')] };
    expect(proposeNegotiation({ payload: twice, places: [], negotiations: [], matches })!.name).toBe('Kestria–Westmark–Ostmark talks');
  });

  it('proposes the negotiation of that name when it exists, and nothing when no stance counts for a party', () => {
    const same: KnownNegotiation = { id: 'negotiation:westmark-ostmark-kestria-talks', name: 'Westmark–Ostmark–Kestria talks', aliases: [], parties: [] };
    expect(proposeNegotiation({ payload, places: [], negotiations: [same], matches: [row(0, null, 'party:westmark'), row(1, null, 'party:ostmark')] })).toMatchObject({ negotiation: same.id, new: false });
    const officialOnly = { entities: [], stances: [stance('stance:5', 'official:nobody', '2025-03-10')] };
    expect(proposeNegotiation({ payload: officialOnly, places: [], negotiations: [border], matches: [row(0, null, null)] })).toBeNull();
    expect(proposeNegotiation({ payload: { stances: [] }, places: [], negotiations: [border], matches: [] })).toBeNull();
  });
});
