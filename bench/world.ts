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
      positions: scaled(50, 20),
      events: scaled(250, 5),
      documents: scaled(1_000, 3),
    },
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
  source: (p: WorldPlan, kind: string, i: number) => `source:${p.claimPrefix}-${kind}-${i}`,
  stance: (p: WorldPlan, source: number, i: number) => `stance:${p.claimPrefix}-${source}-${i}`,
};

export const positionId = (plan: WorldPlan, index: number) => ids.position(plan, index);
export const positionName = (index: number) => `Position ${index}`;

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
function pickPosition(random: () => number, plan: WorldPlan): number {
  return Math.floor(plan.counts.positions * random() ** 1.6);
}

/** The entities, in several background sources so that each stays within the contract's limits. */
function* entitySources(plan: WorldPlan): Generator<SourcePayload> {
  const random = seededRandom(plan.seed);
  const c = plan.counts;
  const pick = (n: number) => Math.floor(random() * n);
  const entities: EntityInput[] = [];
  for (let i = 0; i < c.places; i++) {
    entities.push({ id: ids.place(plan, i), type: 'Place', name: `Place ${i}`, aliases: [], kind: i < 3 ? 'country' : 'city', ...(i >= 3 ? { within: ids.place(plan, i % 3) } : {}) });
  }
  for (let i = 0; i < c.parties; i++) {
    entities.push({ id: ids.party(plan, i), type: 'Party', name: `Party ${i}`, aliases: [`P${i}`], kind: i % 10 === 9 ? 'organisation' : 'state' });
  }
  for (let i = 0; i < c.officials; i++) {
    entities.push({ id: ids.official(plan, i), type: 'Official', name: `Official ${i}`, aliases: [], role: 'negotiator', party: ids.party(plan, i % c.parties) });
  }
  for (let i = 0; i < c.delegations; i++) {
    const members = [i, i + c.parties].filter((o) => o < c.officials).map((o) => ids.official(plan, o));
    entities.push({ id: ids.delegation(plan, i), type: 'Delegation', name: `Delegation ${i}`, aliases: [], party: ids.party(plan, i), members, ...(members[0] ? { head: members[0] } : {}) });
  }
  for (let i = 0; i < c.positions; i++) {
    entities.push({
      id: ids.position(plan, i),
      type: 'Position',
      name: positionName(i),
      aliases: [],
      description: `Synthetic position ${i} on ${CATEGORIES[i % CATEGORIES.length]}`,
      category: CATEGORIES[i % CATEGORIES.length]!,
    });
  }
  for (let i = 0; i < c.events; i++) {
    entities.push({
      id: ids.event(plan, i),
      type: 'Event',
      name: `Event ${i}`,
      aliases: [],
      kind: EVENT_KINDS[i % EVENT_KINDS.length]!,
      date: isoDay((i / c.events) * WORLD_DAYS),
      datePrecision: 'day',
      place: ids.place(plan, pick(c.places)),
      participants: [ids.party(plan, pick(c.parties)), ids.party(plan, pick(c.parties))].map((id) => ({ id, role: 'participant' })),
      outcomes: random() < 0.3 ? [ids.position(plan, pickPosition(random, plan))] : [],
    });
  }
  for (let i = 0; i < c.documents; i++) {
    entities.push({
      id: ids.document(plan, i),
      type: 'Document',
      name: `Document ${i}`,
      aliases: [],
      kind: 'memorandum',
      date: isoDay((i / c.documents) * WORLD_DAYS),
      datePrecision: 'day',
      author: ids.party(plan, pick(c.parties)),
      setsOut: [ids.position(plan, pickPosition(random, plan))],
    });
  }
  const perSource = 5_000;
  for (let start = 0, part = 0; start < entities.length; start += perSource, part++) {
    yield {
      source: { id: ids.source(plan, 'background', part), title: `Background notes ${part}`, kind: 'background', publishedAt: isoDay(0), language: 'en' },
      entities: entities.slice(start, start + perSource),
      stances: [],
      relations: [],
    };
  }
}

/** One news source with its stances; the same (plan, index) always gives the same payload. */
export function stanceSource(plan: WorldPlan, index: number): SourcePayload {
  const random = seededRandom(plan.seed * 1_000_003 + index);
  const c = plan.counts;
  const pick = (n: number) => Math.floor(random() * n);
  const count = Math.min(plan.stancesPerSource, plan.stances - index * plan.stancesPerSource);
  const publishedAt = sourceDate(plan, index);
  const sourceId = ids.source(plan, 'article', index);
  const stances: SourcePayload['stances'] = [];
  for (let i = 0; i < count; i++) {
    const byParty = random() < 0.3;
    const party = pick(c.parties);
    const target = random() < 0.9 ? ids.position(plan, pickPosition(random, plan)) : ids.event(plan, pick(c.events));
    const conditional = random() < 0.1;
    const secondHand = random() < 0.3;
    stances.push({
      id: ids.stance(plan, index, i),
      actor: byParty ? ids.party(plan, party) : ids.official(plan, pick(c.officials)),
      type: STANCE_TYPE_NAMES[pick(STANCE_TYPE_NAMES.length)]!,
      target,
      date: publishedAt,
      datePrecision: 'day',
      confidence: 0.9,
      ...(conditional ? { condition: 'only once the other side moves first', conditionPosition: ids.position(plan, pickPosition(random, plan)) } : {}),
      ...(random() < 0.2 ? { event: ids.event(plan, pick(c.events)) } : {}),
      ...(byParty && random() < 0.3 && party < c.officials ? { voicedBy: ids.official(plan, party) } : {}),
      evidence: [
        secondHand
          ? { summary: `Reported stance ${i} of source ${index}`, reporting: 'second-hand', via: 'a briefing' }
          : { quote: `Quoted words ${i} from source ${index}: we will not accept this without guarantees.`, reporting: 'first-hand' },
      ],
    });
  }
  const relations: SourcePayload['relations'] = [];
  for (let i = 0; i < Math.ceil(count / 50); i++) {
    const from = pickPosition(random, plan);
    const to = pick(c.positions);
    if (from !== to) relations.push({ type: POSITION_RELATION_NAMES[pick(POSITION_RELATION_NAMES.length)]!, from: ids.position(plan, from), to: ids.position(plan, to) });
  }
  return {
    source: { id: sourceId, title: `Talks report ${index}`, kind: 'news-article', publishedAt, publisher: 'Synthetic Wire', language: 'en' },
    entities: [],
    stances,
    relations,
  };
}

/** Every payload of a world, entities first, then the news sources in date order. */
export function* worldSources(plan: WorldPlan): Generator<SourcePayload> {
  yield* entitySources(plan);
  for (let i = 0; i < sourceCount(plan); i++) yield stanceSource(plan, i);
}
