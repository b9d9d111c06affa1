/**
 * Conflicting reports: the same actor, target and moment reported in two stance families by
 * different sources. The list names each conflict; opening one sets both sides side by side,
 * each with its quotes (or our summaries, marked as such) and the sources they come from.
 */
import { countOf } from './words.ts';
import type { Conflict, ConflictsResponse } from '../../../server/contract/analysis.ts';
import { STANCE_TYPES } from '../../../server/contract/model.ts';
import { api } from '../api/client.ts';
import { openConflict, select, setMode } from '../state/explorer.ts';
import type { ExplorerContext, View } from './context.ts';
import { errorMessage, familyGlyph, formatDate, h, replaceChildren, shownAnswer } from './dom.ts';

const PAGE = 200;
type Side = Conflict['a'];

function sideColumn(label: string, side: Side): HTMLElement {
  return h('section', { class: `conflict-side family-${side.family}`, 'data-stance-id': side.stanceId, 'aria-label': label },
    h('h3', {}, familyGlyph(side.family), h('span', { class: `badge family-${side.family}` }, STANCE_TYPES[side.type].verb), h('span', { class: 'date' }, formatDate(side.date, side.datePrecision))),
    h('ul', { class: 'evidence-list' }, side.reports.map((report) =>
      h('li', { class: 'evidence conflict-report', 'data-source': report.source.id },
        report.quote ? h('blockquote', { class: 'quote' }, `“${report.quote}”`) : null,
        report.summary && !report.quote ? h('p', { class: 'summary' }, h('span', { class: 'summary-label' }, 'Summary: '), report.summary) : null,
        h('p', { class: 'provenance' },
          report.source.url ? h('a', { href: report.source.url, target: '_blank', rel: 'noopener noreferrer' }, report.source.title ?? report.source.id) : (report.source.title ?? report.source.id),
          [report.source.publisher, report.reporting === 'second-hand' ? `second-hand${report.via ? ` via ${report.via}` : ''}` : report.reporting].filter(Boolean).map((part) => ` · ${part}`))))));
}

export function createConflictsView(context: ExplorerContext): View {
  const { store } = context;
  const list = h('div', { class: 'conflict-list' });
  const detail = h('div', { class: 'conflict-detail', 'aria-live': 'polite' });
  const element = h('section', { class: 'conflicts-view', 'aria-label': 'Conflicting reports' },
    h('p', { class: 'muted small' }, 'Where sources disagree: the same actor, position and moment reported as different stances.'),
    h('div', { class: 'conflict-columns' }, list, detail));
  let answer: ConflictsResponse | null = null;
  /** The grade filter the answer (or the request under way) was read under. */
  let answeredFor: string | null = null;
  let loading: string | null = null;
  /** A refresh marks the answer stale; it stays on screen until the new one arrives. */
  let stale = false;
  const shown = shownAnswer();

  const showNode = (id: string) => store.update((s) => setMode(select(s, id), 'graph'));

  function render() {
    if (!answer) return;
    const wanted = store.get().openConflict;
    replaceChildren(list, answer.conflicts.length === 0
      ? h('p', { class: 'empty-state' }, 'No conflicting reports: every source agrees with the others so far.')
      : [h('p', { class: 'muted small' }, `${countOf(answer.total, 'conflict between reports', 'conflicts between reports')}${answer.total > answer.conflicts.length ? `, ${answer.conflicts.length} shown` : ''}`),
        h('ul', { class: 'plain-list' }, answer.conflicts.map((conflict) =>
          h('li', { 'data-conflict': conflict.id, class: conflict.id === wanted ? 'current' : '' },
            h('button', { type: 'button', class: 'link', onclick: () => store.update((s) => openConflict(s, conflict.id)) },
              `${conflict.actor.label} on ${conflict.target.label}: ${STANCE_TYPES[conflict.a.type].verb} or ${STANCE_TYPES[conflict.b.type].verb}?`))))]);
    const conflict = answer.conflicts.find((c) => c.id === wanted);
    if (!wanted) return replaceChildren(detail, h('p', { class: 'empty-state' }, 'Open a conflict to read both reports side by side.'));
    if (!conflict) return replaceChildren(detail, h('p', { class: 'muted' }, 'That conflict is no longer in the graph.'));
    replaceChildren(detail,
      h('h2', { id: 'conflict-title' },
        h('button', { type: 'button', class: 'link', onclick: () => showNode(conflict.actor.id) }, conflict.actor.label), ' on ',
        h('button', { type: 'button', class: 'link', onclick: () => showNode(conflict.target.id) }, conflict.target.label)),
      h('div', { class: 'conflict-sides' }, sideColumn('One report', conflict.a), sideColumn('The other report', conflict.b)));
  }

  const sync = () => {
    const { mode, sourceFilter, negotiation } = store.get();
    if (mode !== 'conflicts') return;
    const key = JSON.stringify({ ...sourceFilter, negotiation });
    if (answer && answeredFor === key && !stale) return render();
    if (loading === key) return;
    loading = key;
    if (!shown.shows(key)) {
      shown.clear();
      replaceChildren(list, h('p', { class: 'muted' }, 'Loading the conflicts…'));
    }
    api.conflicts({ query: { limit: PAGE, ...sourceFilter, negotiation } }).then(
      (loaded) => {
        if (loading !== key) return;
        answer = loaded;
        answeredFor = key;
        stale = false;
        if (shown.differs(key, loaded)) render();
      },
      (err) => {
        if (loading !== key) return;
        answer = answeredFor = null;
        shown.clear();
        replaceChildren(list, h('p', { class: 'error', role: 'alert' }, `The conflicts could not be loaded: ${errorMessage(err)}`));
      },
    ).finally(() => loading === key && (loading = null));
  };
  const unsubscribe = store.subscribe(
    (state, previous) => (state.mode !== previous.mode || state.openConflict !== previous.openConflict || state.sourceFilter !== previous.sourceFilter || state.negotiation !== previous.negotiation) && sync(),
  );
  sync();
  return {
    element,
    // A source was ingested: the conflicts are read afresh when shown.
    refresh: () => {
      stale = true;
      sync();
    },
    kill: unsubscribe,
  };
}
