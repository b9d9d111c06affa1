/** Counted nouns on screen: "1 conflict", "2 conflicts", never "1 conflicts". */
export function countOf(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
