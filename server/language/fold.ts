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

const folded = new Map<string, string>();

/** One code unit folded: ASCII by lower-casing, others by their base letter (NFD), remembered. */
function foldUnit(unit: string): string {
  let out = folded.get(unit);
  if (out === undefined) {
    const punct = PUNCTUATION_FOLDS[unit] ?? PUNCTUATION_FOLDS[unit.toLowerCase()];
    // NFD splits a letter from its accents; the first code unit is the base letter.
    const base = unit.normalize('NFD')[0] ?? unit;
    out = punct ?? base.toLowerCase()[0] ?? base;
    folded.set(unit, out);
  }
  return out;
}

/** One character of output per UTF-16 code unit of input. */
export function fold(text: string): string {
  // Plain ASCII (most of English news copy) only needs lower-casing.
  if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase();
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    out += code < 128 ? String.fromCharCode(code >= 65 && code <= 90 ? code + 32 : code) : foldUnit(text[i]!);
  }
  return out;
}
