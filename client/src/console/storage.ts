/** A JSON list kept in the browser's storage under one key; anything unreadable counts as empty. */
interface StoredList<T> {
  read(): T[];
  write(items: readonly T[]): void;
}

export function storedList<T>(storage: Storage, key: string, isItem: (value: unknown) => value is T): StoredList<T> {
  return {
    read() {
      try {
        const value: unknown = JSON.parse(storage.getItem(key) ?? '[]');
        return Array.isArray(value) ? value.filter(isItem) : [];
      } catch {
        return [];
      }
    },
    write(items) {
      storage.setItem(key, JSON.stringify(items));
    },
  };
}
