/** Where words sit in a text: quotes found in a stored article, and the spans a view marks in it. */

export interface TextMark {
  start: number;
  end: number;
  kind: string;
  title: string;
}

/** Typographic apostrophes and quotation marks read as their plain forms; each maps one character to one, so offsets hold. */
const PLAIN: Record<string, string> = { '‘': "'", '’': "'", 'ʼ': "'", '“': '"', '”': '"', '«': '"', '»': '"', '\u00a0': ' ' };

function foldForSearch(text: string): string {
  return Array.from(text, (char) => {
    const plain = PLAIN[char] ?? char.toLowerCase();
    // A character whose lower case is longer (İ) stays as it is, so offsets still line up.
    return plain.length === char.length ? plain : char;
  }).join('');
}

/**
 * Where each quote first occurs in the text, ignoring case and the kind of quotation marks and
 * apostrophes; a quote the text does not hold is left out.
 */
export function findQuotes(text: string, quotes: readonly string[]): Array<{ quote: string; start: number; end: number }> {
  const haystack = foldForSearch(text);
  const found: Array<{ quote: string; start: number; end: number }> = [];
  for (const quote of new Set(quotes)) {
    const start = haystack.indexOf(foldForSearch(quote));
    if (quote && start >= 0) found.push({ quote, start, end: start + quote.length });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The text cut into plain and marked runs, in order. Marks never overlap in the result: the
 * earlier (and, at the same start, the longer) wins, as a mention inside a quote keeps the quote's mark.
 */
export function markRuns(text: string, marks: readonly TextMark[]): Array<string | TextMark & { text: string }> {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const runs: Array<string | TextMark & { text: string }> = [];
  let at = 0;
  for (const mark of sorted) {
    if (mark.start < at) continue;
    if (mark.start > at) runs.push(text.slice(at, mark.start));
    runs.push({ ...mark, text: text.slice(mark.start, mark.end) });
    at = mark.end;
  }
  if (at < text.length) runs.push(text.slice(at));
  return runs;
}
