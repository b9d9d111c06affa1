/**
 * Finds known names in text: entity names and aliases, folded for case and diacritics
 * ("Erdogan" = "Erdoğan", "KYIV" = "Kyiv"), longest match first, on word boundaries. Short
 * all-capital aliases ("US", "EU") must match their case, so the pronoun "us" is not a country.
 * Titles before a person's name ("Kremlin spokesman Dmitry Peskov") are read by `titleBefore`.
 */
import { fold } from './fold.ts';

export interface KnownName {
  id: string;
  /** Node type: Party, Official, Delegation, Position, Event, Document, Place. */
  type: string;
  name: string;
  aliases: string[];
  /** For an official or a delegation: the party it speaks for. */
  party?: string;
  /** For a party: the larger party it belongs to. */
  partOf?: string;
  /** Adjectives naming the party's people ("Russian", "Turkish"), read in titles only. */
  demonyms?: string[];
}

export interface NameMention {
  start: number;
  end: number;
  /** The words as written in the text. */
  text: string;
  /** Every entity that name can be, in order of preference (actors first). */
  entities: KnownName[];
}

interface Title {
  /** Where the title starts ("Kremlin" in "Kremlin spokesman Dmitry Peskov"). */
  start: number;
  /** The title words ("Kremlin spokesman"). */
  title: string;
  /** The role words without the party ("spokesman"). */
  role: string;
  /** The party the title names, if any. */
  party?: KnownName;
}

/** Nouns of office that make the words before a name a title. */
const ROLE_WORDS = new Set([
  'president', 'vice', 'prime', 'minister', 'foreign', 'defence', 'defense', 'secretary', 'spokesman', 'spokeswoman',
  'spokesperson', 'envoy', 'special', 'negotiator', 'chief', 'head', 'ambassador', 'adviser', 'advisor', 'aide',
  'chancellor', 'commander', 'general', 'leader', 'deputy', 'senior', 'top', 'security', 'national', 'state',
  'official', 'representative', 'diplomat', 'mediator', 'premier', 'king', 'emir', 'crown', 'prince', 'chairman',
  'chairwoman', 'speaker', 'lead', 'presidential', 'council', 'intelligence', 'army', 'military', 'staff', 'of', 'the',
  'commissioner', 'ombudsman', 'human', 'rights', 'children', 'parliamentary', 'parliament',
]);

/** Whether a word belongs to a title before a name ("Deputy", "Foreign", "Minister"). */
export function isTitleWord(word: string): boolean {
  return ROLE_WORDS.has(word.toLowerCase());
}

const ACTOR_PREFERENCE = ['Official', 'Party', 'Delegation', 'Position', 'Event', 'Document', 'Place'];

export class NameMatcher {
  /** Folded alias → entities, grouped under the alias's first word for a quick scan. */
  private readonly byFirstWord = new Map<string, Map<string, KnownName[]>>();
  private readonly demonyms = new Map<string, KnownName>();

  constructor(readonly known: KnownName[]) {
    for (const entity of known) {
      for (const alias of new Set([entity.name, ...entity.aliases])) this.add(alias, entity);
      for (const demonym of entity.demonyms ?? []) this.demonyms.set(fold(demonym), entity);
    }
    for (const aliases of this.byFirstWord.values()) {
      for (const list of aliases.values()) list.sort((a, b) => ACTOR_PREFERENCE.indexOf(a.type) - ACTOR_PREFERENCE.indexOf(b.type));
    }
  }

  private add(alias: string, entity: KnownName): void {
    const key = fold(alias.trim());
    const first = key.match(/[\p{L}\p{N}]+/u)?.[0];
    if (!first || key.length < 2) return;
    const aliases = this.byFirstWord.get(first) ?? new Map<string, KnownName[]>();
    this.byFirstWord.set(first, aliases);
    const list = aliases.get(key) ?? [];
    if (!list.includes(entity)) list.push(entity);
    aliases.set(key, list);
  }

  /** Every known name in `text`, left to right, longest first where names overlap. */
  find(text: string): NameMention[] {
    const folded = fold(text);
    const mentions: NameMention[] = [];
    let coveredUntil = 0;
    for (const word of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
      const start = word.index;
      if (start < coveredUntil || (start > 0 && /[\p{L}\p{N}]/u.test(folded[start - 1]!))) continue;
      const candidates = this.byFirstWord.get(word[0]);
      if (!candidates) continue;
      let best: { key: string; entities: KnownName[] } | undefined;
      for (const [key, entities] of candidates) {
        if (best && key.length <= best.key.length) continue;
        if (!folded.startsWith(key, start)) continue;
        const after = folded[start + key.length];
        if (after !== undefined && /[\p{L}\p{N}]/u.test(after) && /[\p{L}\p{N}]$/u.test(key)) continue;
        if (isAcronym(key, entities) && text.slice(start, start + key.length) !== text.slice(start, start + key.length).toUpperCase()) continue;
        best = { key, entities };
      }
      if (!best) continue;
      const end = start + best.key.length;
      mentions.push({ start, end, text: text.slice(start, end), entities: best.entities });
      coveredUntil = end;
    }
    return mentions;
  }

  /** The entities a whole phrase names exactly (folded), if any. */
  lookup(phrase: string): KnownName[] {
    const key = fold(phrase.trim());
    const first = key.match(/[\p{L}\p{N}]+/u)?.[0];
    return (first && this.byFirstWord.get(first)?.get(key)) || [];
  }

  /** The party a demonym names ("Turkish" → Türkiye). */
  demonym(word: string): KnownName | undefined {
    return this.demonyms.get(fold(word));
  }

  /**
   * The title written just before a name that starts at `nameStart`: role words, optionally led
   * by a party's name or demonym ("Turkish Foreign Minister", "Kremlin spokesman", "U.S. President").
   */
  titleBefore(text: string, nameStart: number): Title | undefined {
    const before = text.slice(Math.max(0, nameStart - 80), nameStart);
    const words = [...before.matchAll(/[\p{L}.'’-]+/gu)];
    let first = words.length;
    let party: KnownName | undefined;
    for (let i = words.length - 1; i >= 0; i -= 1) {
      const gap = before.slice(words[i]!.index + words[i]![0].length, i + 1 < words.length ? words[i + 1]!.index : before.length);
      if (gap.trim() !== '') break;
      const word = words[i]![0].replace(/['’]s$/, '');
      if (ROLE_WORDS.has(word.toLowerCase())) {
        first = i;
        continue;
      }
      const named = this.demonym(word) ?? this.lookup(word).find((e) => e.type === 'Party');
      if (named && first < words.length) {
        party = named;
        first = i;
      }
      break;
    }
    while (first < words.length && ['of', 'the'].includes(words[first]![0].toLowerCase()) && !party) first += 1;
    if (first >= words.length) return undefined;
    const offset = nameStart - before.length;
    const start = offset + words[first]!.index;
    const title = text.slice(start, nameStart).trim();
    const role = party ? text.slice(offset + words[first]!.index + words[first]![0].length, nameStart).trim() : title;
    if (!role) return undefined;
    return { start, title, role, ...(party ? { party } : {}) };
  }
}

function isAcronym(key: string, entities: KnownName[]): boolean {
  return key.replace(/[^a-z]/g, '').length <= 4 && entities.some((e) => [e.name, ...e.aliases].some((a) => fold(a) === key && a === a.toUpperCase()));
}
