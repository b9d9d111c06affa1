/**
 * The bell: how many changes followed by a watch this browser has not read, and the list of them,
 * each opening its trace, conflict or source. Live: the server's event stream (/api/changes/stream)
 * brings each change as it is committed, and a change to the graph (a stance, a source gone)
 * reloads the graph view, so a stance someone else ingested appears without a reload.
 */
import type { ChangeEvent } from '../../../server/contract/watches.ts';
import { api } from '../api/client.ts';
import { type ChangesState, addChanges, loadReadIds, markAllRead, saveReadIds, unreadCount } from '../state/changes.ts';
import { openConflict, openSource, openTrace, select, setMode } from '../state/explorer.ts';
import type { ExplorerContext, View } from './context.ts';
import { h, replaceChildren } from './dom.ts';

const GRAPH_CHANGES = new Set<ChangeEvent['kind']>(['new-stance', 'source-deleted']);

export function createBell(context: ExplorerContext): View {
  const { store } = context;
  let state: ChangesState = { changes: [], read: loadReadIds(localStorage) };
  const count = h('span', { class: 'bell-count', 'data-unread': '0', hidden: true }, '0');
  const button = h('button', { type: 'button', class: 'button icon bell', 'aria-label': 'Changes to watched items', 'aria-expanded': 'false', 'aria-haspopup': 'true' }, '🔔', count);
  const list = h('ul', { class: 'bell-list plain-list' });
  const panel = h('div', { class: 'bell-panel', role: 'region', 'aria-label': 'Changes', hidden: true }, h('h3', {}, 'Changes to what is watched'), list);
  const element = h('div', { class: 'bell-wrap' }, button, panel);

  const open = (change: ChangeEvent) => {
    const [link] = change.links;
    if (!link) return;
    store.update((s) => {
      if (link.kind === 'trace') return openTrace(s, link.id);
      if (link.kind === 'conflict') return openConflict(setMode(s, 'conflicts'), link.id);
      if (link.kind === 'source') return openSource(setMode(s, 'sources'), link.id);
      return select(setMode(s, 'graph'), link.id);
    });
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
  };

  const render = () => {
    const unread = unreadCount(state);
    count.textContent = String(unread);
    count.dataset.unread = String(unread);
    count.hidden = unread === 0;
    button.setAttribute('aria-label', unread ? `Changes to watched items: ${unread} unread` : 'Changes to watched items');
    replaceChildren(
      list,
      state.changes.length
        ? state.changes.map((c) =>
            h('li', { class: `bell-item${state.read.has(c.id) ? '' : ' unread'}`, 'data-kind': c.kind },
              h('button', { type: 'button', class: 'link', onclick: () => open(c) }, c.title),
              h('span', { class: 'muted small' }, ` ${c.kind.replace(/-/g, ' ')} · ${c.at.slice(0, 16).replace('T', ' ')}`)))
        : h('li', { class: 'muted' }, 'Nothing yet. Watch a party, official, position or event from its details.'),
    );
  };
  const update = (next: ChangesState) => {
    if (next.read !== state.read) saveReadIds(localStorage, next.read);
    state = next;
    render();
  };

  button.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    button.setAttribute('aria-expanded', String(!panel.hidden));
    // Opening the list reads what it shows.
    if (!panel.hidden) update(markAllRead(state));
  });

  let reload: ReturnType<typeof setTimeout> | undefined;
  const graphChanged = () => {
    clearTimeout(reload);
    reload = setTimeout(() => void context.reloadGraphView().catch(() => undefined), 300);
  };
  const events = new EventSource('/api/changes/stream');
  events.addEventListener('change', (message) => {
    const change = JSON.parse((message as MessageEvent<string>).data) as ChangeEvent;
    update(addChanges(state, [change]));
    if (GRAPH_CHANGES.has(change.kind)) graphChanged();
    if (change.watches.length > 0) context.announce(`Change: ${change.title}`);
  });
  api.changes({ query: { limit: 50 } }).then(({ changes }) => update(addChanges(state, changes)), () => undefined);
  render();
  return {
    element,
    kill() {
      events.close();
      clearTimeout(reload);
    },
  };
}
