/** Node type and stance type filters, and the as-of time slider with play. */
import { NODE_TYPES, STANCE_TYPES, STANCE_TYPE_NAMES, STANCE_FAMILIES, type StanceFamily } from '../../../server/contract/model.ts';
import { FAMILY_STYLE, humanize, nodeTypeStyle } from '../graph/encoding.ts';
import { setAsOf, setStanceTypes, toggleNodeType, toggleStanceType } from '../state/explorer.ts';
import type { ExplorerContext, View } from './context.ts';
import { h } from './dom.ts';

const PLAY_STEP_MS = 900;

export function createFiltersPanel(context: ExplorerContext, dates: () => string[]): View & { refreshTimeline(): void } {
  const { store } = context;
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

  const sync = () => {
    const { filters } = store.get();
    for (const { type, box } of nodeBoxes) box.checked = filters.nodeTypes.includes(type);
    for (const { type, box } of stanceBoxes) box.checked = filters.stanceTypes.includes(type);
    const stops = dates();
    slider.max = String(stops.length);
    const index = filters.asOf ? stops.findIndex((d) => d > filters.asOf!) : -1;
    slider.value = String(filters.asOf ? (index === -1 ? stops.length : Math.max(0, index - 1)) : stops.length);
    dateLabel.textContent = filters.asOf ? `As of ${filters.asOf}` : 'All dates';
    slider.setAttribute('aria-valuetext', dateLabel.textContent);
  };
  const unsubscribe = store.subscribe((state, previous) => state.filters !== previous.filters && sync());
  sync();

  const element = h('aside', { class: 'filters', 'aria-label': 'Filters' },
    h('section', { class: 'filter-section' }, h('h2', {}, 'Time'), h('div', { class: 'time-row' }, playButton, dateLabel), slider),
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
