/** Node type and stance type filters, the as-of time slider with play, and which sources count (grade, affiliation). */
import { NODE_TYPES, STANCE_TYPES, STANCE_TYPE_NAMES, STANCE_FAMILIES, type StanceFamily } from '../../../server/contract/model.ts';
import { FAMILY_STYLE, humanize, nodeTypeStyle } from '../graph/encoding.ts';
import { RELIABILITY_GRADES, setAsOf, setSourceFilter, setStanceTypes, toggleNodeType, toggleStanceType } from '../state/explorer.ts';
import type { ExplorerContext, View } from './context.ts';
import { h, replaceChildren } from './dom.ts';

const PLAY_STEP_MS = 900;
const RELIABILITY_MEANING = ['completely reliable', 'usually reliable', 'fairly reliable', 'not usually reliable', 'unreliable', 'cannot be judged'];
const CREDIBILITY_MEANING = ['confirmed', 'probably true', 'possibly true', 'doubtful', 'improbable', 'cannot be judged'];

export function createFiltersPanel(context: ExplorerContext, dates: () => string[]): View & { refreshTimeline(): void } {
  const { store, graph } = context;
  const nodeBoxes = NODE_TYPES.map((type) => {
    const box = h('input', { type: 'checkbox', value: type, onchange: () => store.update((s) => toggleNodeType(s, type)) });
    return { type, box, label: h('label', { class: 'check' }, box, h('span', { class: `swatch shape-${nodeTypeStyle(type).shape}`, style: `--swatch:${nodeTypeStyle(type).color}`, 'aria-hidden': 'true' }), type) };
  });
  const stanceBoxes = STANCE_TYPE_NAMES.map((type) => {
    const box = h('input', { type: 'checkbox', value: type, onchange: () => store.update((s) => toggleStanceType(s, type)) });
    return { type, box, label: h('label', { class: 'check' }, box, humanize(type)) };
  });
  const familyGroup = (family: StanceFamily) => {
    const types = STANCE_TYPE_NAMES.filter((t) => STANCE_TYPES[t].family === family);
    const onlyThese = () => store.update((s) => setStanceTypes(s, types));
    return h('fieldset', { class: 'family-group' },
      h('legend', {}, h('span', { class: 'swatch edge', style: `--swatch:${FAMILY_STYLE[family].color}`, 'aria-hidden': 'true' }), FAMILY_STYLE[family].label,
        h('button', { type: 'button', class: 'link small', onclick: onlyThese, 'aria-label': `Show only ${FAMILY_STYLE[family].label.toLowerCase()} stances` }, 'only')),
      stanceBoxes.filter((s) => types.includes(s.type)).map((s) => s.label));
  };

  const slider = h('input', { type: 'range', min: '0', max: '0', step: '1', value: '0', class: 'time-slider', 'aria-label': 'Show the graph as of' });
  const dateLabel = h('output', { class: 'time-label', 'aria-live': 'polite' }, 'All dates');
  const playButton = h('button', { type: 'button', class: 'button', 'aria-label': 'Play the timeline' }, '▶ Play');
  let playing: ReturnType<typeof setInterval> | undefined;

  /** The slider's last stop means "no as-of date": everything is shown. */
  const dateAt = (index: number): string | null => dates()[index] ?? null;
  slider.addEventListener('input', () => store.update((s) => setAsOf(s, dateAt(Number(slider.value)))));
  const stopPlaying = () => {
    clearInterval(playing);
    playing = undefined;
    playButton.textContent = '▶ Play';
    playButton.setAttribute('aria-label', 'Play the timeline');
  };
  playButton.addEventListener('click', () => {
    if (playing) return stopPlaying();
    const stops = dates();
    if (!stops.length) return;
    let index = 0;
    store.update((s) => setAsOf(s, stops[0] ?? null));
    playButton.textContent = '❚❚ Pause';
    playButton.setAttribute('aria-label', 'Pause the timeline');
    playing = setInterval(() => {
      index += 1;
      store.update((s) => setAsOf(s, dateAt(index)));
      if (index >= stops.length) stopPlaying();
    }, PLAY_STEP_MS);
  });

  // Which sources count: read by the server, so every view asks again when this changes.
  const reliability = h('select', { class: 'select small', 'aria-label': 'Least source reliability',
    onchange: () => store.update((s) => setSourceFilter(s, { minReliability: RELIABILITY_GRADES.find((g) => g === reliability.value) ?? null })) },
    h('option', { value: '' }, 'any'), RELIABILITY_GRADES.map((grade, i) => h('option', { value: grade }, `${grade} ${RELIABILITY_MEANING[i]}${grade === 'A' ? '' : ' or better'}`)));
  const credibility = h('select', { class: 'select small', 'aria-label': 'Least information credibility',
    onchange: () => store.update((s) => setSourceFilter(s, { minCredibility: credibility.value ? Number(credibility.value) : null })) },
    h('option', { value: '' }, 'any'), CREDIBILITY_MEANING.map((meaning, i) => h('option', { value: String(i + 1) }, `${i + 1} ${meaning}${i === 0 ? '' : ' or better'}`)));
  const notFrom = h('select', { class: 'select small', 'aria-label': 'Leave out sources affiliated with',
    onchange: () => store.update((s) => setSourceFilter(s, { excludeAffiliatedWith: notFrom.value || null })) });
  const fillParties = (current: string | null) => {
    const parties = graph.filterNodes((_id, a) => a.nodeType === 'Party').sort((a, b) => graph.getNodeAttribute(a, 'label').localeCompare(graph.getNodeAttribute(b, 'label')));
    if (current && !parties.includes(current)) parties.unshift(current);
    replaceChildren(notFrom, h('option', { value: '' }, 'nobody'), parties.map((id) => h('option', { value: id }, graph.hasNode(id) ? graph.getNodeAttribute(id, 'label') : id)));
    notFrom.value = current ?? '';
  };

  const sync = () => {
    const { filters, sourceFilter } = store.get();
    reliability.value = sourceFilter.minReliability ?? '';
    credibility.value = sourceFilter.minCredibility ? String(sourceFilter.minCredibility) : '';
    fillParties(sourceFilter.excludeAffiliatedWith);
    for (const { type, box } of nodeBoxes) box.checked = filters.nodeTypes.includes(type);
    for (const { type, box } of stanceBoxes) box.checked = filters.stanceTypes.includes(type);
    const stops = dates();
    slider.max = String(stops.length);
    // The last stop at or before the as-of date; past the last stop is "All dates".
    const atOrBefore = filters.asOf ? stops.filter((d) => d <= filters.asOf!).length : stops.length + 1;
    slider.value = String(Math.max(0, atOrBefore - 1));
    dateLabel.textContent = filters.asOf ? `As of ${filters.asOf}` : 'All dates';
    slider.setAttribute('aria-valuetext', dateLabel.textContent);
  };
  const unsubscribe = store.subscribe((state, previous) => (state.filters !== previous.filters || state.sourceFilter !== previous.sourceFilter) && sync());
  sync();

  const element = h('aside', { class: 'filters', 'aria-label': 'Filters' },
    h('section', { class: 'filter-section' }, h('h2', {}, 'Time'), h('div', { class: 'time-row' }, playButton, dateLabel), slider),
    h('section', { class: 'filter-section source-filter' }, h('h2', {}, 'Sources'),
      h('label', { class: 'field' }, h('span', { class: 'muted small' }, 'Reliability at least'), reliability),
      h('label', { class: 'field' }, h('span', { class: 'muted small' }, 'Credibility at least'), credibility),
      h('label', { class: 'field' }, h('span', { class: 'muted small' }, 'Leave out media affiliated with'), notFrom)),
    h('section', { class: 'filter-section' }, h('h2', {}, 'Node types'), nodeBoxes.map((n) => n.label)),
    h('section', { class: 'filter-section' }, h('h2', {}, 'Stance types'), STANCE_FAMILIES.map(familyGroup),
      h('button', { type: 'button', class: 'link small', onclick: () => store.update((s) => setStanceTypes(s, STANCE_TYPE_NAMES)) }, 'Show all stances')),
  );
  return {
    element,
    refreshTimeline: sync,
    kill() {
      stopPlaying();
      unsubscribe();
    },
  };
}
