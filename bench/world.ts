/**
 * Synthetic negotiation worlds, generated deterministically from a seed: parties, officials,
 * delegations, places, positions (with preconditions and alternatives), events and documents,
 * then years of news sources, each carrying a batch of dated stances with their evidence.
 * Everything is a `SourcePayload`, so a world loads through the real ingestion contract.
 */
import type { EntityInput, SourcePayload } from '../server/contract/sourcePayload.ts';
import { POSITION_RELATION_NAMES, STANCE_TYPE_NAMES } from '../server/contract/model.ts';

export const WORLD_SIZES = {
  /** For the smoke test in `npm test`. */
  tiny: 200,
  small: 1_000,
  medium: 100_000,
  large: 1_000_000,
} as const;
export type WorldSize = keyof typeof WORLD_SIZES;

/** Bump when the generator changes, so worlds kept in bench/data are rebuilt rather than reused (2: negotiations). */
export const GENERATOR_VERSION = 2;
export const isWorldSize = (name: string): name is WorldSize => Object.hasOwn(WORLD_SIZES, name);

/** mulberry32: small, fast and good enough for synthetic data; the same seed gives the same world. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface WorldPlan {
  stances: number;
  seed: number;
  /** Stances per source: each source is one ingestion transaction. */
  stancesPerSource: number;
  /** Id prefix of the entities. */
  prefix: string;
  /** Id prefix of sources and stances, so that extra batches (ingestion runs) can sit beside the world's. */
  claimPrefix: string;
  counts: { parties: number; officials: number; delegations: number; places: number; positions: number; events: number; documents: number };
  /**
   * Negotiations (issue 27): the world is split into this many tracks, each with its own parties
   * (party i is in track i mod n, with its officials and delegation), positions, events and
   * documents, and a period of its own; the most popular positions are shared by every track.
   */
  negotiations: number;
}

const FIRST_DAY = Date.UTC(2022, 1, 1);
const WORLD_DAYS = 4 * 365;
const CATEGORIES = ['ceasefire', 'territory', 'summit', 'humanitarian', 'sanctions', 'military', 'diplomatic', 'security'] as const;
const EVENT_KINDS = ['talks', 'attack', 'capture', 'visit', 'statement', 'exchange', 'troop-movement', 'election'] as const;

/** Entity counts grow with the world (about one entity per 30 stances), with a floor for small worlds. */
export function planWorld(
  stances: number,
  { seed = 42, stancesPerSource = 1_000, prefix = 'w', claimPrefix = prefix }: Partial<Pick<WorldPlan, 'seed' | 'stancesPerSource' | 'prefix' | 'claimPrefix'>> = {},
): WorldPlan {
  const scaled = (per: number, floor: number, cap = Infinity) => Math.min(cap, Math.max(floor, Math.round(stances / per)));
  const parties = scaled(2_000, 6, 300);
  const positions = scaled(50, 20);
  return {
    stances,
    seed,
    stancesPerSource,
    prefix,
    claimPrefix,
    counts: {
      parties,
      officials: scaled(100, 12),
      delegations: parties,
      places: scaled(2_000, 6),
      positions,
      events: scaled(250, 5),
      documents: scaled(1_000, 3),
    },
    // A declaration names at most 50 parties.
    negotiations: Math.max(3, Math.ceil(parties / 50)),
  };
}

const ids = {
  party: (p: WorldPlan, i: number) => `party:${p.prefix}-${i}`,
  official: (p: WorldPlan, i: number) => `official:${p.prefix}-${i}`,
  delegation: (p: WorldPlan, i: number) => `delegation:${p.prefix}-${i}`,
  place: (p: WorldPlan, i: number) => `place:${p.prefix}-${i}`,
  position: (p: WorldPlan, i: number) => `position:${p.prefix}-${i}`,
  event: (p: WorldPlan, i: number) => `event:${p.prefix}-${i}`,
  document: (p: WorldPlan, i: number) => `document:${p.prefix}-${i}`,
  negotiation: (p: WorldPlan, k: number) => `negotiation:${p.prefix}-${k}`,
  source: (p: WorldPlan, kind: string, i: number) => `source:${p.claimPrefix}-${kind}-${i}`,
  stance: (p: WorldPlan, source: number, i: number) => `stance:${p.claimPrefix}-${source}-${i}`,
};

export const positionId = (plan: WorldPlan, index: number) => ids.position(plan, index);
export const positionName = (index: number) => `Position ${index}`;
export const negotiationId = (plan: WorldPlan, k: number) => ids.negotiation(plan, k);

/** The positions every track shares: the most popular ones (about 1 in 100). */
export function sharedPositionCount(plan: WorldPlan): number {
  return Math.max(1, Math.floor(plan.counts.positions / 100));
}

const every = (count: number, start: number, step: number) => Array.from({ length: Math.max(0, Math.ceil((count - start) / step)) }, (_, j) => start + j * step);

/** The entity indices of track k: its own and, for positions, the shared ones first (most popular). */
export function negotiationMembers(plan: WorldPlan, k: number) {
  const c = plan.counts;
  const n = plan.negotiations;
  const shared = sharedPositionCount(plan);
  const ownPositions = every(c.positions, shared + k, n);
  return {
    parties: every(c.parties, k, n),
    // Official i belongs to party i mod parties, so to that party's track.
    officials: every(c.officials, 0, 1).filter((i) => (i % c.parties) % n === k),
    delegations: every(c.delegations, k, n),
    ownPositions,
    positions: [...every(shared, 0, 1), ...ownPositions],
    events: every(c.events, k, n),
    documents: every(c.documents, k, n),
  };
}
type Members = ReturnType<typeof negotiationMembers>;

/** Track k's period: each starts a month before the last and the first is open-ended, so every one holds the world's four years. */
function negotiationPeriod(k: number): { start: string; end?: string } {
  return { start: isoDay(-30 * (k + 1)), ...(k === 0 ? {} : { end: isoDay(WORLD_DAYS + 30 * k) }) };
}

function isoDay(dayOffset: number): string {
  return new Date(FIRST_DAY + Math.floor(dayOffset) * 86_400_000).toISOString().slice(0, 10);
}

/** The day a source with this index was published: sources spread evenly over four years. */
function sourceDate(plan: WorldPlan, sourceIndex: number): string {
  return isoDay((sourceIndex / Math.max(1, sourceCount(plan))) * WORLD_DAYS);
}

export function sourceCount(plan: WorldPlan): number {
  return Math.ceil(plan.stances / plan.stancesPerSource);
}

/**
 * Position popularity is skewed (a few positions draw most stances, as a ceasefire does), so
 * traces range from a handful of stances to thousands.
 */
function pickPosition(random: () => number, positions: readonly number[]): number {
  return positions[Math.floor(positions.length * random() ** 1.6)]!;
}

/** Uniformly one of `items` (which is never empty here). */
function pickOf(random: () => number, items: readonly number[]): number {
  return items[Math.floor(random() * items.length)]!;
}

const ENTITIES_PER_SOURCE = 5_000;

/** Entities in background sources of at most 5,000 each (the contract's limit), the first declaring the track when given. */
function* backgroundSources(plan: WorldPlan, name: string, entities: EntityInput[], negotiation?: SourcePayload['negotiation']): Generator<SourcePayload> {
  for (let start = 0, part = 0; start < entities.length; start += ENTITIES_PER_SOURCE, part++) {
    const declared = negotiation !== undefined && typeof negotiation !== 'string' ? negotiation.id : negotiation;
    yield {
      source: { id: ids.source(plan, name, part), title: `Background notes ${name} ${part}`, kind: 'background', publishedAt: isoDay(0), language: 'en' },
      ...(negotiation !== undefined ? { negotiation: part === 0 ? negotiation : declared } : {}),
      entities: entities.slice(start, start + ENTITIES_PER_SOURCE),
      stances: [],
      relations: [],
    };
  }
}

/** What every track shares: the places and the shared positions, in a background source of no negotiation. */
function* sharedEntitySources(plan: WorldPlan): Generator<SourcePayload> {
  const c = plan.counts;
  const entities: EntityInput[] = [];
  for (let i = 0; i < c.places; i++) {
    entities.push({ id: ids.place(plan, i), type: 'Place', name: `Place ${i}`, aliases: [], kind: i < 3 ? 'country' : 'city', ...(i >= 3 ? { within: ids.place(plan, i % 3) } : {}) });
  }
  for (let i = 0; i < sharedPositionCount(plan); i++) entities.push(positionEntity(plan, i));
  yield* backgroundSources(plan, 'background', entities);
}

function positionEntity(plan: WorldPlan, i: number): EntityInput {
  return { id: ids.position(plan, i), type: 'Position', name: positionName(i), aliases: [], description: `Synthetic position ${i} on ${CATEGORIES[i % CATEGORIES.length]}`, category: CATEGORIES[i % CATEGORIES.length]! };
}

/** Track k's own entities, in background sources that declare it (so its events and documents are its members). */
function* negotiationEntitySources(plan: WorldPlan, k: number): Generator<SourcePayload> {
  const random = seededRandom(plan.seed * 7_919 + k);
  const c = plan.counts;
  const m = negotiationMembers(plan, k);
  const pick = (n: number) => Math.floor(random() * n);
  const entities: EntityInput[] = [];
  for (const i of m.parties) {
    entities.push({ id: ids.party(plan, i), type: 'Party', name: `Party ${i}`, aliases: [`P${i}`], kind: i % 10 === 9 ? 'organisation' : 'state' });
  }
  for (const i of m.officials) {
    entities.push({ id: ids.official(plan, i), type: 'Official', name: `Official ${i}`, aliases: [], role: 'negotiator', party: ids.party(plan, i % c.parties) });
  }
  for (const i of m.delegations) {
    const members = [i, i + c.parties].filter((o) => o < c.officials).map((o) => ids.official(plan, o));
    entities.push({ id: ids.delegation(plan, i), type: 'Delegation', name: `Delegation ${i}`, aliases: [], party: ids.party(plan, i), members, ...(members[0] ? { head: members[0] } : {}) });
  }
  for (const i of m.ownPositions) entities.push(positionEntity(plan, i));
  for (const i of m.events) {
    entities.push({
      id: ids.event(plan, i),
      type: 'Event',
      name: `Event ${i}`,
      aliases: [],
      kind: EVENT_KINDS[i % EVENT_KINDS.length]!,
      date: isoDay((i / c.events) * WORLD_DAYS),
      datePrecision: 'day',
      place: ids.place(plan, pick(c.places)),
      participants: [ids.party(plan, pickOf(random, m.parties)), ids.party(plan, pickOf(random, m.parties))].map((id) => ({ id, role: 'participant' })),
      outcomes: random() < 0.3 ? [ids.position(plan, pickPosition(random, m.ownPositions))] : [],
    });
  }
  for (const i of m.documents) {
    entities.push({
      id: ids.document(plan, i),
      type: 'Document',
      name: `Document ${i}`,
      aliases: [],
      kind: 'memorandum',
      date: isoDay((i / c.documents) * WORLD_DAYS),
      datePrecision: 'day',
      author: ids.party(plan, pickOf(random, m.parties)),
      setsOut: [ids.position(plan, pickPosition(random, m.ownPositions))],
    });
  }
  const declaration = {
    id: ids.negotiation(plan, k),
    name: `Talks ${plan.prefix}-${k}`,
    aliases: [`Track ${plan.prefix}-${k}`],
    parties: m.parties.map((i) => ids.party(plan, i)),
    mediators: [],
    ...negotiationPeriod(k),
  };
  yield* backgroundSources(plan, `background-${k}`, entities, declaration);
}

/** One news source with its stances; the same (plan, index) always gives the same payload. */
export function stanceSource(plan: WorldPlan, index: number): SourcePayload {
  return stanceSourceOf(plan, index, null);
}

/**
 * One news source: each stance is in one track, picked at random, by one of its parties or
 * officials on one of its positions (or events); its negotiation is left to the assignment rule,
 * as a report that names none is. With `only`, the same source keeps only track `only`'s stances
 * and relations (the same ids and content), for a world that holds that track alone.
 */
function stanceSourceOf(plan: WorldPlan, index: number, only: number | null): SourcePayload {
  const random = seededRandom(plan.seed * 1_000_003 + index);
  const c = plan.counts;
  const pick = (n: number) => Math.floor(random() * n);
  const tracks = Array.from({ length: plan.negotiations }, (_, k) => negotiationMembers(plan, k));
  const count = Math.min(plan.stancesPerSource, plan.stances - index * plan.stancesPerSource);
  const publishedAt = sourceDate(plan, index);
  const sourceId = ids.source(plan, 'article', index);
  const stances: SourcePayload['stances'] = [];
  for (let i = 0; i < count; i++) {
    const k = pick(plan.negotiations);
    const m: Members = tracks[k]!;
    const byParty = random() < 0.3;
    const party = pickOf(random, m.parties);
    const target = random() < 0.9 || m.events.length === 0 ? ids.position(plan, pickPosition(random, m.positions)) : ids.event(plan, pickOf(random, m.events));
    const conditional = random() < 0.1;
    const secondHand = random() < 0.3;
    const stance: SourcePayload['stances'][number] = {
      id: ids.stance(plan, index, i),
      actor: byParty ? ids.party(plan, party) : ids.official(plan, pickOf(random, m.officials)),
      type: STANCE_TYPE_NAMES[pick(STANCE_TYPE_NAMES.length)]!,
      target,
      date: publishedAt,
      datePrecision: 'day',
      confidence: 0.9,
      ...(conditional ? { condition: 'only once the other side moves first', conditionPosition: ids.position(plan, pickPosition(random, m.positions)) } : {}),
      ...(random() < 0.2 && m.events.length > 0 ? { event: ids.event(plan, pickOf(random, m.events)) } : {}),
      ...(byParty && random() < 0.3 && party < c.officials ? { voicedBy: ids.official(plan, party) } : {}),
      evidence: [
        secondHand
          ? { summary: `Reported stance ${i} of source ${index}`, reporting: 'second-hand', via: 'a briefing' }
          : { quote: `Quoted words ${i} from source ${index}: we will not accept this without guarantees.`, reporting: 'first-hand' },
      ],
    };
    if (only === null || only === k) stances.push(stance);
  }
  const relations: SourcePayload['relations'] = [];
  for (let i = 0; i < Math.ceil(count / 50); i++) {
    const k = pick(plan.negotiations);
    const m = tracks[k]!;
    // Within one track: from any of its positions (shared ones included) to one of its own.
    const from = pickPosition(random, m.positions);
    const to = pickOf(random, m.ownPositions);
    const type = POSITION_RELATION_NAMES[pick(POSITION_RELATION_NAMES.length)]!;
    if (from !== to && (only === null || only === k)) relations.push({ type, from: ids.position(plan, from), to: ids.position(plan, to) });
  }
  return {
    source: { id: sourceId, title: `Talks report ${index}`, kind: 'news-article', publishedAt, publisher: 'Synthetic Wire', language: 'en' },
    entities: [],
    stances,
    relations,
  };
}

/** Every payload of a world, entities first (shared, then each track's), then the news sources in date order. */
export function* worldSources(plan: WorldPlan): Generator<SourcePayload> {
  yield* sharedEntitySources(plan);
  for (let k = 0; k < plan.negotiations; k++) yield* negotiationEntitySources(plan, k);
  for (let i = 0; i < sourceCount(plan); i++) yield stanceSource(plan, i);
}

/**
 * The world that holds track k alone: the shared entities, track k's, and each news source with
 * only track k's stances and relations (the same ids and content as in the whole world); a source
 * left with none is not sent.
 */
export function* negotiationWorldSources(plan: WorldPlan, k: number): Generator<SourcePayload> {
  yield* sharedEntitySources(plan);
  yield* negotiationEntitySources(plan, k);
  for (let i = 0; i < sourceCount(plan); i++) {
    const payload = stanceSourceOf(plan, i, k);
    if (payload.stances.length > 0 || payload.relations.length > 0) yield payload;
  }
}

/** How many stances track k holds in the whole world (the world that holds it alone has as many). */
export function negotiationStanceCount(plan: WorldPlan, k: number): number {
  let n = 0;
  for (let i = 0; i < sourceCount(plan); i++) n += stanceSourceOf(plan, i, k).stances.length;
  return n;
}
