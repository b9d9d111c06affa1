/**
 * Name search: the user's words become a safe Lucene query (every special character escaped)
 * that combines an exact, a prefix and a fuzzy clause per word, so "erdogan", "Erdoğan", "kiev"
 * and a typo such as "ceasfire" all find the right node.
 */
import type { Database } from '../db/database.ts';
import { type SearchHit, searchEntityNames } from '../data/search.ts';

/** Lower case, diacritics removed (ğ → g, ü → u, İ → i), as the index's folding analyzer does. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ı/g, 'i')
    .toLowerCase();
}

/** Words of the text, folded; punctuation (including Lucene's special characters) separates words. */
export function words(text: string): string[] {
  return fold(text)
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/**
 * Every word must match (AND) as itself, as a prefix, or (for words of four letters or more)
 * within one edit; the whole phrase is boosted when it matches as written.
 */
export function luceneQuery(text: string): string | null {
  const terms = words(text).slice(0, 12);
  if (terms.length === 0) return null;
  const clauses = terms.map((raw) => {
    const t = escapeLucene(raw);
    const parts = [`${t}^3`, `${t}*^2`];
    if (raw.length >= 4) parts.push(`${t}~1`);
    return `(${parts.join(' OR ')})`;
  });
  const all = clauses.join(' AND ');
  return terms.length > 1 ? `(${all}) OR "${terms.map(escapeLucene).join(' ')}"^4` : all;
}

export async function searchNames(db: Database, q: string, types: string[] | null, limit: number): Promise<{ q: string; results: SearchHit[] }> {
  const lucene = luceneQuery(q);
  if (lucene === null) return { q, results: [] };
  return { q, results: await searchEntityNames(db, lucene, types, limit) };
}
