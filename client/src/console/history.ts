/**
 * The console's query history: the last 100 queries run, newest first, kept in the browser's
 * storage so a reload keeps them. A cursor steps through them (Ctrl+Up / Ctrl+Down) and remembers
 * the unsent draft it started from, which stepping past the newest entry gives back.
 */
export const HISTORY_SIZE = 100;

/** The list after running `query`: it moves to the front, and the oldest fall off past the size. */
export function remember(history: readonly string[], query: string, size = HISTORY_SIZE): string[] {
  const text = query.trim();
  if (!text) return [...history];
  return [text, ...history.filter((q) => q !== text)].slice(0, size);
}

interface HistoryCursor {
  /** The older query (Ctrl+Up), or null at the oldest. */
  back(current: string): string | null;
  /** The newer query, then the draft (Ctrl+Down), or null when already there. */
  forward(): string | null;
  /** Forgets the position, after a run or an edit. */
  reset(): void;
}

export function historyCursor(entries: () => readonly string[]): HistoryCursor {
  let index = -1;
  let draft = '';
  return {
    back(current) {
      const list = entries();
      if (index === -1) {
        draft = current;
        // The query on screen is usually the one just run: the previous one is the next older.
        if (list[0] === current.trim()) index = 0;
      }
      if (index + 1 >= list.length) return null;
      index += 1;
      return list[index]!;
    },
    forward() {
      if (index === -1) return null;
      index -= 1;
      return index === -1 ? draft : entries()[index]!;
    },
    reset() {
      index = -1;
    },
  };
}

/**
 * The history list's labels, each at most about `max` characters and no two alike: a long query
 * keeps its start and its end (where two long queries usually differ: the RETURN, the LIMIT),
 * with "…" between; labels that would still be equal get their place in the list ("#3").
 */
export function historyLabels(entries: readonly string[], max = 80): string[] {
  const tail = Math.min(30, Math.floor(max / 3));
  const shortened = entries.map((query) => {
    const text = query.replace(/\s+/g, ' ').trim();
    return text.length <= max ? text : `${text.slice(0, max - tail - 3).trimEnd()} … ${text.slice(-tail).trimStart()}`;
  });
  const counts = new Map<string, number>();
  for (const label of shortened) counts.set(label, (counts.get(label) ?? 0) + 1);
  return shortened.map((label, i) => ((counts.get(label) ?? 0) > 1 ? `${label} (#${i + 1})` : label));
}
