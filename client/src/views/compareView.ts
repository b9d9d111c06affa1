/**
 * Documents side by side, point by point: one row per position, one column per document, the
 * row's kind (common ground, gap, contradiction, difference) and every side's evidence. Filters by
 * topic and kind live in the permalink; the visible rows export as CSV or Markdown. A document can
 * also be set against its author's public stances.
 */
import type { DocumentComparison, DocumentVsAuthor } from '../../../server/contract/documents.ts';
import { POINT_TOPICS } from '../../../server/contract/model.ts';
import { api } from '../api/client.ts';
import { ROW_KINDS, comparisonCsv, comparisonMarkdown, pointSummary, rowPositionLabel, visibleRows } from '../state/compare.ts';
import { openComparison, setCompareFilter } from '../state/explorer.ts';
import type { ExplorerContext, View } from './context.ts';
import { errorMessage, evidenceList, h, replaceChildren } from './dom.ts';

const KIND_LABELS: Record<(typeof ROW_KINDS)[number], string> = {
  common: 'Common ground',
  gap: 'Gap (in some only)',
  contradiction: 'Contradiction',
  difference: 'Different order, condition or stance',
};

function download(filename: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function createCompareView(context: ExplorerContext): View {
  const { store } = context;
  const ids = h('input', { class: 'input', name: 'documents', 'aria-label': 'Documents to compare', placeholder: 'document:a, document:b (up to 5)' });
  const compareButton = h('button', { type: 'button', class: 'button primary', 'data-action': 'compare' }, 'Compare');
  const topic = h('select', { class: 'select small', 'aria-label': 'Topic' },
    h('option', { value: '' }, 'Every topic'), POINT_TOPICS.map((t) => h('option', { value: t }, t.replace(/_/g, ' '))));
  const kind = h('select', { class: 'select small', 'aria-label': 'Kind of difference' },
    h('option', { value: '' }, 'Every kind'), ROW_KINDS.map((k) => h('option', { value: k }, KIND_LABELS[k])));
  const csvButton = h('button', { type: 'button', class: 'button small', 'data-action': 'export-csv' }, 'Export CSV');
  const markdownButton = h('button', { type: 'button', class: 'button small', 'data-action': 'export-markdown' }, 'Export Markdown');
  const content = h('div', { class: 'compare-content', 'aria-live': 'polite' });
  const authorPanel = h('div', { class: 'compare-author' });
  let comparison: DocumentComparison | null = null;
  let requested = '';

  const parseIds = () => ids.value.split(/[,\s]+/).map((id) => id.trim()).filter(Boolean);
  compareButton.addEventListener('click', () => store.update((s) => openComparison(s, parseIds())));
  ids.addEventListener('keydown', (event) => event.key === 'Enter' && store.update((s) => openComparison(s, parseIds())));
  topic.addEventListener('change', () => store.update((s) => setCompareFilter(s, { topic: topic.value || null })));
  kind.addEventListener('change', () => store.update((s) => setCompareFilter(s, { kind: kind.value || null })));
  const exported = (make: typeof comparisonCsv, filename: string, type: string) => () => {
    if (comparison) download(filename, type, make(comparison, visibleRows(comparison, store.get().compare)));
  };
  csvButton.addEventListener('click', exported(comparisonCsv, 'parley-comparison.csv', 'text/csv'));
  markdownButton.addEventListener('click', exported(comparisonMarkdown, 'parley-comparison.md', 'text/markdown'));

  async function showAuthor(documentId: string) {
    replaceChildren(authorPanel, h('p', { class: 'muted' }, 'Reading the author’s public stances…'));
    try {
      render(await api.documentVsAuthor({ params: { id: documentId }, query: store.get().sourceFilter }));
    } catch (err) {
      replaceChildren(authorPanel, h('p', { class: 'error', role: 'alert' }, errorMessage(err)));
    }
    function render(answer: DocumentVsAuthor) {
      const author = answer.document.author?.label ?? 'its author';
      replaceChildren(authorPanel,
        h('h3', {}, `${answer.document.label} against what ${author} says in public`),
        h('p', { class: 'muted small' }, Object.entries(answer.counts).map(([verdict, n]) => `${n} ${verdict}`).join(' · ')),
        h('ul', { class: 'plain-list' }, answer.rows.map((row) =>
          h('li', { class: `vs-author verdict-${row.verdict}`, 'data-position': row.point.position.id },
            h('strong', {}, `#${row.point.order} ${row.point.position.label}`), ` ${row.point.type.replace(/_/g, ' ')} · `, h('span', { class: 'badge' }, row.verdict),
            row.publicStances.length ? h('ul', { class: 'plain-list small' }, row.publicStances.map((s) =>
              h('li', {}, `${s.date} (${s.when}): ${s.actor.label} ${s.type.replace(/_/g, ' ')}${s.opposite ? ' — opposite' : ''}`))) : null))));
    }
  }

  function renderTable() {
    if (!comparison) return;
    const filter = store.get().compare;
    const rows = visibleRows(comparison, filter);
    const { documents, counts } = comparison;
    replaceChildren(content,
      h('p', { class: 'muted small compare-counts' }, ROW_KINDS.map((k) => `${counts[k]} ${KIND_LABELS[k].toLowerCase()}`).join(' · '), ` — showing ${rows.length} of ${comparison.rows.length} rows`),
      h('div', { class: 'compare-scroll' }, h('table', { class: 'compare-table' },
        h('caption', { class: 'visually-hidden' }, 'Points of the documents, one row per position'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Topic'), h('th', { scope: 'col' }, 'Kind'), h('th', { scope: 'col' }, 'Position'),
          documents.map((d) => h('th', { scope: 'col', 'data-document': d.id }, d.label, h('br'), h('span', { class: 'muted small' }, `${d.author?.label ?? 'no author'} · ${d.date ?? ''} · ${d.points} points`), h('br'),
            h('button', { type: 'button', class: 'link small', 'data-action': 'vs-author', onclick: () => void showAuthor(d.id) }, 'Against its author'))))),
        h('tbody', {}, rows.map((row) => h('tr', { class: `compare-row kind-${row.kind}`, 'data-position': row.position.id, 'data-kind': row.kind, 'data-topic': row.topic },
          h('td', {}, row.topic.replace(/_/g, ' ')),
          h('td', {}, h('span', { class: `badge kind-${row.kind}` }, row.kind), row.differences.length ? h('span', { class: 'muted small' }, ` (${row.differences.join(', ')})`) : null),
          h('th', { scope: 'row' }, rowPositionLabel(row)),
          row.sides.map((side) => h('td', { class: side.point ? `family-${side.point.family}` : 'missing', 'data-document': side.document },
            h('p', { class: 'point-line' }, pointSummary(side.point)),
            side.point ? evidenceList(side.point.evidence) : null))))))));
  }

  const sync = () => {
    const { mode, compare, sourceFilter } = store.get();
    if (mode !== 'compare') return;
    if (ids.value.trim() === '' || parseIds().join(',') !== compare.documents.join(',')) ids.value = compare.documents.join(', ');
    topic.value = compare.topic ?? '';
    kind.value = compare.kind ?? '';
    const key = `${compare.documents.join(',')}|${JSON.stringify(sourceFilter)}`;
    if (requested === key) return renderTable();
    requested = key;
    comparison = null;
    replaceChildren(authorPanel);
    if (compare.documents.length < 2) {
      replaceChildren(content, h('p', { class: 'empty-state' }, 'Name two to five documents, separated by commas, to set their points side by side.'));
      return;
    }
    replaceChildren(content, h('p', { class: 'muted' }, 'Comparing…'));
    api.compareDocuments({ query: { ids: [...compare.documents], ...sourceFilter } }).then(
      (answer) => {
        if (requested !== key) return;
        comparison = answer;
        renderTable();
      },
      (err) => requested === key && replaceChildren(content, h('p', { class: 'error', role: 'alert' }, errorMessage(err))),
    );
  };
  const unsubscribe = store.subscribe(sync);
  sync();

  const element = h('section', { class: 'compare-view', 'aria-label': 'Compare documents' },
    h('div', { class: 'toolbar' }, ids, compareButton),
    h('div', { class: 'toolbar' }, topic, kind, csvButton, markdownButton),
    content, authorPanel);
  return { element, kill: unsubscribe };
}
