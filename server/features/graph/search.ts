/**
 * Name search: the user's words become a safe Lucene query (every special character escaped)
 * that combines an exact, a prefix and a fuzzy clause per word, so "erdogan", "Erdoğan", "kiev"
 * and a typo such as "ceasfire" all find the right node.
 */
import type { Database } from '../../db/database.ts';
import { type SearchHit, searchEntityNames } from './searchData.ts';
import { NODE_TYPES } from '../../contract/model.ts';
import { negotiationScope } from '../../core/negotiations.ts';
import { involvedInNegotiation } from '../../core/negotiationsData.ts';

/** Lower case, diacritics removed (ğ → g, ü → u, İ → i), as the index's folding analyzer does. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ı/g, 'i')
    .toLowerCase();
}

/** Words of the text, folded; punctuation (including Lucene's special characters) separates words. */
function words(text: string): string[] {
  return fold(text)
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/** A word's clauses: as itself, as a prefix, or (four letters or more) within one edit. */
function wordClause(raw: string): string {
  const t = escapeLucene(raw);
  const parts = [`${t}^3`, `${t}*^2`];
  if (raw.length >= 4) parts.push(`${t}~1`);
  return `(${parts.join(' OR ')})`;
}

/**
 * Every word must match (AND) as itself, as a prefix, or within one edit; the whole phrase is
 * boosted when it matches as written. Two neighbouring words are also tried as one, so
 * "cease fire" and "unconditional cease-fire" find the ceasefire.
 */
export function luceneQuery(text: string): string | null {
  const terms = words(text).slice(0, 12);
  if (terms.length === 0) return null;
  const allOf = (list: string[]) => `(${list.map(wordClause).join(' AND ')})`;
  if (terms.length === 1) return allOf(terms);
  const closedUp = terms.slice(1).map((word, i) => allOf([...terms.slice(0, i), `${terms[i]}${word}`, ...terms.slice(i + 2)]));
  return [allOf(terms), `"${terms.map(escapeLucene).join(' ')}"^4`, ...closedUp].join(' OR ');
}

interface RankedHit extends SearchHit {
  /** The alias the text matched, when it did not match the name. */
  matched: string | null;
}

/**
 * How closely a name matches the text, best first: the same words, then starting with them,
 * then containing them as words; anything else the index found (prefixes, typos) comes last.
 */
function closeness(name: string, wanted: string[]): number {
  const have = words(name);
  const text = wanted.join(' ');
  if (have.join('') === wanted.join('')) return 0;
  if (have.join(' ').startsWith(text)) return 1;
  if (` ${have.join(' ')} `.includes(` ${text} `)) return 2;
  return 3;
}

/** Among equally close names, the model's order of node types: actors and positions before places and sources ("Russia" the party before the country). */
function typeOrder(type: string): number {
  const index = (NODE_TYPES as readonly string[]).indexOf(type);
  return index === -1 ? NODE_TYPES.length : index;
}

/** Exact names and aliases first, then the index's own score; each hit says which alias matched. */
export function rankHits(text: string, hits: SearchHit[]): RankedHit[] {
  const wanted = words(text);
  return hits
    .map((hit) => {
      const nameRank = closeness(hit.label, wanted);
      const alias = hit.aliases.map((a) => ({ a, rank: closeness(a, wanted) })).sort((x, y) => x.rank - y.rank)[0];
      const viaAlias = alias !== undefined && alias.rank < nameRank;
      return { hit: { ...hit, matched: viaAlias ? alias.a : null }, rank: viaAlias ? alias.rank : nameRank };
    })
    .sort((x, y) => x.rank - y.rank || typeOrder(x.hit.type) - typeOrder(y.hit.type) || y.hit.score - x.hit.score || x.hit.id.localeCompare(y.hit.id))
    .map(({ hit }) => hit);
}

/** The index ranks by term statistics, so a few more candidates than asked for are re-ranked. */
const CANDIDATES_PER_HIT = 3;

/**
 * Names matching `q`, best first. With a negotiation (`scope`), the nodes with stances in it
 * come first (a boost, not a filter: the others follow, in their own order), each marked.
 */
export async function searchNames(db: Database, q: string, types: string[] | null, limit: number, scope?: string): Promise<{ q: string; results: Array<RankedHit & { inNegotiation?: boolean }> }> {
  const negotiation = await negotiationScope(db, scope);
  const lucene = luceneQuery(q);
  if (lucene === null) return { q, results: [] };
  const candidates = await searchEntityNames(db, lucene, types, limit * CANDIDATES_PER_HIT);
  const ranked = rankHits(q, candidates);
  if (negotiation === null) return { q, results: ranked.slice(0, limit) };
  const involved = await involvedInNegotiation(db, negotiation, ranked.map((h) => h.id));
  const marked = ranked.map((hit) => ({ ...hit, inNegotiation: involved.has(hit.id) }));
  return { q, results: [...marked.filter((h) => h.inNegotiation), ...marked.filter((h) => !h.inNegotiation)].slice(0, limit) };
}
