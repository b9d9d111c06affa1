/**
 * The compare view's table, pure: the rows its filters keep, and the comparison as CSV and as
 * Markdown (one column per document: the point's stance, place, condition and evidence).
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { CompareRow, DocumentComparison, DocumentPoint } from '../../../server/contract/documents.ts';
import type { CompareState } from './explorer.ts';

/** The row kinds, in the order the view offers them (the contract's, spelled out for the bundle). */
export const ROW_KINDS = ['common', 'gap', 'contradiction', 'difference'] as const satisfies readonly CompareRow['kind'][];

export function visibleRows(comparison: DocumentComparison, filter: Pick<CompareState, 'topic' | 'kind'>): CompareRow[] {
  return comparison.rows.filter((row) => (filter.topic === null || row.topic === filter.topic) && (filter.kind === null || row.kind === filter.kind));
}

/** A point in a few words: "demanded · #3 · after the withdrawal". */
export function pointSummary(point: DocumentPoint | null): string {
  if (point === null) return '—';
  return [point.type.replace(/_/g, ' '), `#${point.order}`, point.condition].filter(Boolean).join(' · ');
}

function evidenceText(point: DocumentPoint | null): string {
  if (point === null) return '';
  return point.evidence.map((e) => `“${e.quote ?? e.summary ?? ''}” (${e.sourcePublisher ?? e.sourceTitle ?? e.source ?? 'unknown source'})`).join(' | ');
}

/** A row's position, or its two opposed positions ("a / b"). */
export function rowPositionLabel(row: CompareRow): string {
  return row.positions.map((p) => p.label).join(' / ');
}

function kindText(row: CompareRow): string {
  return row.differences.length ? `${row.kind} (${row.differences.join(', ')})` : row.kind;
}

export function comparisonCsv(comparison: DocumentComparison, rows: readonly CompareRow[]): string {
  const header = ['topic', 'kind', 'differences', 'position', ...comparison.documents.flatMap((d) => [`${d.label}: stance`, `${d.label}: order`, `${d.label}: condition`, `${d.label}: evidence`])];
  const lines = rows.map((row) => [
    row.topic,
    row.kind,
    row.differences.join(' '),
    rowPositionLabel(row),
    ...row.sides.flatMap(({ point }) => [point?.type ?? '', point?.order ?? '', point?.condition ?? '', evidenceText(point)]),
  ]);
  return stringify([header, ...lines]);
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function comparisonMarkdown(comparison: DocumentComparison, rows: readonly CompareRow[]): string {
  const head = `| Topic | Kind | Position | ${comparison.documents.map((d) => cell(d.label)).join(' | ')} |`;
  const rule = `|${' --- |'.repeat(3 + comparison.documents.length)}`;
  const body = rows.map((row) => `| ${cell(row.topic.replace(/_/g, ' '))} | ${cell(kindText(row))} | ${cell(rowPositionLabel(row))} | ${row.sides.map(({ point }) => cell(pointSummary(point))).join(' | ')} |`);
  const evidence = rows.flatMap((row) =>
    row.sides.filter((s) => s.point !== null).map((s) => `- ${s.point!.position.label}, ${comparison.documents.find((d) => d.id === s.document)?.label ?? s.document}: ${evidenceText(s.point)}`),
  );
  const title = `# ${comparison.documents.map((d) => d.label).join(' vs ')}`;
  return [title, '', head, rule, ...body, '', '## Evidence', '', ...evidence, ''].join('\n');
}
