/**
 * Sources: every source in the graph (publisher, date, grade, stances and quotes it holds up);
 * opening one shows the text it arrived with, its quotes highlighted where the text holds them,
 * and the stances it supports, each with only this source's evidence.
 */
import type { SourceDetail, SourceList } from '../../../server/contract/sources.ts';
import { STANCE_TYPES } from '../../../server/contract/model.ts';
import { api } from '../api/client.ts';
import { openSource, select, setMode } from '../state/explorer.ts';
import type { ExplorerContext, View } from './context.ts';
import { errorMessage, evidenceList, familyGlyph, formatDate, h, markedText, replaceChildren, shownAnswer } from './dom.ts';
import { findQuotes } from './textMarks.ts';

const PAGE = 200;

export function createSourceListView(context: ExplorerContext): View {
  const { store } = context;
  const list = h('div', { class: 'source-list' });
  const detail = h('div', { class: 'source-detail', 'aria-live': 'polite' });
  const element = h('section', { class: 'sources-view', 'aria-label': 'Sources' }, list, detail);
  /** The grade filter the list was read under; another one reads it again. */
  let listed: string | null = null;
  /** The source whose detail was asked for. */
  let opened: string | null | undefined;
  const shownList = shownAnswer();
  const shownDetail = shownAnswer();

  function renderList(page: SourceList) {
    if (!page.sources.length) return replaceChildren(list, h('p', { class: 'empty-state' }, 'No sources yet. Bring one in with “Add source”.'));
    const current = store.get().openSource;
    replaceChildren(list, h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Sources in the graph' },
      h('table', { class: 'data-table source-table' },
        h('caption', { class: 'muted small' }, `${page.total} sources${page.total > page.sources.length ? `, the latest ${page.sources.length} shown` : ''}`),
        h('thead', {}, h('tr', {}, ['Source', 'Publisher', 'Date', 'Grade', 'Stances', 'Quotes'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, page.sources.map((source) => h('tr', { 'data-source': source.id, class: source.id === current ? 'current' : '' },
          h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => store.update((s) => openSource(s, source.id)) }, source.title)),
          h('td', {}, source.publisher ?? '—'),
          h('td', {}, source.publishedAt ?? 'undated'),
          h('td', {}, source.grade ?? 'ungraded'),
          h('td', { class: 'number' }, source.stances),
          h('td', { class: 'number' }, source.quotes)))))));
  }

  function renderSource(source: SourceDetail) {
    const quotes = source.stances.flatMap((s) => s.evidence.flatMap((e) => (e.quote ? [e.quote] : [])));
    const found = source.text ? findQuotes(source.text, quotes) : [];
    const showNode = (id: string) => store.update((s) => setMode(select(s, id), 'graph'));
    replaceChildren(detail,
      h('h2', { id: 'source-title' }, source.title),
      h('p', { class: 'muted small source-meta' }, [source.publisher, source.publishedAt ?? 'undated', source.grade ? `grade ${source.grade}` : 'ungraded', source.kind].filter(Boolean).join(' · '),
        source.url ? [' · ', h('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer' }, 'original')] : null),
      source.text
        ? [h('p', { class: 'muted small' }, `${found.length} of ${new Set(quotes).size} quotes found in the text.`),
          markedText(source.text, found.map((q) => ({ start: q.start, end: q.end, kind: 'quote', title: 'quote' })), 'Source text with its quotes highlighted')]
        : h('p', { class: 'muted' }, 'No text was kept with this source; its quotes are listed with the stances below.'),
      h('h3', {}, `Stances it supports (${source.stances.length})`),
      h('ul', { class: 'stance-list source-stances' }, source.stances.map((stance) =>
        h('li', { class: `stance family-${stance.family}`, 'data-stance-id': stance.id },
          h('p', { class: 'stance-line' },
            h('button', { type: 'button', class: 'link', onclick: () => showNode(stance.actor.id) }, stance.actor.label), ' ',
            familyGlyph(stance.family), h('span', { class: `badge family-${stance.family}` }, STANCE_TYPES[stance.type].verb), ' ',
            h('button', { type: 'button', class: 'link', onclick: () => showNode(stance.target.id) }, stance.target.label),
            h('span', { class: 'date' }, formatDate(stance.date, stance.datePrecision))),
          stance.condition ? h('p', { class: 'condition' }, `On condition: ${stance.condition}`) : null,
          evidenceList(stance.evidence)))));
  }

  const sync = () => {
    const { mode, openSource: wanted } = store.get();
    if (mode !== 'sources') return;
    const { sourceFilter, negotiation } = store.get();
    const filterKey = JSON.stringify({ ...sourceFilter, negotiation });
    if (listed !== filterKey) {
      if (!shownList.shows(filterKey)) {
        shownList.clear();
        replaceChildren(list, h('p', { class: 'muted' }, 'Loading the sources…'));
      }
      listed = filterKey;
      api.sources({ query: { limit: PAGE, ...sourceFilter, negotiation } }).then((page) => listed === filterKey && shownList.differs(filterKey, page) && renderList(page), (err) => {
        if (listed !== filterKey) return;
        listed = null;
        shownList.clear();
        replaceChildren(list, h('p', { class: 'error', role: 'alert' }, `The sources could not be loaded: ${errorMessage(err)}`));
      });
    }
    for (const row of list.querySelectorAll<HTMLElement>('tr[data-source]')) row.classList.toggle('current', row.dataset.source === wanted);
    if (wanted === opened) return;
    opened = wanted;
    if (!wanted) {
      shownDetail.clear();
      return replaceChildren(detail, h('p', { class: 'empty-state' }, 'Open a source to read its text and the stances it supports.'));
    }
    if (!shownDetail.shows(wanted)) {
      shownDetail.clear();
      replaceChildren(detail, h('p', { class: 'muted' }, 'Loading the source…'));
    }
    api.source({ params: { id: wanted } }).then(
      (source) => opened === wanted && shownDetail.differs(wanted, source) && renderSource(source),
      (err) => {
        if (opened !== wanted) return;
        shownDetail.clear();
        replaceChildren(detail, h('p', { class: 'error', role: 'alert' }, errorMessage(err)));
      },
    );
  };
  const unsubscribe = store.subscribe(sync);
  sync();
  return {
    element,
    // A source was ingested: both the list and the open source are read afresh.
    refresh: () => {
      listed = null;
      opened = undefined;
      sync();
    },
    kill: unsubscribe,
  };
}
