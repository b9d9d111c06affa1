/**
 * Search with autocomplete over names and aliases, as an ARIA combobox: arrows move through the
 * suggestions, Enter picks one, Escape closes the list. The server's full-text search answers;
 * until it does, names and aliases already in the graph are matched locally.
 */
import type { SearchResult } from '../../../server/contract/graph.ts';
import { api } from '../api/client.ts';
import { nodeTypeStyle } from '../graph/encoding.ts';
import type { ExplorerGraph } from '../graph/explorerGraph.ts';
import type { View } from './context.ts';
import { h, replaceChildren } from './dom.ts';

const DEBOUNCE_MS = 150;
const MAX_HITS = 10;

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** Names and aliases already in the graph that contain the query, in the server's result shape (unscored). */
function localMatches(graph: ExplorerGraph, query: string): SearchResult[] {
  const wanted = fold(query.trim());
  if (!wanted) return [];
  const hits: SearchResult[] = [];
  graph.forEachNode((id, attributes) => {
    if (fold(attributes.label).includes(wanted) || attributes.aliases.some((a) => fold(a).includes(wanted))) {
      hits.push({ id, label: attributes.label, type: attributes.nodeType, aliases: attributes.aliases, matched: null, score: 0 });
    }
  });
  return hits.slice(0, MAX_HITS);
}

/** The alias the query was found in, when it was not found in the name itself. */
function matchedAlias(hit: SearchResult, query: string): string | null {
  const wanted = fold(query.trim());
  if (!wanted || fold(hit.label).includes(wanted)) return null;
  return hit.aliases.find((a) => fold(a).includes(wanted)) ?? null;
}

export function createSearchBox(graph: ExplorerGraph, onPick: (hit: SearchResult) => void): View {
  const listId = 'search-results';
  const input = h('input', {
    type: 'search',
    class: 'search-input',
    placeholder: 'Search parties, people, positions…',
    role: 'combobox',
    'aria-label': 'Search the graph',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const list = h('ul', { id: listId, class: 'search-results', role: 'listbox', 'aria-label': 'Search results', hidden: true });
  let hits: SearchResult[] = [];
  let hitsQuery = '';
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: AbortController | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const render = () => {
    // The server says which alias matched; local matches (while it is unreachable) work it out here.
    const alias = (hit: SearchResult) => hit.matched ?? matchedAlias(hit, hitsQuery);
    replaceChildren(list, hits.length === 0
      ? h('li', { class: 'search-empty', role: 'option', 'aria-disabled': 'true' }, 'No match')
      : hits.map((hit, index) => h('li', {
          id: `search-hit-${index}`,
          role: 'option',
          // Until the arrows move, the first hit is what Enter picks: shown, not yet selected.
          class: `search-hit${active === -1 && index === 0 ? ' default' : ''}`,
          'aria-selected': String(index === active),
          'data-id': hit.id,
          onmousedown: (event: Event) => {
            // Keep focus in the input so the pick is not lost to a blur.
            event.preventDefault();
            pick(index);
          },
        },
        h('span', { class: 'swatch', style: `--swatch:${nodeTypeStyle(hit.type).color}`, 'aria-hidden': 'true' }),
        alias(hit) ? [h('span', { class: 'hit-alias' }, alias(hit)), ' → '] : null,
        h('span', { class: 'hit-name' }, hit.label),
        h('span', { class: 'hit-type' }, hit.type))));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-hit-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const pick = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    input.value = hit.label;
    close();
    onPick(hit);
  };
  const lookup = async (query: string) => {
    inflight?.abort();
    if (!query.trim()) {
      hits = [];
      close();
      return;
    }
    const controller = new AbortController();
    inflight = controller;
    let found: SearchResult[];
    try {
      found = (await api.search({ query: { q: query } }, { signal: controller.signal })).results.slice(0, MAX_HITS);
    } catch {
      if (controller.signal.aborted) return;
      found = localMatches(graph, query);
    }
    if (controller.signal.aborted) return;
    hits = found;
    hitsQuery = query;
    active = -1;
    render();
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void lookup(input.value), DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!hits.length) return;
      event.preventDefault();
      // From no selection, down lands on the first hit and up on the last.
      active = event.key === 'ArrowDown' ? (active + 1) % hits.length : (active <= 0 ? hits.length : active) - 1;
      render();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(active >= 0 ? active : 0);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', close);

  return {
    element: h('div', { class: 'search' }, input, list),
    kill() {
      clearTimeout(timer);
      inflight?.abort();
    },
  };
}
