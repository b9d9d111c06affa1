/**
 * How alike two spellings of a name are, for offering a new spelling ("Umierov", "Zelenskyy") as
 * an alias of an entity the graph holds. wink-nlp's Otsuka–Ochiai set similarity over the
 * character bigrams of the folded names (padded, so first and last letters count): a transliteration
 * that adds, drops or swaps a letter keeps most bigrams; a different name keeps few.
 */
import similarity from 'wink-nlp/utilities/similarity';
import { fold } from './fold.ts';

function bigrams(name: string): Set<string> {
  const padded = ` ${fold(name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const grams = new Set<string>();
  for (let i = 0; i < padded.length - 1; i += 1) grams.add(padded.slice(i, i + 2));
  return grams;
}

/** 1 for the same folded name, near 1 for a spelling variant, near 0 for unrelated names. */
export function nameSimilarity(a: string, b: string): number {
  return similarity.set.oo(bigrams(a), bigrams(b));
}
