/**
 * Details of the selected node: its properties (from the API, falling back to what the graph
 * holds), its stances out and in with quote, date and source, and a link to trace a position.
 * A party's stances come from the API, which rolls its officials', delegations' and member
 * bodies' stances up to it by the same rule as the matrix, each with who voiced it.
 */
import type { ActorStancesResponse } from '../../../server/contract/analysis.ts';
import type { GraphNode, Stance } from '../../../server/contract/common.ts';
import { STANCE_TYPES, type StanceType } from '../../../server/contract/model.ts';
import { WATCH_TARGET_TYPES } from '../../../server/contract/watches.ts';
import { api, ApiError } from '../api/client.ts';
import { humanize, nodeTypeStyle, propertyLabel } from '../graph/encoding.ts';
import { communityName, communityOf, isStanceEdge, stanceOf } from '../graph/explorerGraph.ts';
import { openTrace, select } from '../state/explorer.ts';
import { type PartyTracks, partyTracks } from '../state/partyTracks.ts';
import type { ExplorerContext, View } from './context.ts';
import { corroborationLine, evidenceList, familyGlyph, formatDate, formatValue, h, replaceChildren, shownAnswer } from './dom.ts';

/** Properties shown elsewhere in the panel or meaningless to a reader. */
const HIDDEN_PROPERTIES = new Set(['id', 'name', 'label', 'type', 'aliases', 'description', 'labels', 'key', 'cluster']);

/** The write token, kept for this tab only (as "Add source" keeps it). */
const TOKEN_KEY = 'parley.writeToken';
/** Targets this browser set a watch on. */
const WATCHED_KEY = 'parley.watched';

function watchedTargets(): string[] {
  try {
    const ids = JSON.parse(localStorage.getItem(WATCHED_KEY) ?? '[]') as unknown;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function verb(type: string): string {
  return type in STANCE_TYPES ? STANCE_TYPES[type as StanceType].verb : humanize(type);
}

export function createSidePanel(context: ExplorerContext): View {
  const { store, graph } = context;
  const body = h('div', { class: 'panel-body' });
  const closeButton = h('button', { type: 'button', class: 'button icon close', 'aria-label': 'Close details', onclick: () => store.update((s) => select(s, null)) }, '×');
  const element = h('aside', { class: 'side-panel', 'aria-label': 'Details', hidden: true, tabindex: '-1' }, closeButton, body);
  element.addEventListener('keydown', (event) => event.key === 'Escape' && store.update((s) => select(s, null)));
  let shown: string | null = null;
  /** Targets whose watch request is under way (their button stays disabled if the panel is drawn again). */
  const settingWatch = new Set<string>();
  let shownNode: GraphNode | null = null;
  let partyStances: Stance[] | null = null;
  /** The party's stances grouped per negotiation (unscoped: the comparison is across tracks). */
  let acrossTracks: Pick<ActorStancesResponse, 'byNegotiation' | 'sharedTargets'> | null = null;
  /** The comparison keeps its elements while a refresh brings the same answer. */
  const tracksBox = h('section', { class: 'party-tracks', 'aria-labelledby': 'party-tracks-title' });
  const shownTracks = shownAnswer();
  /** The selected id names nothing in the graph (a stale or mistyped link). */
  let notFound = false;
  /** The stance-type filter applies here as in the graph. */
  const shownType = (type: string) => (store.get().filters.stanceTypes as readonly string[]).includes(type);

  const nodeButton = (id: string, label?: string) =>
    h('button', { type: 'button', class: 'link', onclick: () => store.update((s) => select(s, id)) }, graph.hasNode(id) ? graph.getNodeAttribute(id, 'label') : (label ?? id));

  /** Who spoke: the official who voiced a party's stance, or the official or body that took it. */
  function voice(stance: Stance, party: string): string | null {
    if (stance.voicedBy) return `voiced by ${stance.voicedBy.label}`;
    return stance.actor.id === party ? null : `by ${stance.actor.label}`;
  }

  function partyStanceItems(party: string, stances: Stance[]) {
    return stances.filter((s) => shownType(s.type)).map((s) => {
      const spoken = voice(s, party);
      return h('li', { class: `stance family-${s.family}`, 'data-stance': s.type, 'data-stance-id': s.id },
        h('p', { class: 'stance-line' },
          familyGlyph(s.family), h('span', { class: `badge family-${s.family}` }, verb(s.type)), ' ', nodeButton(s.target.id, s.target.label),
          h('span', { class: 'date' }, formatDate(s.date, s.datePrecision))),
        spoken ? h('p', { class: 'voiced-by muted small' }, spoken) : null,
        s.condition ? h('p', { class: 'condition' }, `On condition: ${s.condition}`) : null,
        corroborationLine(s.corroboration),
        evidenceList(s.evidence));
    });
  }

  function stanceItems(id: string, direction: 'out' | 'in') {
    const edges = direction === 'out' ? graph.outEdges(id) : graph.inEdges(id);
    return edges
      .filter((e) => isStanceEdge(graph.getEdgeAttributes(e)) && shownType(graph.getEdgeAttribute(e, 'edgeType')))
      .sort((a, b) => (graph.getEdgeAttribute(a, 'date') ?? '').localeCompare(graph.getEdgeAttribute(b, 'date') ?? ''))
      .map((e) => {
        const a = graph.getEdgeAttributes(e);
        const stance = stanceOf(a);
        const other = direction === 'out' ? graph.target(e) : graph.source(e);
        return h('li', { class: `stance family-${a.family}`, 'data-stance': a.edgeType },
          h('p', { class: 'stance-line' },
            direction === 'in' ? [nodeButton(other), ' '] : null,
            familyGlyph(a.family), h('span', { class: `badge family-${a.family}` }, verb(a.edgeType)),
            direction === 'out' ? [' ', nodeButton(other)] : null,
            a.date ? h('span', { class: 'date' }, formatDate(a.date, stance?.datePrecision)) : null),
          stance?.condition ? h('p', { class: 'condition' }, `On condition: ${stance.condition}`) : null,
          corroborationLine(stance?.corroboration),
          evidenceList(stance?.evidence ?? []));
      });
  }

  function structureItems(id: string) {
    return graph.edges(id)
      .filter((e) => !isStanceEdge(graph.getEdgeAttributes(e)))
      .map((e) => {
        const outgoing = graph.source(e) === id;
        return h('li', {}, h('span', { class: 'muted' }, outgoing ? humanize(graph.getEdgeAttribute(e, 'edgeType')) : `${humanize(graph.getEdgeAttribute(e, 'edgeType'))} ←`), ' ', nodeButton(outgoing ? graph.target(e) : graph.source(e)));
      });
  }

  /** A stance in one track: what, on what, when, and whether the party holds the target in another track too. */
  function trackStanceItem(s: PartyTracks['tracks'][number]['stances'][number]) {
    return h('li', { class: `stance family-${s.family}${s.changed ? ' changed' : ''}`, 'data-stance': s.type, 'data-target': s.target.id },
      h('p', { class: 'stance-line' },
        familyGlyph(s.family), h('span', { class: `badge family-${s.family}` }, verb(s.type)), ' ', nodeButton(s.target.id, s.target.label),
        h('span', { class: 'date' }, formatDate(s.date, s.datePrecision))),
      s.alsoIn.length
        ? h('p', { class: 'track-mark muted small' }, h('span', { class: 'mark-shared' }, `Also in ${s.alsoIn.join(', ')}`), s.changed ? h('span', { class: 'mark-changed' }, ' · changed between them') : null)
        : null);
  }

  /** One party across negotiations, side by side; drawn only when the answer (or the stance-type filter) changed. */
  function drawTracks(party: string, name: string) {
    const comparison = acrossTracks ? partyTracks(acrossTracks, shownType) : null;
    const key = `${party}|${(store.get().filters.stanceTypes as readonly string[]).join(',')}`;
    if (!comparison) {
      shownTracks.clear();
      tracksBox.hidden = true;
      replaceChildren(tracksBox);
      return;
    }
    tracksBox.hidden = false;
    if (!shownTracks.differs(key, comparison)) return;
    replaceChildren(tracksBox,
      h('h3', { id: 'party-tracks-title' }, `${name} across negotiations (${comparison.tracks.length})`),
      comparison.shared.length
        ? h('div', { class: 'shared-targets' },
          h('h4', {}, 'Held in more than one'),
          h('ul', { class: 'plain-list' }, comparison.shared.map((t) => h('li', { class: `shared-target${t.changed ? ' changed' : ''}`, 'data-target': t.target.id },
            nodeButton(t.target.id, t.target.label), t.changed ? h('span', { class: 'badge changed-badge' }, 'changed') : null,
            h('ul', { class: 'plain-list shared-steps' }, t.latest.map((l) => h('li', { class: 'muted small' },
              familyGlyph(l.family), `${verb(l.type)} in ${l.track}, ${formatDate(l.date, l.datePrecision)}`)))))))
        : h('p', { class: 'muted small' }, 'No position is held in more than one of them.'),
      h('div', { class: 'tracks' }, comparison.tracks.map((track) => h('section', { class: 'track', 'data-negotiation': track.id },
        h('h4', {}, track.name),
        track.stances.length
          ? h('ul', { class: 'stance-list' }, track.stances.map(trackStanceItem))
          : h('p', { class: 'muted small' }, 'No stance of the ticked types.')))));
  }

  /** "Watch": follows every kind of change about the node (the bell and its feed show them). */
  function watchButton(id: string, name: string) {
    const watched = watchedTargets().includes(id);
    const button = h('button', { type: 'button', class: 'button watch-button', 'data-action': 'watch', 'data-target': id, 'aria-pressed': String(watched), disabled: watched || settingWatch.has(id) }, watched ? 'Watching ✓' : 'Watch');
    // The panel may be drawn again while the request is under way: the outcome goes to the button on screen.
    const onScreen = () => element.querySelector<HTMLButtonElement>(`[data-action="watch"][data-target="${CSS.escape(id)}"]`) ?? button;
    button.addEventListener('click', async () => {
      const token = sessionStorage.getItem(TOKEN_KEY) ?? window.prompt('Write token (kept for this tab only)') ?? '';
      if (!token) return;
      button.disabled = true;
      settingWatch.add(id);
      try {
        await api.createWatch({ body: { target: id } }, { token });
        sessionStorage.setItem(TOKEN_KEY, token);
        localStorage.setItem(WATCHED_KEY, JSON.stringify([...new Set([...watchedTargets(), id])]));
        context.announce(`Watching ${name}: its changes will show under the bell.`);
        const shownButton = onScreen();
        shownButton.textContent = 'Watching ✓';
        shownButton.setAttribute('aria-pressed', 'true');
        shownButton.disabled = true;
      } catch (err) {
        if (err instanceof ApiError && (err.status === 401 || err.status === 403)) sessionStorage.removeItem(TOKEN_KEY);
        context.announce(`${name} could not be watched: ${err instanceof Error ? err.message : String(err)}`);
        onScreen().disabled = false;
      } finally {
        settingWatch.delete(id);
      }
    });
    return button;
  }

  /** The node as the API described it, else as the graph holds it. */
  function render(id: string, node: GraphNode | null) {
    if (notFound && !node && !graph.hasNode(id)) {
      replaceChildren(body,
        h('h2', { class: 'panel-title', id: 'panel-title' }, 'Not found'),
        h('p', { class: 'not-found', role: 'alert' }, `Nothing in the graph has the id “${id}”. The link may be mistyped, or what it named was removed.`));
      element.setAttribute('aria-labelledby', 'panel-title');
      return;
    }
    const attributes = graph.hasNode(id) ? graph.getNodeAttributes(id) : null;
    const type = node?.type ?? attributes?.nodeType ?? 'Entity';
    const name = node?.label ?? attributes?.label ?? id;
    const data = { ...(attributes?.data ?? {}), ...(node?.attributes ?? {}) };
    const description = data.description;
    const aliases = Array.isArray(data.aliases) ? data.aliases : [];
    const properties = Object.entries(data).filter(([key, value]) => !HIDDEN_PROPERTIES.has(key) && value !== null && value !== '' && typeof value !== 'object');
    const isParty = type === 'Party';
    const community = communityOf(graph, id);
    const group = community === null ? null : communityName(graph, community);
    const shownPartyStances = partyStances?.filter((s) => shownType(s.type)) ?? [];
    const stancesOut = graph.hasNode(id) && !isParty ? stanceItems(id, 'out') : [];
    const stancesIn = graph.hasNode(id) ? stanceItems(id, 'in') : [];
    const structure = graph.hasNode(id) ? structureItems(id) : [];
    replaceChildren(body,
      h('p', { class: 'type-line' }, h('span', { class: `swatch shape-${nodeTypeStyle(type).shape}`, style: `--swatch:${nodeTypeStyle(type).color}`, 'aria-hidden': 'true' }), type),
      h('h2', { class: 'panel-title', id: 'panel-title' }, name),
      typeof description === 'string' ? h('p', {}, description) : null,
      aliases.length ? h('p', { class: 'muted small' }, `Also: ${aliases.map(formatValue).join(', ')}`) : null,
      type === 'Position' ? h('button', { type: 'button', class: 'button primary trace-link', onclick: () => store.update((s) => openTrace(s, id)) }, 'Trace who stands where →') : null,
      (WATCH_TARGET_TYPES as readonly string[]).includes(type) ? watchButton(id, name) : null,
      properties.length || group
        ? h('dl', { class: 'properties' },
          properties.map(([key, value]) => [h('dt', {}, propertyLabel(key)), h('dd', {}, key === 'date' ? formatDate(String(value), data.datePrecision) : formatValue(value))]),
          group ? [h('dt', {}, 'group'), h('dd', {}, group)] : null)
        : null,
      isParty ? tracksBox : null,
      stancesOut.length ? [h('h3', {}, `Stances taken (${stancesOut.length})`), h('ul', { class: 'stance-list' }, stancesOut)] : null,
      isParty && shownPartyStances.length
        ? [h('h3', {}, `Stances of ${name} and its officials (${shownPartyStances.length})`), h('ul', { class: 'stance-list party-stances' }, partyStanceItems(id, shownPartyStances))]
        : null,
      stancesIn.length ? [h('h3', {}, `Stances on this (${stancesIn.length})`), h('ul', { class: 'stance-list' }, stancesIn)] : null,
      structure.length ? [h('h3', {}, 'Connections'), h('ul', { class: 'plain-list' }, structure)] : null,
    );
    if (isParty) drawTracks(id, name);
    element.setAttribute('aria-labelledby', 'panel-title');
  }

  /**
   * A party's stances in the explorer's scope, and the same party across every negotiation (the
   * comparison is across tracks, so it is read unscoped; with no scope one request serves both).
   */
  const loadPartyStances = (party: string) => {
    const { sourceFilter, filters, negotiation } = store.get();
    const query = { ...sourceFilter, asOf: filters.asOf };
    const across = api.actorStances({ params: { id: party }, query: { ...query, byNegotiation: 'true' } });
    const scoped = negotiation ? api.actorStances({ params: { id: party }, query: { ...query, negotiation } }) : across;
    return Promise.all([scoped, across]).then(
      ([{ stances }, { byNegotiation, sharedTargets }]) => {
        if (shown !== party) return;
        partyStances = stances;
        acrossTracks = { byNegotiation, sharedTargets };
        render(party, shownNode);
      },
      () => undefined,
    );
  };

  const sync = () => {
    const { selected } = store.get();
    element.hidden = !selected;
    if (!selected || selected === shown) return;
    shown = selected;
    shownNode = null;
    partyStances = null;
    acrossTracks = null;
    notFound = false;
    render(selected, shownNode);
    api.node({ params: { id: selected } }).then(
      ({ node }) => {
        if (shown !== selected) return;
        shownNode = node;
        render(selected, node);
        if (node.type === 'Party') loadPartyStances(selected);
      },
      // The graph already holds what the panel needs; the API only adds properties. A node that
      // neither knows is not found, and says so.
      (err) => {
        if (shown !== selected || !(err instanceof ApiError && err.status === 404)) return;
        notFound = true;
        render(selected, null);
      },
    );
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.selected !== previous.selected) {
      if (!state.selected) shown = null;
      sync();
    } else if (shown && state.filters.stanceTypes !== previous.filters.stanceTypes) render(shown, shownNode);
    if (shown && shownNode?.type === 'Party' && (state.sourceFilter !== previous.sourceFilter || state.filters.asOf !== previous.filters.asOf || state.negotiation !== previous.negotiation)) loadPartyStances(shown);
  });
  sync();
  return {
    element,
    // The graph changed (an ingestion, say): a party's stances are read again, and the comparison drawn again only if it differs.
    refresh: () => {
      if (!shown) return;
      render(shown, shownNode);
      if (shownNode?.type === 'Party') void loadPartyStances(shown);
    },
    kill: unsubscribe,
  };
}
