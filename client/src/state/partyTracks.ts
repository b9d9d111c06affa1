/**
 * One party across negotiations (issue 27), pure: the side panel's comparison from
 * `GET /api/actors/:id/stances?byNegotiation=true`. One track per negotiation the party holds
 * stances in, each stance marked with the other tracks where the party holds a stance on the same
 * target ("also in") and whether its latest stance there differs ("changed"); and the targets held
 * in more than one track, each with its latest stance per track. Nothing to compare (the party is
 * in fewer than two negotiations) is null, so the panel shows no comparison at all.
 */
import type { ActorStancesResponse } from '../../../server/contract/analysis.ts';
import type { StanceFamily, StanceType } from '../../../server/contract/model.ts';

export interface TrackStance {
  id: string;
  type: StanceType;
  family: StanceFamily;
  target: { id: string; label: string };
  date: string;
  datePrecision: string;
  /** The names of the other tracks where the party holds a stance on the same target. */
  alsoIn: string[];
  /** Its latest stance on the target differs in type between the tracks. */
  changed: boolean;
}

export interface PartyTrack {
  id: string;
  name: string;
  stances: TrackStance[];
}

export interface SharedTarget {
  target: { id: string; label: string };
  /** Per track holding it: the party's latest stance on the target there, in the tracks' order. */
  latest: { track: string; type: StanceType; family: StanceFamily; date: string; datePrecision: string }[];
  changed: boolean;
}

export interface PartyTracks {
  tracks: PartyTrack[];
  shared: SharedTarget[];
}

/** The comparison, or null when the party is in fewer than two negotiations. `shownType` is the stance-type filter. */
export function partyTracks(answer: Pick<ActorStancesResponse, 'byNegotiation' | 'sharedTargets'>, shownType: (type: string) => boolean = () => true): PartyTracks | null {
  const groups = answer.byNegotiation ?? [];
  if (groups.length < 2) return null;
  const names = new Map(groups.map((g) => [g.negotiation.id, g.negotiation.name]));
  const name = (id: string) => names.get(id) ?? id;
  const tracks = groups.map(({ negotiation, stances }) => ({
    id: negotiation.id,
    name: negotiation.name,
    stances: stances
      .filter((s) => shownType(s.type))
      .map((s) => ({
        id: s.id,
        type: s.type,
        family: s.family,
        target: { id: s.target.id, label: s.target.label },
        date: s.date,
        datePrecision: s.datePrecision,
        alsoIn: s.alsoIn.map(name),
        changed: s.differs,
      }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.target.label.localeCompare(b.target.label) || a.id.localeCompare(b.id)),
  }));
  const shared = (answer.sharedTargets ?? []).map(({ target, negotiations, differs }) => ({
    target: { id: target.id, label: target.label },
    latest: negotiations.map((n) => ({ track: n.name, type: n.latest.type, family: n.latest.family, date: n.latest.date, datePrecision: n.latest.datePrecision })),
    changed: differs,
  }));
  return { tracks, shared };
}
