/** A console result as a file: CSV (csv-stringify does the quoting) or JSON, saved by the browser. */
import { stringify } from 'csv-stringify/browser/esm/sync';

type ResultRow = Record<string, unknown>;

/** One CSV cell: text, numbers and booleans as they are, nothing for null, anything else as JSON. */
function csvCell(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

export function resultCsv(columns: readonly string[], rows: readonly ResultRow[]): string {
  return stringify([columns, ...rows.map((row) => columns.map((c) => csvCell(row[c])))], { record_delimiter: 'windows' });
}

export function resultJson(columns: readonly string[], rows: readonly ResultRow[]): string {
  return `${JSON.stringify(rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null]))), null, 2)}\n`;
}

export function downloadText(filename: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the blob once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
