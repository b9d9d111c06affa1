/**
 * Trace mode: one position in the middle, its actors around it by stance — proposers above,
 * supporters on the left, opponents on the right, other statements below — each with the
 * evidence for its stance, and the position's preconditions, alternatives and conditions.
 */
import { disputeSentence } from './disputeText.ts';
import { STANCE_TYPES } from '../../../server/contract/model.ts';
import type { PositionLink, TraceResponse } from '../../../server/contract/analysis.ts';
import type { Stance } from '../../../server/contract/common.ts';
import { api } from '../api/client.ts';
import { type EdgeFamily, FAMILY_STYLE } from '../graph/encoding.ts';
import { openTrace, select, setMode } from '../state/explorer.ts';
import type { ExplorerContext, View } from './context.ts';
import { corroborationLine, errorMessage, evidenceList, familyGlyph, formatDate, h, replaceChildren, shownAnswer } from './dom.ts';

const GROUPS: { family: EdgeFamily; title: string; area: string }[] = [
  { family: 'proposal', title: 'Proposed, demanded or offered by', area: 'top' },
  { family: 'support', title: 'Supporters', area: 'left' },
  { family: 'rejection', title: 'Opponents', area: 'right' },
  { family: 'other', title: 'Other statements', area: 'bottom' },
];

function stanceCard(stance: Stance, onActor: (id: string) => void): HTMLElement {
  const verb = STANCE_TYPES[stance.type].verb;
  const forParty = stance.party && stance.party.id !== stance.actor.id ? stance.party : null;
  return h('li', { class: `trace-card family-${stance.family}`, 'data-actor': stance.actor.id, 'data-party': stance.party?.id ?? stance.actor.id, 'data-stance': stance.type },
    h('p', { class: 'stance-line' },
      h('button', { type: 'button', class: 'link actor', onclick: () => onActor(stance.actor.id) }, stance.actor.label),
      forParty ? h('span', { class: 'muted small' }, ` (${forParty.label})`) : null,
      ' ', familyGlyph(stance.family), h('span', { class: `badge family-${stance.family}` }, verb),
      stance.date ? h('span', { class: 'date' }, stance.date) : null),
    stance.condition ? h('p', { class: 'condition' }, `On condition: ${stance.condition}`) : null,
    corroborationLine(stance.corroboration),
    evidenceList(stance.evidence));
}

export function createTraceView(context: ExplorerContext): View {
  const { store, graph } = context;
  const picker = h('select', { class: 'select', 'aria-label': 'Position to trace' });
  picker.addEventListener('change', () => picker.value && store.update((s) => openTrace(s, picker.value)));
  const content = h('div', { class: 'trace-content', 'aria-live': 'polite' });
  const element = h('section', { class: 'trace-view', 'aria-label': 'Trace a position' },
    h('div', { class: 'toolbar' }, h('label', { class: 'inline-label' }, 'Position ', picker)),
    content);
  let requested = '';
  const shown = shownAnswer();

  const showInGraph = (id: string) => store.update((s) => setMode(select(s, id), 'graph'));
  const relationList = (title: string, items: PositionLink[], meaning: string) =>
    items.length ? h('div', { class: 'relation' }, h('h3', { title: meaning }, title), h('ul', { class: 'plain-list' }, items.map((link) =>
      h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => store.update((s) => openTrace(s, link.position.id)) }, link.position.label),
        h('p', { class: 'muted small' }, link.meaning))))) : null;

  function render(trace: TraceResponse) {
    const stances = Object.values(trace.stances).flat();
    const byFamily = (family: EdgeFamily) => stances.filter((s) => s.family === family).sort((a, b) => a.date.localeCompare(b.date));
    const description = trace.position.attributes.description;
    // Each heading reads from the traced position: "[this position] is the precondition of …".
    const relations = [
      relationList('Requires first', trace.preconditions, 'Will only be done once these are done'),
      relationList('Is the precondition of', trace.preconditionOf, 'These will only be done once this is done'),
      relationList('Alternatives', trace.alternatives, 'Put forward instead of this, or this instead of them'),
      relationList('Can only happen after', trace.conditions, 'Can only happen after these'),
      relationList('Is the condition of', trace.conditionOf, 'These can only happen after this'),
    ].filter(Boolean);
    replaceChildren(content,
      h('div', { class: 'trace-grid' },
        h('article', { class: 'trace-position area-center', 'aria-labelledby': 'trace-title' },
          h('p', { class: 'type-line' }, 'Position'),
          h('h2', { id: 'trace-title' }, trace.position.label),
          typeof description === 'string' && description ? h('p', {}, description) : null,
          h('button', { type: 'button', class: 'link small', onclick: () => showInGraph(trace.position.id) }, 'Show in graph'),
          relations.length ? h('div', { class: 'relations' }, relations) : h('p', { class: 'muted small' }, 'No preconditions, alternatives or conditions recorded.'),
          trace.disputes.length ? h('ul', { class: 'trace-disputes plain-list', 'aria-label': 'Disputed' }, trace.disputes.map(({ actor, dispute }) =>
            h('li', { class: 'dispute-note', 'data-actor': actor.id }, h('strong', {}, `${actor.label}: `), disputeSentence(dispute)))) : null),
        GROUPS.map(({ family, title, area }) => {
          const stances = byFamily(family);
          return h('section', { class: `trace-group area-${area}`, 'data-family': family, 'aria-label': title },
            h('h3', {}, h('span', { class: 'swatch edge', style: `--swatch:${FAMILY_STYLE[family].color}`, 'aria-hidden': 'true' }), `${title} (${stances.length})`),
            stances.length ? h('ul', { class: 'trace-cards' }, stances.map((s) => stanceCard(s, showInGraph))) : h('p', { class: 'muted small' }, 'None recorded.'));
        })),
      trace.timeline.length ? h('section', { class: 'timeline', 'aria-label': 'Timeline' }, h('h3', {}, 'Timeline'),
        h('ol', { class: 'timeline-list' }, trace.timeline.map((entry) => h('li', { class: `timeline-${entry.kind}${entry.reverses ? ' reversal' : ''}` },
          h('span', { class: 'date' }, entry.date), entry.text,
          entry.reverses ? h('span', { class: 'reversal-note' }, ` ↺ reverses ${STANCE_TYPES[entry.reverses.type].verb} (${formatDate(entry.reverses.date, entry.reverses.datePrecision)})`) : null)))) : null);
  }

  function fillPicker(current: string | null) {
    const positions = graph.filterNodes((_id, a) => a.nodeType === 'Position').sort((a, b) => graph.getNodeAttribute(a, 'label').localeCompare(graph.getNodeAttribute(b, 'label')));
    if (current && !positions.includes(current)) positions.unshift(current);
    replaceChildren(picker, h('option', { value: '' }, 'Choose a position…'),
      positions.map((id) => h('option', { value: id }, graph.hasNode(id) ? graph.getNodeAttribute(id, 'label') : id)));
    picker.value = current ?? '';
  }

  const sync = () => {
    const { tracePosition, filters, sourceFilter, mode, negotiation } = store.get();
    if (mode !== 'trace') return;
    fillPicker(tracePosition);
    const key = `${tracePosition}|${filters.asOf}|${JSON.stringify(sourceFilter)}|${negotiation}`;
    if (key === requested) return;
    requested = key;
    if (!tracePosition) {
      shown.clear();
      replaceChildren(content, h('p', { class: 'empty-state' }, 'Pick a position to see who proposed, backed or rejected it, with the evidence for each stance. Or search for one above.'));
      return;
    }
    if (!shown.shows(key)) {
      shown.clear();
      replaceChildren(content, h('p', { class: 'muted' }, 'Loading the trace…'));
    }
    api.trace({ params: { id: tracePosition }, query: { asOf: filters.asOf, ...sourceFilter, negotiation } }).then(
      (trace) => requested === key && shown.differs(key, trace) && render(trace),
      (err) => {
        if (requested !== key) return;
        shown.clear();
        replaceChildren(content, h('p', { class: 'error', role: 'alert' }, `The trace could not be loaded: ${errorMessage(err)}`));
      },
    );
  };
  const unsubscribe = store.subscribe(sync);
  sync();
  return {
    element,
    // The graph grew (an ingested source, say): the trace shown is read afresh.
    refresh: () => {
      requested = '';
      sync();
    },
    kill: unsubscribe,
  };
}
