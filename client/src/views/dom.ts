/** A small element builder and the bits of markup several views share. */
import type { AskEvidence } from '../../../server/contract/questions.ts';
import type { Corroboration, EvidenceItem } from '../../../server/contract/common.ts';
import { type EdgeFamily, FAMILY_STYLE } from '../graph/encoding.ts';
import { type TextMark, markRuns } from './textMarks.ts';

type Child = Node | string | number | null | undefined | false | Child[];
type Props = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === 'function') element.addEventListener(key.replace(/^on/, ''), value);
    else if (value === true) element.setAttribute(key, '');
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(key, String(value));
  }
  append(element, children);
  return element;
}

function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else if (child !== null && child !== undefined && child !== false) parent.appendChild(document.createTextNode(String(child)));
  }
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/**
 * What a panel shows, by the request (key) and answer it was drawn from. A refresh (the graph
 * changed somewhere) reads the panel's answer again: the old answer stays on screen until the new
 * one arrives, and is drawn again only when it differs, so the reader keeps their place and the
 * elements under the pointer are not swapped for copies.
 */
export function shownAnswer() {
  let shownKey: string | undefined;
  let shownText: string | undefined;
  return {
    /** Whether the screen shows an answer read for this key (then no "loading" placeholder is needed). */
    shows: (key: string) => key === shownKey,
    /** Notes the answer about to be drawn; false when the same answer for the same key is on screen. */
    differs(key: string, answer: unknown): boolean {
      const text = JSON.stringify(answer);
      if (key === shownKey && text === shownText) return false;
      shownKey = key;
      shownText = text;
      return true;
    },
    /** The screen shows something else now (loading, an error, an empty state). */
    clear(): void {
      shownKey = shownText = undefined;
    },
  };
}

/** Cell text for any value a query can return: nodes and lists included. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // Graph-view nodes keep their properties in `attributes`, raw query nodes in `properties`.
    const attributes = ((typeof record.attributes === 'object' && record.attributes) || (typeof record.properties === 'object' && record.properties)) as Record<string, unknown> | false;
    // Nodes read as their name, evidence as its quote or summary.
    const name = record.name ?? record.label ?? (attributes && (attributes.name ?? attributes.title)) ?? record.quote ?? record.summary ?? record.id ?? (typeof record.type === 'string' ? `:${record.type}` : undefined);
    if (typeof name === 'string') return name;
    return JSON.stringify(value);
  }
  return String(value);
}

/** Rows as the API sends them (objects keyed by column), shown in column order. */
export function dataTable(columns: string[], rows: Record<string, unknown>[], caption: string): HTMLElement {
  const table = h(
    'table',
    { class: 'data-table' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((column) => h('td', {}, formatValue(row[column])))))),
  );
  // Wide results scroll on their own instead of stretching the page.
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption }, table);
}

/** Evidence of a stance (EvidenceItem) or of an answer (AskEvidence, already reduced to a quote, source and date). */
type Evidence = EvidenceItem | AskEvidence;

/** One piece of evidence: the verbatim quote (or our summary), then where it comes from. */
function evidenceItem(evidence: Evidence): HTMLElement {
  const item = 'sourceTitle' in evidence ? evidence : null;
  const provenance = [
    item ? (item.sourceTitle ?? item.source) : evidence.source,
    'date' in evidence ? evidence.date : null,
    item?.reporting === 'second-hand' ? `second-hand${item.via ? ` via ${item.via}` : ''}` : item?.reporting,
  ].filter(Boolean);
  return h(
    'li',
    { class: 'evidence' },
    evidence.quote ? h('blockquote', { class: 'quote' }, `“${evidence.quote}”`) : null,
    // Our own wording: labelled, never in quotation marks, so it cannot pass for someone's words.
    evidence.summary && !evidence.quote ? h('p', { class: 'summary' }, h('span', { class: 'summary-label' }, 'Summary: '), evidence.summary) : null,
    provenance.length ? h('p', { class: 'provenance' }, provenance.join(' · ')) : null,
  );
}

export function evidenceList(evidence: Evidence[]): HTMLElement {
  if (evidence.length === 0) return h('p', { class: 'muted' }, 'No evidence recorded.');
  return h('ul', { class: 'evidence-list' }, evidence.map(evidenceItem));
}

/** The family's glyph, so a stance's meaning does not rest on its colour alone. */
export function familyGlyph(family: EdgeFamily): HTMLElement {
  return h('span', { class: `glyph family-${family}`, 'aria-hidden': 'true' }, FAMILY_STYLE[family]?.glyph ?? FAMILY_STYLE.other.glyph);
}

/** A date as precise as it is known: "2022" for a year, "2025-01" for a month, "week of …" for a week. */
export function formatDate(date: string, precision: unknown): string {
  if (precision === 'year') return date.slice(0, 4);
  if (precision === 'month') return date.slice(0, 7);
  if (precision === 'week') return `week of ${date}`;
  return date;
}

/** A text with spans marked (`mark-<kind>`, the title on hover), scrollable, each mark carrying its offset. */
export function markedText(text: string, marks: readonly TextMark[], label = 'Article text with highlights'): HTMLElement {
  return h('div', { class: 'article-text', tabindex: '0', 'aria-label': label },
    markRuns(text, marks).map((run) => (typeof run === 'string' ? run : h('mark', { class: `mark-${run.kind}`, title: run.title, 'data-start': run.start }, run.text))));
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "reported by 4 sources (3 publishers), 2 first-hand": how well a stance is attested. */
function corroborationText(c: Corroboration): string {
  const publishers = c.publishers !== c.sources ? ` (${plural(c.publishers, 'publisher')})` : '';
  return `reported by ${plural(c.sources, 'source')}${publishers}, ${c.firstHand} first-hand`;
}

export function corroborationLine(c: Corroboration | null | undefined): HTMLElement | null {
  return c ? h('p', { class: 'corroboration muted small', 'data-sources': c.sources }, corroborationText(c)) : null;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
