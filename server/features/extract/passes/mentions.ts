/**
 * Mentions: the words that name actors. Three sources, in order of trust:
 *  1. names and aliases the graph knows (and the gazetteer of states), longest first;
 *  2. the parser's named entities (PERSON, ORG, GPE, NORP): a new person is proposed as an
 *     official with the title before or beside the name, and the party the title names; a new
 *     organisation or state is proposed as a party;
 *  3. group nouns that belong to a party: "Azerbaijan's Foreign Ministry", "the Armenian side".
 */
import type { ParsedDoc, Token } from '../../../nlp/parsedDoc.ts';
import { isTitleWord, type KnownName } from '../../../language/names.ts';
import { STATES } from '../../../language/gazetteer.ts';
import { fold } from '../../../language/fold.ts';
import { slugId } from '../targets.ts';
import type { ActorEntry, ActorType, Mention } from './types.ts';

const ACTOR_TYPES = new Set<string>(['Party', 'Official', 'Delegation']);
/** Nouns for a party's people or bodies. */
const GROUP_NOUNS = new Set([
  'government', 'ministry', 'delegation', 'side', 'army', 'military', 'forces', 'officials', 'leadership', 'presidency',
  'cabinet', 'negotiators', 'team', 'authorities', 'parliament', 'office', 'administration', 'council', 'mission', 'embassy',
]);
/** Organisations that report, not negotiate. */
const MEDIA = /^(reuters|afp|ap|cnn|bbc|tass|xinhua|anadolu|irna|trend|x|truth social|facebook|telegram|whatsapp|linkedin|instagram|youtube|getty images|epa|photo|al jazeera|al arabiya)$/i;

export class Catalogue {
  readonly byId = new Map<string, ActorEntry>();
  private readonly byName = new Map<string, ActorEntry[]>();
  private readonly byDemonym = new Map<string, ActorEntry>();
  maxWords = 1;

  constructor(known: KnownName[]) {
    const ids = new Set(known.map((k) => k.id));
    for (const k of known) if (ACTOR_TYPES.has(k.type)) this.add({ ...(k as KnownName & Partial<ActorEntry>), type: k.type as ActorType, proposed: false });
    for (const s of STATES) if (!ids.has(s.id)) this.add({ ...s, type: 'Party', kind: s.kind as ActorEntry['kind'], proposed: true });
  }

  add(entry: ActorEntry): ActorEntry {
    const existing = this.byId.get(entry.id);
    if (existing) return existing;
    this.byId.set(entry.id, entry);
    for (const name of [entry.name, ...entry.aliases]) this.addName(name, entry);
    for (const d of entry.demonyms ?? []) if (!this.byDemonym.has(key(d))) this.byDemonym.set(key(d), entry);
    return entry;
  }

  addName(name: string, entry: ActorEntry): void {
    const k = key(name);
    if (!k) return;
    const list = this.byName.get(k) ?? [];
    if (!list.includes(entry)) list.push(entry);
    this.byName.set(k, list);
    this.maxWords = Math.max(this.maxWords, k.split(' ').length);
  }

  lookup(name: string): ActorEntry | undefined {
    return this.byName.get(key(name))?.[0];
  }

  demonym(word: string): ActorEntry | undefined {
    return this.byDemonym.get(key(word));
  }
}

/** Names compared folded: case, accents, a possessive and a leading "the" do not count. */
export function key(name: string): string {
  return fold(name)
    .toLowerCase()
    .replace(/['’]s?$/u, '')
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

export function findMentions(doc: ParsedDoc, catalogue: Catalogue): Mention[] {
  const mentions: Mention[] = [];
  const covered = new Set<number>();
  const take = (m: Mention) => {
    for (let i = m.tokStart; i < m.tokEnd; i += 1) covered.add(i);
    mentions.push(m);
  };
  knownNames(doc, catalogue, covered, take);
  namedEntities(doc, catalogue, covered, take);
  titledNames(doc, catalogue, covered, take);
  groupNouns(doc, catalogue, mentions, take);
  return mentions.sort((a, b) => a.start - b.start);
}

function knownNames(doc: ParsedDoc, catalogue: Catalogue, covered: Set<number>, take: (m: Mention) => void): void {
  const tokens = doc.tokens;
  for (let i = 0; i < tokens.length; i += 1) {
    if (covered.has(i) || !/[\p{L}]/u.test(tokens[i]!.text)) continue;
    for (let n = Math.min(catalogue.maxWords + 1, tokens.length - i); n >= 1; n -= 1) {
      const span = tokens.slice(i, i + n);
      if (span.some((t) => t.pos === 'SPACE' || covered.has(t.i))) continue;
      const words = doc.text.slice(span[0]!.start, span[n - 1]!.end);
      const entry = catalogue.lookup(words);
      if (!entry) continue;
      // Short capital aliases ("US", "AU") must keep their case; the pronoun "us" is no state.
      if (words.length <= 3 && words !== words.toUpperCase()) continue;
      if (entry.name !== words && /^[a-z]/.test(words)) continue;
      take(mention(doc, i, i + n, entry.id, words === entry.name ? 'name' : 'alias', 1));
      i += n - 1;
      break;
    }
  }
}

function namedEntities(doc: ParsedDoc, catalogue: Catalogue, covered: Set<number>, take: (m: Mention) => void): void {
  // Full names first, so that a surname met before the full name ("Sharif's remark …") is the same person.
  const fullNames = doc.entities.filter((e) => e.label === 'PERSON' && e.end - e.start > 1);
  for (const ent of [...fullNames, ...doc.entities.filter((e) => !fullNames.includes(e))]) {
    let end = ent.end;
    // A possessive ending ("Pashinyan’s") is not part of the name.
    while (end > ent.start && /^['’]s?$/.test(doc.tokens[end - 1]!.text)) end -= 1;
    const tokens = doc.tokens.slice(ent.start, end).filter((t) => t.pos !== 'SPACE');
    if (tokens.length === 0 || tokens.some((t) => covered.has(t.i))) continue;
    if (tokens.some((t) => t.text.includes('\n'))) continue;
    // Honorifics are not part of a name ("Sheikh Naim Qassem", "Ayatollah Ali Khamenei").
    while (tokens.length > 1 && ent.label === 'PERSON' && /^(sheikh|ayatollah|dr\.?|mr\.?|mrs\.?|ms\.?|sayyid|sayed|seyed|seyyed|gen\.?|general|h\.?e\.?)$/i.test(tokens[0]!.text)) tokens.shift();
    const words = doc.text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end).replace(/['’]s$/u, '');
    if (!/^\p{Lu}/u.test(words) || MEDIA.test(words) || words.length < 2) continue;
    const known = catalogue.lookup(words);
    if (known) {
      take(mention(doc, tokens[0]!.i, tokens[tokens.length - 1]!.i + 1, known.id, 'name', 0.9));
      continue;
    }
    let entry: ActorEntry | undefined;
    if (ent.label === 'PERSON') entry = proposePerson(doc, catalogue, tokens, words);
    else if (ent.label === 'ORG') entry = proposeOrganisation(doc, catalogue, tokens, words);
    else if (ent.label === 'GPE' && tokens.length <= 4) {
      entry = catalogue.add({ id: slugId('party', words), type: 'Party', name: words, aliases: [], kind: 'state', proposed: true });
    } else if (ent.label === 'NORP') {
      entry = catalogue.demonym(words);
      // A demonym stands for its state only as the speaker of a title ("the Armenian side" is read as a group).
      if (entry && !isGroupModifier(doc, tokens[tokens.length - 1]!)) entry = undefined;
    }
    if (entry) take(mention(doc, tokens[0]!.i, tokens[tokens.length - 1]!.i + 1, entry.id, 'ner', entry.proposed ? 0.7 : 0.9));
  }
}

/**
 * "Defence Minister Rustem Umerov" where the parser's entities missed the person: two or three
 * capitalised proper nouns right after a title word are a name.
 */
function titledNames(doc: ParsedDoc, catalogue: Catalogue, covered: Set<number>, take: (m: Mention) => void): void {
  const tokens = doc.tokens;
  for (let i = 0; i < tokens.length - 2; i += 1) {
    if (!isTitleWord(tokens[i]!.text) || !/^\p{Lu}/u.test(tokens[i]!.text)) continue;
    let end = i + 1;
    while (end < tokens.length && end - i <= 3 && isNamePart(tokens[end]!) && !covered.has(end)) end += 1;
    const name = tokens.slice(i + 1, end);
    if (name.length < 2 || (end < tokens.length && isNamePart(tokens[end]!))) continue;
    const words = doc.text.slice(name[0]!.start, name[name.length - 1]!.end);
    const entry = catalogue.lookup(words) ?? proposePerson(doc, catalogue, name, words);
    if (!entry) continue;
    take(mention(doc, name[0]!.i, end, entry.id, 'title', 0.7));
    i = end - 1;
  }
}

function isNamePart(t: Token): boolean {
  return t.pos === 'PROPN' && /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(t.text) && !isTitleWord(t.text) && t.entType !== 'GPE' && t.entType !== 'NORP' && t.entType !== 'DATE';
}

function isGroupModifier(doc: ParsedDoc, token: Token): boolean {
  const head = doc.token(token.head);
  return token.dep === 'amod' && GROUP_NOUNS.has(head.lemma.toLowerCase());
}

/** A person new to the graph: an official, with the title and party the text gives. */
function proposePerson(doc: ParsedDoc, catalogue: Catalogue, tokens: Token[], words: string): ActorEntry | undefined {
  if (tokens.length === 1) {
    // A surname alone names the person already met with it.
    const last = [...catalogue.byId.values()].reverse().find((e) => e.type === 'Official' && e.name.split(/\s+/).pop() === words);
    if (last) return last;
  }
  const state = catalogue.lookup(words);
  if (state) return state;
  const { title, party } = titleOf(doc, catalogue, tokens);
  const surname = words.split(/\s+/).pop()!;
  const entry = catalogue.add({
    id: slugId('official', words),
    type: 'Official',
    name: words,
    aliases: surname !== words ? [surname] : [],
    role: title ? title : 'named in the report',
    ...(title ? { title } : {}),
    ...(party ? { party: party.id } : {}),
    proposed: true,
  });
  if (surname !== words) catalogue.addName(surname, entry);
  return entry;
}

/** The title words before a name ("Armenian Foreign Minister"), or in an apposition ("…, Iran's foreign minister"). */
function titleOf(doc: ParsedDoc, catalogue: Catalogue, tokens: Token[]): { title?: string; party?: ActorEntry } {
  let first = tokens[0]!.i;
  let party: ActorEntry | undefined;
  for (let i = first - 1; i >= 0 && first - i <= 6; i -= 1) {
    const t = doc.token(i);
    if (t.pos === 'SPACE' || t.pos === 'PUNCT') break;
    const state = catalogue.demonym(t.text) ?? (t.entType === 'GPE' || t.pos === 'PROPN' ? catalogue.lookup(t.text) : undefined);
    if (isTitleWord(t.text) || state || /^['’]s$/.test(t.text)) {
      if (state?.type === 'Party' && !party) party = state;
      first = i;
    } else break;
  }
  while (first < tokens[0]!.i && ['of', 'the', "'s", '’s'].includes(doc.token(first).text.toLowerCase())) first += 1;
  let title = first < tokens[0]!.i ? doc.text.slice(doc.token(first).start, doc.token(tokens[0]!.i - 1).end) : undefined;
  const root = tokens[tokens.length - 1]!;
  for (const child of doc.children(root.i)) {
    if (doc.token(child).dep !== 'appos') continue;
    const sub = subtree(doc, child);
    const words = sub.map((i) => doc.token(i));
    for (const w of words) {
      const state = catalogue.demonym(w.text) ?? (w.pos === 'PROPN' ? catalogue.lookup(w.text) : undefined);
      if (state?.type === 'Party' && !party) party = state;
    }
    if (!title && words.some((w) => isTitleWord(w.text))) title = doc.text.slice(words[0]!.start, words[words.length - 1]!.end);
  }
  if (title) title = title.replace(/^(?:the|a|an)\s+/i, '').trim();
  return { ...(title ? { title } : {}), ...(party ? { party } : {}) };
}

function proposeOrganisation(doc: ParsedDoc, catalogue: Catalogue, tokens: Token[], words: string): ActorEntry | undefined {
  // "Azerbaijan's Foreign Ministry", "the Russian Ministry of Foreign Affairs": a body of the state.
  for (const t of tokens) {
    const state = catalogue.demonym(t.text) ?? catalogue.lookup(t.text);
    if (state?.type === 'Party' && tokens.some((w) => GROUP_NOUNS.has(w.lemma.toLowerCase()) || /^(ministry|foreign|defence|defense)$/i.test(w.text))) return state;
  }
  // A person the text met before, tagged as an organisation.
  const person = [...catalogue.byId.values()].find((e) => e.type === 'Official' && e.aliases.includes(words));
  if (person) return person;
  if (tokens.length > 6 || /^(the )?(ministry|office|council|committee|department|agency)\b/i.test(words)) return undefined;
  // A title read as an organisation ("Supreme Leader", "Prime Minister").
  if (tokens.every((t) => isTitleWord(t.text) || /^(supreme|grand|high)$/i.test(t.text))) return undefined;
  const entry = catalogue.add({ id: slugId('party', words), type: 'Party', name: words, aliases: [], kind: 'organisation', proposed: true });
  // "Rapid Support Forces (RSF)": the short name in brackets is an alias.
  const after = doc.tokens[tokens[tokens.length - 1]!.i + 1];
  const short = doc.tokens[tokens[tokens.length - 1]!.i + 2];
  if (after?.text === '(' && short && /^\p{Lu}[\p{Lu}\d/-]+$/u.test(short.text) && doc.tokens[short.i + 1]?.text === ')') {
    entry.aliases.push(short.text);
    catalogue.addName(short.text, entry);
  }
  return entry;
}

/** "Azerbaijan's Foreign Ministry", "the Armenian side", "Ukraine's delegation": the party's own words. */
function groupNouns(doc: ParsedDoc, catalogue: Catalogue, mentions: Mention[], take: (m: Mention) => void): void {
  for (const t of doc.tokens) {
    if (t.pos !== 'NOUN' && t.pos !== 'PROPN') continue;
    if (!GROUP_NOUNS.has(t.lemma.toLowerCase()) && !GROUP_NOUNS.has(t.text.toLowerCase())) continue;
    if (mentions.some((m) => t.i >= m.tokStart && t.i < m.tokEnd)) continue;
    const owner = doc.children(t.i).map((c) => doc.token(c)).find((c) => ['poss', 'amod', 'compound', 'nmod'].includes(c.dep));
    if (!owner) continue;
    const ownerMention = mentions.find((m) => owner.i >= m.tokStart && owner.i < m.tokEnd);
    const entry = ownerMention ? catalogue.byId.get(ownerMention.entity) : catalogue.demonym(owner.text);
    if (!entry || entry.type !== 'Party') continue;
    const first = Math.min(owner.i, ...doc.children(t.i).filter((c) => c < t.i && doc.token(c).dep !== 'det').concat(t.i));
    take(mention(doc, first, t.i + 1, entry.id, 'title', 0.8));
  }
}

function mention(doc: ParsedDoc, tokStart: number, tokEnd: number, entity: string, cue: string, confidence: number): Mention {
  let head = tokEnd - 1;
  for (let i = tokStart; i < tokEnd; i += 1) {
    const h = doc.token(i).head;
    if (h < tokStart || h >= tokEnd || h === i) head = i;
  }
  return { start: doc.token(tokStart).start, end: doc.token(tokEnd - 1).end, tokStart, tokEnd, head, entity, cue, confidence };
}

export function subtree(doc: ParsedDoc, root: number): number[] {
  const out = [root];
  for (let k = 0; k < out.length; k += 1) out.push(...doc.children(out[k]!));
  return out.sort((a, b) => a - b);
}

/** The mention a token belongs to. */
export function mentionAt(mentions: readonly Mention[], token: number): Mention | undefined {
  return mentions.find((m) => token >= m.tokStart && token < m.tokEnd);
}
