/**
 * Case and diacritic folding that keeps character offsets: the folded string has exactly the
 * length of the original, so a match found in folded text is a match at the same [start, end)
 * in the submitted text. "Erdoğan" and "Erdogan" fold alike, as do "Kyiv’s" and "Kyiv's".
 */
const PUNCTUATION_FOLDS: Record<string, string> = {
  '\u2019': "'",
  '\u2018': "'",
  '\u02bc': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u0131': 'i',
  '\u00df': 's',
  '\u00f8': 'o',
  '\u0142': 'l',
};

/** One character of output per UTF-16 code unit of input. */
export function fold(text: string): string {
  let out = '';
  for (const unit of text.split('')) {
    const punct = PUNCTUATION_FOLDS[unit] ?? PUNCTUATION_FOLDS[unit.toLowerCase()];
    if (punct !== undefined) {
      out += punct;
      continue;
    }
    // NFD splits a letter from its accents; the first code unit is the base letter.
    const base = unit.normalize('NFD')[0] ?? unit;
    out += (base.toLowerCase()[0] ?? base);
  }
  return out;
}
