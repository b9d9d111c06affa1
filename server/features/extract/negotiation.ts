/**
 * The negotiation the workbench proposes for a draft (issue 27), pure. The assignment rule itself
 * (`cypher/rules/negotiation-match.cypher`, the one ingestion applies) runs in Neo4j over the
 * draft's probes (`negotiationProbes`, the graph actor each stance would count for and its day);
 * this module weighs what it answered:
 * 1. the negotiation the rule places most of the draft's stances in (ties: one whose name or
 *    aliases a place of the text names, then by name);
 * 2. else a negotiation one of the draft's parties takes part in whose name or aliases a place of
 *    the text names (its dates fall outside that negotiation's period);
 * 3. else a new negotiation named from the draft's parties ("Ostmark–Westmark talks", the parties
 *    with most stances first, at most three named), with all of them as parties, open from the
 *    draft's earliest date; a negotiation of that id already there is proposed instead.
 * No stance counting for a party: no proposal (null).
 */
import type { NegotiationProposal } from '../../contract/extract.ts';
import type { SourcePayloadInput } from '../../contract/sourcePayload.ts';
import { fold } from '../../language/index.ts';
import { slugId } from './targets.ts';

export interface Probe {
  actor: string;
  date: string;
}

/** What the rule answered for a probe (by its index); a probe whose actor the graph lacks has none. */
export interface ProbeMatch {
  probe: number;
  negotiation: string | null;
  party: string | null;
  partyName: string | null;
}

export interface KnownNegotiation {
  id: string;
  name: string;
  aliases: string[];
  /** Its parties' and mediators' ids. */
  parties: string[];
}

type Payload = Pick<SourcePayloadInput, 'stances' | 'entities'>;

/** The entity the payload declares with that id, if any. */
function declared(payload: Payload, id: string) {
  return (payload.entities ?? []).find((e) => e.id === id);
}

/**
 * The graph actor each of the draft's stances is tested with: its actor; for an actor the draft
 * proposes, the party it names (an official's or delegation's party, a body's larger party), which
 * the graph may hold. One probe per stance, in order.
 */
export function negotiationProbes(payload: Payload): Probe[] {
  return (payload.stances ?? []).map((s) => {
    const entity = declared(payload, s.actor);
    if (!entity) return { actor: s.actor, date: s.date };
    if ((entity.type === 'Official' || entity.type === 'Delegation') && entity.party) return { actor: entity.party, date: s.date };
    if (entity.type === 'Party' && entity.partOf) return { actor: entity.partOf, date: s.date };
    return { actor: s.actor, date: s.date };
  });
}

const words = (text: string) => ` ${fold(text).replace(/[^a-z0-9]+/g, ' ').trim()} `;

/** Whether a place of the text is a word (or words) of the negotiation's name or aliases. */
function namedByPlace(negotiation: KnownNegotiation, places: readonly string[]): string | null {
  const names = [negotiation.name, ...negotiation.aliases].map(words);
  return places.find((place) => words(place).trim() && names.some((name) => name.includes(words(place)))) ?? null;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function proposeNegotiation({ payload, places, matches, negotiations }: { payload: Payload; places: readonly string[]; matches: readonly ProbeMatch[]; negotiations: readonly KnownNegotiation[] }): NegotiationProposal | null {
  const stances = payload.stances ?? [];
  const probes = negotiationProbes(payload);
  const byProbe = new Map(matches.map((m) => [m.probe, m]));
  const byId = new Map(negotiations.map((n) => [n.id, n]));

  // 1. The rule's answer, stance by stance.
  const votes = new Map<string, number>();
  for (const m of matches) if (m.negotiation && byId.has(m.negotiation)) votes.set(m.negotiation, (votes.get(m.negotiation) ?? 0) + 1);
  const ranked = [...votes.entries()]
    .map(([id, count]) => ({ negotiation: byId.get(id)!, count, place: namedByPlace(byId.get(id)!, places) }))
    .sort((a, b) => b.count - a.count || Number(b.place !== null) - Number(a.place !== null) || a.negotiation.name.localeCompare(b.negotiation.name) || a.negotiation.id.localeCompare(b.negotiation.id));
  const best = ranked[0];
  if (best) {
    const where = best.place ? `; the text names ${best.place}` : '';
    return existing(best.negotiation, `Its parties and dates match the ${best.negotiation.name} (${best.count} of ${plural(stances.length, 'stance')})${where}.`);
  }

  // The parties the draft's stances count for, those with most stances first.
  const parties = new Map<string, { name: string; count: number; first: number }>();
  stances.forEach((_s, i) => {
    const match = byProbe.get(i);
    const probe = probes[i]!;
    const entity = match ? null : declared(payload, probe.actor);
    const party = match?.party ? { id: match.party, name: match.partyName ?? match.party } : entity?.type === 'Party' ? { id: entity.id, name: entity.name } : null;
    if (!party) return;
    const held = parties.get(party.id);
    parties.set(party.id, held ? { ...held, count: held.count + 1 } : { name: party.name, count: 1, first: i });
  });
  const partyIds = [...parties.keys()].sort((a, b) => parties.get(b)!.count - parties.get(a)!.count || parties.get(a)!.first - parties.get(b)!.first);
  if (partyIds.length === 0) return null;

  // 2. A negotiation of its parties that a place of the text names.
  const named = negotiations
    .map((n) => ({ negotiation: n, shared: partyIds.filter((p) => n.parties.includes(p)), place: namedByPlace(n, places) }))
    .filter((c) => c.shared.length > 0 && c.place !== null)
    .sort((a, b) => b.shared.length - a.shared.length || a.negotiation.name.localeCompare(b.negotiation.name) || a.negotiation.id.localeCompare(b.negotiation.id))[0];
  if (named) {
    const who = named.shared.map((p) => parties.get(p)!.name).join(' and ');
    return existing(named.negotiation, `${who} take${named.shared.length === 1 ? 's' : ''} part in the ${named.negotiation.name} and the text names ${named.place}, though its dates fall outside that negotiation's period.`);
  }

  // 3. A new negotiation from its parties and period.
  const shownNames = partyIds.slice(0, 3).map((p) => parties.get(p)!.name);
  const name = `${shownNames.join('–')} talks`;
  const id = slugId('negotiation', name, 120);
  const same = byId.get(id);
  if (same) return existing(same, `A negotiation of the same parties exists: the ${same.name}.`);
  const start = stances.map((s) => s.date).sort()[0]!;
  return {
    negotiation: { id, name, aliases: [], parties: partyIds.slice(0, 50), mediators: [], start },
    name,
    new: true,
    reason: `No negotiation matches its parties and dates: a new one of ${partyIds.map((p) => parties.get(p)!.name).join(', ')}, from ${start}.`,
  };
}

function existing(negotiation: KnownNegotiation, reason: string): NegotiationProposal {
  return { negotiation: negotiation.id, name: negotiation.name, new: false, reason };
}

/** The places a draft's text names: its Place mentions and the places it proposes. */
export function draftPlaces(draft: { payload: Payload; provenance: { mentions: { type: string; text: string }[] } }): string[] {
  const names = [
    ...draft.provenance.mentions.filter((m) => m.type === 'Place').map((m) => m.text),
    ...(draft.payload.entities ?? []).filter((e) => e.type === 'Place').map((e) => e.name),
  ];
  return [...new Set(names)];
}
