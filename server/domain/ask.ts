/**
 * Plain-English questions, answered deterministically: the names and aliases in the question
 * resolve to nodes (longest match first, then the full-text index for what is left), stance
 * verbs and their synonyms give the intent, and the pair maps onto a named question whose rows
 * become one readable sentence. Nothing here knows any particular question or entity.
 */
import type { Database, Row } from '../db/database.ts';
import { type NameRow, readNames } from '../data/questions.ts';
import { searchEntityNames } from '../data/search.ts';
import { UnprocessableError } from '../errors.ts';
import { STANCE_TYPES, type StanceFamily, type StanceType } from '../contract/model.ts';
import { findQuestion, runQuestion } from './questions.ts';
import { fold, luceneQuery } from './search.ts';

// ---------------------------------------------------------------- vocabulary

interface StanceIntent {
  family?: StanceFamily;
  types?: StanceType[];
}

/** Stance verbs and their synonyms, in folded form. Longer phrases win over shorter ones. */
const STANCE_VERBS: [string[], StanceIntent][] = [
  [
    ['rejected', 'reject', 'rejects', 'rejecting', 'refused', 'refuse', 'refuses', 'turned down', 'turn down', 'turns down', 'said no to', 'say no to',
      'says no to', 'dismissed', 'dismiss', 'dismisses', 'opposed', 'oppose', 'opposes', 'against', 'ruled out', 'rule out', 'rebuffed'],
    { family: 'rejection' },
  ],
  [
    ['backed', 'back', 'backs', 'supported', 'support', 'supports', 'endorsed', 'endorse', 'endorses', 'welcomed', 'welcome', 'welcomes', 'favour',
      'favor', 'favoured', 'favored', 'in favour of', 'in favor of', 'in favour', 'in favor'],
    { family: 'support' },
  ],
  [['demanded', 'demand', 'demands', 'insisted on', 'insist on', 'insists on', 'insisted', 'insist', 'insists', 'required', 'require', 'requires'], { types: ['demanded'] }],
  [
    ['proposed', 'propose', 'proposes', 'suggested', 'suggest', 'suggests', 'pressed for', 'press for', 'presses for', 'called for', 'call for',
      'calls for', 'pushed for', 'push for', 'pushes for', 'put forward', 'puts forward', 'urged', 'urge'],
    { family: 'proposal' },
  ],
  [['offered', 'offer', 'offers'], { types: ['offered'] }],
  [['accused', 'accuse', 'accuses', 'blamed', 'blame', 'blames'], { types: ['accused'] }],
  [['claimed', 'claim', 'claims'], { types: ['claimed'] }],
  [['praised', 'praise', 'praises'], { types: ['praised'] }],
  [['open to'], { types: ['open_to'] }],
  [['held off', 'hold off', 'holds off', 'held back'], { types: ['held_off'] }],
  [['agreed to', 'agree to', 'agrees to', 'agreed', 'agree', 'agrees'], { types: ['agreed'] }],
];

type Topic = 'commonGround' | 'disagree' | 'contested' | 'quotes' | 'timeline' | 'precondition' | 'path' | 'standing';

const TOPICS: [string[], Topic][] = [
  [['agree on', 'agree about', 'agreed on', 'agree upon', 'common ground', 'in common', 'both support', 'both back', 'both want', 'share', 'shared', 'overlap', 'see eye to eye'], 'commonGround'],
  [['disagree', 'disagree on', 'disagreed', 'differ', 'differ on', 'differences', 'diverge', 'at odds', 'split on'], 'disagree'],
  [['contested', 'disputed', 'controversial', 'divisive', 'divided', 'for and against', 'both supported and rejected'], 'contested'],
  [['quote', 'quotes', 'quoted', 'said', 'say', 'says', 'words', 'told', 'statements', 'remarks', 'exact words'], 'quotes'],
  [['timeline', 'when', 'history', 'chronology', 'over time', 'evolve', 'evolved', 'sequence of events', 'unfold', 'unfolded'], 'timeline'],
  [['precondition', 'preconditions', 'condition', 'conditions', 'prerequisite', 'prerequisites', 'depend on', 'depends on', 'depend', 'depends', 'conditional', 'what must happen first', 'happen first', 'first'], 'precondition'],
  [['path', 'paths', 'connected', 'connection', 'connections', 'connect', 'linked', 'link', 'links', 'related', 'relate', 'relationship between'], 'path'],
  [['stand', 'stands', 'stance', 'stances', 'position on', 'positions', 'position', 'view', 'views', 'think', 'feel', 'attitude'], 'standing'],
];

const STOPWORDS = new Set(
  (
    'a an the of on in at to and or but is are was were be been do does did done has have had who whom whose what which where why how ' +
    'that this these those it its their there they them he she his her him we us our you your i me my any anything anyone anybody ' +
    'someone something all both each every about over with from by as into than then so please tell show list give find me between ' +
    'ever most more much many can could would should will shall may might must not no yes idea ideas plan plans proposal proposals ' +
    'parties party side sides actor actors country countries official officials who s'
  ).split(' '),
);

const TYPE_PRIORITY = ['Party', 'Official', 'Delegation', 'Position', 'Event', 'Document', 'Place'];
const ACTORS = new Set(['Party', 'Official', 'Delegation']);
const TARGETS = new Set(['Position', 'Event']);

// ---------------------------------------------------------------- reading the question

interface Token {
  raw: string;
  folded: string;
}

function tokenize(text: string): Token[] {
  return text
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((raw) => ({ raw, folded: fold(raw) }));
}

interface Mention {
  start: number;
  end: number;
  entity: NameRow;
}

interface NameIndex {
  byPhrase: Map<string, NameRow[]>;
  maxWords: number;
  /** Short aliases (US, EU) only count when written in capitals, so "us" the pronoun is not the United States. */
  caseSensitive: Set<string>;
}

function buildNameIndex(names: NameRow[]): NameIndex {
  const byPhrase = new Map<string, NameRow[]>();
  const caseSensitive = new Set<string>();
  let maxWords = 1;
  for (const entity of names) {
    for (const name of entity.names) {
      const tokens = tokenize(name);
      if (tokens.length === 0) continue;
      const phrase = tokens.map((t) => t.folded).join(' ');
      if (tokens.length === 1 && STOPWORDS.has(phrase)) caseSensitive.add(phrase);
      const list = byPhrase.get(phrase) ?? [];
      if (!list.some((e) => e.id === entity.id)) list.push(entity);
      byPhrase.set(phrase, list);
      maxWords = Math.max(maxWords, tokens.length);
    }
  }
  for (const list of byPhrase.values()) list.sort((a, b) => TYPE_PRIORITY.indexOf(a.type) - TYPE_PRIORITY.indexOf(b.type));
  return { byPhrase, maxWords, caseSensitive };
}

/**
 * How long this process keeps the names it read. Every question needs all of them, and reading
 * them took about 300 ms at 3,650 entities on the 2-core bench machine, most of an answer's time.
 * An ingestion in this process forgets them at once; one through another instance of a
 * scaled-out deployment is seen within this time.
 */
const NAMES_KEPT_MS = 10_000;

interface KnownNames {
  names: NameRow[];
  index: NameIndex;
}

const knownNamesByDatabase = new WeakMap<Database, { readAt: number; known: Promise<KnownNames> }>();

/** The graph's names and their index, shared by concurrent questions: one read per NAMES_KEPT_MS at most. */
function knownNames(db: Database): Promise<KnownNames> {
  const kept = knownNamesByDatabase.get(db);
  if (kept && Date.now() - kept.readAt < NAMES_KEPT_MS) return kept.known;
  const known = readNames(db).then((names) => ({ names, index: buildNameIndex(names) }));
  const entry = { readAt: Date.now(), known };
  knownNamesByDatabase.set(db, entry);
  // A failed read is not kept: the next question tries again.
  known.catch(() => {
    if (knownNamesByDatabase.get(db) === entry) knownNamesByDatabase.delete(db);
  });
  return known;
}

/** Called when this process has changed the graph: the next question reads the names afresh. */
export function forgetNames(db: Database): void {
  knownNamesByDatabase.delete(db);
}

/** Longest-first, non-overlapping matches of names and aliases in the question. */
function findMentions(tokens: Token[], index: NameIndex): Mention[] {
  const mentions: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    let matched = false;
    for (let n = Math.min(index.maxWords, tokens.length - i); n >= 1; n--) {
      const slice = tokens.slice(i, i + n);
      const phrase = slice.map((t) => t.folded).join(' ');
      const found = index.byPhrase.get(phrase);
      if (!found) continue;
      if (n === 1 && index.caseSensitive.has(phrase) && slice[0]!.raw !== slice[0]!.raw.toUpperCase()) continue;
      if (n === 1 && STOPWORDS.has(phrase) && !index.caseSensitive.has(phrase)) continue;
      mentions.push({ start: i, end: i + n, entity: found[0]! });
      i += n;
      matched = true;
      break;
    }
    if (!matched) i++;
  }
  return mentions;
}

/** Phrases of a vocabulary found in the words outside the mentions, longest first. */
function findPhrases<T>(words: string[], vocabulary: [string[], T][]): { value: T; start: number; end: number }[] {
  const entries = vocabulary.flatMap(([phrases, value]) => phrases.map((p) => ({ words: p.split(' '), value }))).sort((a, b) => b.words.length - a.words.length);
  const used = new Array<boolean>(words.length).fill(false);
  const found: { value: T; start: number; end: number }[] = [];
  for (const entry of entries) {
    for (let i = 0; i + entry.words.length <= words.length; i++) {
      if (entry.words.every((w, k) => words[i + k] === w && !used[i + k])) {
        for (let k = 0; k < entry.words.length; k++) used[i + k] = true;
        found.push({ value: entry.value, start: i, end: i + entry.words.length });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export interface Interpretation {
  questionId: string;
  params: Record<string, unknown>;
}

interface Reading {
  actors: NameRow[];
  targets: NameRow[];
  others: NameRow[];
  verb: StanceIntent | null;
  verbWord: string | null;
  topics: Set<Topic>;
}

async function readQuestion(db: Database, question: string): Promise<Reading> {
  const tokens = tokenize(question);
  const { names, index } = await knownNames(db);
  const mentions = findMentions(tokens, index);
  const inMention = new Set(mentions.flatMap((m) => Array.from({ length: m.end - m.start }, (_, k) => m.start + k)));
  // Words outside mentions; mention slots become a placeholder so phrases do not span them.
  const free = tokens.map((t, i) => (inMention.has(i) ? '\u0000' : t.folded));
  // Stance verbs and topics compete in one pass, longest phrase first ("said no to" beats "said").
  type Cue = { verb: StanceIntent } | { topic: Topic };
  const vocabulary: [string[], Cue][] = [
    ...STANCE_VERBS.map(([phrases, verb]): [string[], Cue] => [phrases, { verb }]),
    ...TOPICS.map(([phrases, topic]): [string[], Cue] => [phrases, { topic }]),
  ];
  const hits = findPhrases(free, vocabulary);
  const cueSlots = new Set(hits.flatMap((h) => Array.from({ length: h.end - h.start }, (_, k) => h.start + k)));
  const verbHit = hits.find((h) => 'verb' in h.value);

  const unique = (rows: NameRow[]) => rows.filter((r, i) => rows.findIndex((x) => x.id === r.id) === i);
  const entities = unique(mentions.map((m) => m.entity));
  const reading: Reading = {
    actors: entities.filter((e) => ACTORS.has(e.type)),
    targets: entities.filter((e) => TARGETS.has(e.type)),
    others: entities.filter((e) => !ACTORS.has(e.type) && !TARGETS.has(e.type)),
    verb: verbHit && 'verb' in verbHit.value ? verbHit.value.verb : null,
    verbWord: verbHit ? free.slice(verbHit.start, verbHit.end).join(' ') : null,
    topics: new Set(hits.flatMap((h) => ('topic' in h.value ? [h.value.topic] : []))),
  };

  // Words that are neither names, intent nor filler may name a position the aliases do not
  // spell out ("the ceasefire", "a summit", a typo): ask the full-text index.
  const leftover = free.filter((w, i) => w !== '\u0000' && !cueSlots.has(i) && !STOPWORDS.has(w) && w.length > 2);
  if (reading.targets.length === 0 && leftover.length > 0) {
    const target = await searchTarget(db, leftover);
    if (target) reading.targets.push(names.find((n) => n.id === target) ?? { id: target, label: target, type: 'Position', names: [], party: null });
  }
  return reading;
}

async function searchTarget(db: Database, words: string[]): Promise<string | null> {
  const attempts = [words.join(' '), ...words];
  for (const attempt of attempts) {
    const lucene = luceneQuery(attempt);
    if (!lucene) continue;
    const [best] = await searchEntityNames(db, lucene, ['Position', 'Event'], 1);
    if (best) return best.id;
  }
  return null;
}

function interpret(r: Reading): Interpretation | null {
  const parties = [...new Set(r.actors.map((a) => a.party ?? a.id))];
  const everything = [...r.actors, ...r.targets, ...r.others];
  const agreeWord = r.verb?.types?.includes('agreed') ?? false;

  if (r.topics.has('path') && everything.length >= 2) {
    return { questionId: 'shortest-path', params: { from: everything[0]!.id, to: everything[1]!.id } };
  }
  if (parties.length >= 2 && (r.topics.has('disagree') || (r.topics.has('contested') && r.targets.length === 0))) {
    return { questionId: 'agree-disagree', params: { a: parties[0], b: parties[1] } };
  }
  if (parties.length >= 2 && r.targets.length === 0 && (r.topics.has('commonGround') || agreeWord || r.verb?.family === 'support')) {
    return { questionId: 'common-ground', params: { parties } };
  }
  const target = r.targets[0];
  if (r.topics.has('precondition') && target?.type === 'Position') {
    return { questionId: 'precondition-chain', params: { position: target.id } };
  }
  if (r.topics.has('timeline') && target) {
    return { questionId: 'position-timeline', params: { position: target.id } };
  }
  if (r.topics.has('contested')) return { questionId: 'contested-positions', params: {} };
  if (r.topics.has('quotes') && r.actors.length > 0 && !r.verb) {
    return { questionId: 'quotes', params: { actor: r.actors[0]!.id, ...(target ? { target: target.id } : {}) } };
  }
  if (r.verb) {
    const params: Record<string, unknown> = {};
    if (r.actors.length === 1) params.actor = r.actors[0]!.id;
    if (target) params.target = target.id;
    if (r.verb.family) params.family = r.verb.family;
    if (r.verb.types) params.types = r.verb.types;
    return { questionId: 'stances', params };
  }
  if (target) return { questionId: 'who-stands-where', params: { position: target.id } };
  if (r.actors.length > 0) {
    if (r.topics.has('quotes')) return { questionId: 'quotes', params: { actor: r.actors[0]!.id } };
    return { questionId: 'actor-stances', params: { actor: r.actors[0]!.id } };
  }
  return null;
}

// ---------------------------------------------------------------- answering

export async function askQuestion(db: Database, question: string, maxRows: number) {
  const reading = await readQuestion(db, question);
  const interpretation = interpret(reading);
  if (!interpretation) {
    throw new UnprocessableError('cannot_interpret', 'Could not tell what this question asks. Name a party, official or position and a stance verb.', {
      suggestions: await suggestions(db),
    });
  }
  const named = findQuestion(interpretation.questionId);
  const result = await runQuestion(db, interpretation.questionId, interpretation.params, maxRows);
  return {
    question,
    interpretation,
    cypher: named.cypher,
    columns: result.columns,
    rows: result.rows,
    answer: sentence(interpretation, reading, result.rows),
    evidence: result.evidence,
  };
}

/** Questions that work on the current graph, built from its own names. */
async function suggestions(db: Database): Promise<string[]> {
  const { names } = await knownNames(db);
  const party = names.filter((n) => n.type === 'Party');
  const position = names.find((n) => n.type === 'Position');
  const out: string[] = [];
  if (position) out.push(`Who rejected the ${position.label}?`, `Who stands where on the ${position.label}?`);
  if (party[0]) out.push(`What did ${party[0].label} demand?`);
  if (party[0] && party[1]) out.push(`What do ${party[0].label} and ${party[1].label} agree on?`);
  out.push('Which positions are contested?');
  return out;
}

function list(items: string[]): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}

function verbOf(type: unknown): string {
  return STANCE_TYPES[type as StanceType]?.verb ?? String(type);
}

function who(row: Row): string {
  return row.party && row.party !== row.actor ? `${row.actor} (${row.party})` : String(row.actor);
}

function stanceSentence(rows: Row[], reading: Reading): string {
  if (rows.length === 0) {
    const what = reading.verbWord ? `${reading.verbWord} ` : 'took a stance on ';
    const subject = reading.actors[0]?.label ?? 'anyone';
    const object = reading.targets[0]?.label ?? 'anything';
    return `The graph records no stance where ${subject} ${what}${object}.`;
  }
  const targets = new Set(rows.map((r) => r.targetId));
  const actors = new Set(rows.map((r) => r.actorId));
  const withCondition = (r: Row) => (r.condition ? ` (${r.condition})` : '');
  if (targets.size === 1) {
    const target = rows[0]!.target;
    const clauses = rows.map((r) => `${who(r)} ${verbOf(r.stance)}${r.condition ? ` it ${r.condition}` : ''}`);
    const onTarget = rows.every((r) => !r.condition) ? `${list(rows.map((r) => `${who(r)} ${verbOf(r.stance)}`))} ${target}` : `On ${target}: ${list(clauses)}`;
    return `${onTarget}.`;
  }
  if (actors.size === 1) {
    return `${who(rows[0]!)} ${list(rows.map((r) => `${verbOf(r.stance)} ${r.target}${withCondition(r)}`))}.`;
  }
  return `${list(rows.map((r) => `${who(r)} ${verbOf(r.stance)} ${r.target}${withCondition(r)}`))}.`;
}

function sentence(interpretation: Interpretation, reading: Reading, rows: Row[]): string {
  const labelOf = (id: unknown) => [...reading.actors, ...reading.targets, ...reading.others].find((e) => e.id === id)?.label ?? String(id);
  switch (interpretation.questionId) {
    case 'stances':
    case 'who-stands-where':
    case 'actor-stances':
      return stanceSentence(rows, reading);
    case 'common-ground': {
      const parties = list((interpretation.params.parties as string[]).map(labelOf));
      return rows.length === 0
        ? `The graph shows no position that ${parties} all support.`
        : `${parties} ${(interpretation.params.parties as string[]).length === 2 ? 'both' : 'all'} support ${list(rows.map((r) => String(r.position)))}.`;
    }
    case 'agree-disagree': {
      const a = labelOf(interpretation.params.a);
      const b = labelOf(interpretation.params.b);
      const agree = rows.filter((r) => r.relation === 'agree').map((r) => String(r.position));
      const disagree = rows.filter((r) => r.relation === 'disagree').map((r) => String(r.position));
      if (agree.length === 0 && disagree.length === 0) return `The graph shows no position on which both ${a} and ${b} took a clear stance.`;
      const parts = [];
      if (agree.length) parts.push(`agree on ${list(agree)}`);
      if (disagree.length) parts.push(`disagree on ${list(disagree)}`);
      return `${a} and ${b} ${parts.join(' but ')}.`;
    }
    case 'contested-positions':
      return rows.length === 0
        ? 'No position is both supported and rejected in the graph.'
        : `${list(rows.map((r) => `${r.position} (for: ${list(r.inFavour as string[])}; against: ${list(r.against as string[])})`))} ${rows.length === 1 ? 'is' : 'are'} contested.`;
    case 'precondition-chain': {
      if (rows.length === 0) return `The graph records no precondition for ${labelOf(interpretation.params.position)}.`;
      return `${list(rows.map((r) => `${r.position} ${r.relation === 'HAS_PRECONDITION' ? 'has the precondition' : 'can only happen after'} ${r.requires}`))}.`;
    }
    case 'position-timeline': {
      const target = labelOf(interpretation.params.position);
      if (rows.length === 0) return `The graph has no dated stance on ${target}.`;
      return `On ${target}: ${list(rows.map((r) => (r.kind === 'stance' ? `on ${r.date} ${r.actor} ${verbOf(r.what)} it` : `on ${r.date} ${r.what}`)))}.`;
    }
    case 'quotes': {
      const actor = labelOf(interpretation.params.actor);
      if (rows.length === 0) return `The graph holds no verbatim quote by ${actor}.`;
      return `${actor} said ${list(rows.map((r) => `“${r.quote}” (${r.date}, ${verbOf(r.stance)} ${r.target})`))}.`;
    }
    case 'shortest-path': {
      const from = labelOf(interpretation.params.from);
      const to = labelOf(interpretation.params.to);
      const first = rows[0];
      if (!first) return `The graph shows no connection between ${from} and ${to}.`;
      return `${from} and ${to} are ${first.length} steps apart: ${(first.steps as string[]).join(' → ')}.`;
    }
    default:
      return `${rows.length} rows.`;
  }
}
