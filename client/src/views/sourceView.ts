/**
 * "Add source": paste an article or drop a .txt, .md or .html file, extract a draft, review it
 * beside the highlighted text (accept, reject, edit each candidate; add a missed stance by
 * selecting its words; pick actors and targets by name from the draft and the graph; rename a
 * proposed entity or merge it into an existing one through search; set the source's URL,
 * publisher and grade), and ingest the accepted draft with the write token. The draft in
 * progress lives in localStorage (a reload keeps it); the token only in this tab's session.
 */
import { POINT_TOPICS, STANCE_TYPES, STANCE_TYPE_NAMES, type PointTopic, type StanceType } from '../../../server/contract/model.ts';
import type { CandidatePoint } from '../../../server/contract/documents.ts';
import { ApiError, api } from '../api/client.ts';
import type { AliasOffer } from '../../../server/contract/extract.ts';
import type { PayloadStance } from '../../../server/contract/sourcePayload.ts';
import {
  type SourceDraftState,
  acceptedPayload,
  decide,
  decidePoint,
  editPoint,
  pointsOf,
  setPointsDocument,
  editStance,
  emptyDraftState,
  entitiesOf,
  isAliasKept,
  keepAlias,
  loadDraftState,
  entityName,
  mergeEntity,
  saveDraftState,
  setDraftNegotiation,
  withDraft,
  stancesOf,
} from '../state/sourceDraft.ts';
import { type Choice, type Role, ADDED_CUE, ROLE_TYPES, addStanceFromSelection, rememberName, draftChoices, ingestProblems, isAdded, prefillSourceFields, removeAddedStance, renameEntity, unchosenOf } from '../state/draftCorrections.ts';
import type { ExplorerContext, View } from './context.ts';
import { errorMessage, h, markedText, replaceChildren } from './dom.ts';
import { UNASSIGNED_NEGOTIATION } from './negotiationPicker.ts';

const TOKEN_KEY = 'parley.writeToken';
const FORMATS: Record<string, SourceDraftState['form']['format']> = { txt: 'text', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html' };

export function createSourceView(context: ExplorerContext): View {
  let state = loadDraftState(localStorage);
  const update = (next: SourceDraftState) => {
    state = next;
    saveDraftState(localStorage, state);
    render();
  };

  const title = h('input', { class: 'input', name: 'title', 'aria-label': 'Title', placeholder: 'Headline' });
  const publishedAt = h('input', { class: 'input', name: 'publishedAt', type: 'date', 'aria-label': 'Published on' });
  const publisher = h('input', { class: 'input', name: 'publisher', 'aria-label': 'Publisher (optional)', placeholder: 'Publisher (optional)' });
  const url = h('input', { class: 'input', name: 'url', type: 'url', 'aria-label': 'URL (optional)', placeholder: 'https://… (optional)' });
  const reliability = h('select', { class: 'select', name: 'reliability', 'aria-label': 'Grade: reliability of the source' },
    h('option', { value: '' }, 'Reliability: not graded'),
    RELIABILITY.map(([grade, words]) => h('option', { value: grade }, `${grade} · ${words}`)));
  const credibility = h('select', { class: 'select', name: 'credibility', 'aria-label': 'Grade: credibility of the information' },
    h('option', { value: '' }, 'Credibility: not graded'),
    CREDIBILITY.map(([grade, words]) => h('option', { value: grade }, `${grade} · ${words}`)));
  const text = h('textarea', { class: 'input article-input', name: 'text', rows: 10, 'aria-label': 'Article text', placeholder: 'Paste the article, or drop a .txt, .md or .html file here' });
  const file = h('input', { type: 'file', accept: '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html', 'aria-label': 'Open an article file' });
  const extractButton = h('button', { type: 'button', class: 'button primary', 'data-action': 'extract' }, 'Extract');
  const message = h('div', { class: 'source-message', role: 'status', 'aria-live': 'polite' });
  const review = h('div', { class: 'source-review' });

  const fields: Array<[HTMLInputElement | HTMLTextAreaElement, keyof SourceDraftState['form']]> = [
    [title, 'title'],
    [publishedAt, 'publishedAt'],
    [publisher, 'publisher'],
    [url, 'url'],
    [text, 'text'],
  ];
  const grades: Array<[HTMLSelectElement, 'reliability' | 'credibility']> = [[reliability, 'reliability'], [credibility, 'credibility']];
  for (const [select, key] of grades) {
    select.value = state.form[key];
    select.addEventListener('change', () => update({ ...state, form: { ...state.form, [key]: select.value } }));
  }
  /** The form's fields show the state's form (after a prefill or a discard). */
  const showForm = () => {
    for (const [input, key] of fields) input.value = String(state.form[key]);
    for (const [select, key] of grades) select.value = state.form[key];
  };
  for (const [input, key] of fields) {
    input.value = String(state.form[key]);
    // Every keystroke is kept: nothing typed is lost on a reload.
    input.addEventListener('input', () => update({ ...state, form: { ...state.form, [key]: input.value } }));
  }

  const readFile = async (picked: File | undefined) => {
    if (!picked) return;
    const extension = picked.name.split('.').pop()?.toLowerCase() ?? '';
    text.value = await picked.text();
    update({ ...state, form: { ...state.form, text: text.value, format: FORMATS[extension] ?? '' } });
  };
  file.addEventListener('change', () => void readFile(file.files?.[0]));
  text.addEventListener('dragover', (event) => event.preventDefault());
  text.addEventListener('drop', (event) => {
    event.preventDefault();
    void readFile(event.dataTransfer?.files[0]);
  });

  extractButton.addEventListener('click', async () => {
    const { form } = state;
    replaceChildren(message, 'Extracting…');
    try {
      const draft = await api.extract({
        body: {
          text: form.text,
          title: form.title,
          publishedAt: form.publishedAt,
          ...(form.publisher ? { publisher: form.publisher } : {}),
          ...(form.url.trim() ? { url: form.url.trim() } : {}),
          ...(form.format ? { format: form.format } : {}),
        },
      });
      update(withDraft({ ...state, form: prefillSourceFields(state.form, draft.payload.source) }, draft));
      showForm();
      replaceChildren(message, `${draft.summary.stances} candidate stances, ${draft.summary.quotes} quotes, ${draft.summary.proposedEntities} proposed entities.`);
    } catch (err) {
      replaceChildren(message, h('span', { class: 'error', role: 'alert' }, errorMessage(err)));
    }
  });

  const ingestButton = h('button', { type: 'button', class: 'button primary', 'data-action': 'ingest' }, 'Ingest accepted');
  // Which negotiation the source goes into: the one the server proposed for the draft, preselected;
  // "Decide from its parties and dates" sends none and leaves it to the server's rule.
  const NEW_NEGOTIATION = 'new';
  const negotiationSelect = h('select', { class: 'select', name: 'negotiation', 'aria-label': 'Negotiation',
    onchange: () => {
      const value = negotiationSelect.value;
      const proposed = state.draft?.negotiation?.negotiation ?? null;
      update(setDraftNegotiation(state, value === NEW_NEGOTIATION ? proposed : value || null));
    } });
  const negotiationReason = h('p', { class: 'muted small negotiation-reason' });
  let negotiations: Array<{ id: string; name: string }> = [];
  const fillNegotiations = () => {
    const chosen = state.negotiation;
    const proposal = state.draft?.negotiation ?? null;
    const options = negotiations.map((n) => h('option', { value: n.id }, n.name));
    // Until the list arrives, the chosen one is named as the proposal names it.
    if (typeof chosen === 'string' && !negotiations.some((n) => n.id === chosen)) options.push(h('option', { value: chosen }, proposal?.negotiation === chosen ? proposal.name : chosen));
    if (proposal?.new) options.push(h('option', { value: NEW_NEGOTIATION }, `New: ${proposal.name}`));
    replaceChildren(negotiationSelect, h('option', { value: '' }, 'Decide from its parties and dates'), options);
    negotiationSelect.value = typeof chosen === 'object' ? NEW_NEGOTIATION : (chosen ?? '');
    replaceChildren(negotiationReason, proposal ? `Proposed: ${proposal.reason}` : '');
  };
  const loadNegotiations = () => api.negotiations().then(
    (answer) => {
      // "Unassigned" is where the rule puts what it cannot place: not a choice to make.
      negotiations = answer.negotiations.filter((n) => n.id !== UNASSIGNED_NEGOTIATION);
      fillNegotiations();
    },
    (err) => context.announce(`The negotiations could not be loaded: ${errorMessage(err)}`),
  );
  void loadNegotiations();
  const discardButton = h('button', { type: 'button', class: 'button', 'data-action': 'discard' }, 'Discard draft');
  discardButton.addEventListener('click', () => {
    update(emptyDraftState());
    showForm();
    replaceChildren(message, 'Draft discarded.');
  });
  // Whether the server takes writes at all (GET /api/meta), learned before anyone is asked for a token.
  let writesEnabled: Promise<boolean> | undefined;
  const serverTakesWrites = () => (writesEnabled ??= api.meta().then((meta) => meta.writes.enabled, (err) => {
    writesEnabled = undefined;
    throw err;
  }));
  ingestButton.addEventListener('click', async () => {
    const problems = ingestProblems(state, nameOf);
    if (problems.length) {
      replaceChildren(message, h('span', { class: 'error', role: 'alert', 'data-problems': problems.length }, `Not ingested yet. ${problems.join(' ')}`));
      return;
    }
    const payload = acceptedPayload(state);
    if (!payload) return;
    try {
      if (!(await serverTakesWrites())) {
        replaceChildren(message, h('span', { class: 'error', role: 'alert', 'data-writes': 'off' },
          'This server takes no writes: no write token is set. Start it with PARLEY_WRITE_TOKEN=… (README, Configuration), then ingest again.'));
        return;
      }
    } catch (err) {
      replaceChildren(message, h('span', { class: 'error', role: 'alert' }, errorMessage(err)));
      return;
    }
    const token = sessionStorage.getItem(TOKEN_KEY) ?? window.prompt('Write token (kept for this tab only)') ?? '';
    if (!token) return;
    try {
      const report = await api.ingest({ body: payload }, { token });
      sessionStorage.setItem(TOKEN_KEY, token);
      // The graph view is read again, so its aggregated edges count the new stances, without a reload of the page.
      await context.reloadGraphView().then(
        () => context.announce(`Ingested ${report.sourceId}: ${report.stances} stances.`),
        (err) => context.announce(`Ingested ${report.sourceId}: ${report.stances} stances, but the graph could not be read again: ${errorMessage(err)}`),
      );
      const points = report.points ? `, ${report.points} points` : '';
      replaceChildren(message, h('span', { class: 'success', 'data-ingested': report.sourceId }, `Ingested ${report.stances} stances${points} from ${report.sourceId}.`));
      update({ ...emptyDraftState() });
      showForm();
      void loadNegotiations();
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) sessionStorage.removeItem(TOKEN_KEY);
      replaceChildren(message, h('span', { class: 'error', role: 'alert' }, errorMessage(err)));
    }
  });

  function render() {
    // A refusal to ingest goes once what it asked for is done.
    if (message.querySelector('[data-problems]') && ingestProblems(state, nameOf).length === 0) replaceChildren(message);
    const draft = state.draft;
    if (!draft) {
      replaceChildren(review);
      return;
    }
    const articleText = highlightedText(draft.text, draft.provenance);
    // Words selected in the text, as offsets into it: "Add stance" turns them into a candidate.
    let selected: { start: number; end: number } | null = null;
    const addButton = h('button', { type: 'button', class: 'button small', 'data-action': 'add-stance', disabled: true, title: 'Select the words of a stance in the text first' }, 'Add stance from the selected words');
    const readSelection = () => {
      selected = selectionIn(articleText);
      addButton.disabled = selected === null;
    };
    articleText.addEventListener('mouseup', readSelection);
    articleText.addEventListener('keyup', readSelection);
    addButton.addEventListener('click', () => {
      if (!selected) return;
      const added = addStanceFromSelection(state, selected.start, selected.end);
      if (!added.id) return;
      update(added.state);
      review.querySelector<HTMLElement>(`.candidate[data-stance="${added.id}"]`)?.scrollIntoView({ block: 'nearest' });
    });
    const entities = entitiesOf(state);
    // Drafts saved before the server offered aliases have none.
    const aliasOffers = draft.aliasOffers ?? [];
    replaceChildren(review,
      h('div', { class: 'source-columns' },
        h('div', { class: 'article-pane' },
          h('div', { class: 'toolbar' }, addButton, h('span', { class: 'muted small' }, 'Missed a stance? Select its words in the text.')),
          articleText),
        h('div', { class: 'candidates' },
          pointsOf(state).length ? pointsSection(articleText) : null,
          h('h3', {}, 'Candidate stances'),
          h('ol', { class: 'plain-list' }, stancesOf(state).map((stance) => candidateCard(stance, articleText))),
          aliasOffers.length ? [h('h3', {}, 'New spellings of known entities'), h('ul', { class: 'plain-list' }, aliasOffers.map(aliasOffer))] : null,
          entities.length ? h('h3', {}, 'Proposed entities') : null,
          h('ul', { class: 'plain-list' }, entities.map((entity) => proposedEntity(entity))),
          h('div', { class: 'toolbar' },
            h('label', { class: 'field' }, h('span', { class: 'muted small' }, 'Negotiation'), negotiationSelect),
            ingestButton, discardButton),
          negotiationReason)));
    fillNegotiations();
  }

  /** A candidate names its actor and target as the graph or the draft does, not by id. */
  const knownName = (id: string): string | undefined => (context.graph.hasNode(id) ? context.graph.getNodeAttribute(id, 'label') : undefined);
  const nameOf = (id: string) => entityName(state, id, knownName);

  function candidateCard(stance: PayloadStance, articleText: HTMLElement): HTMLElement {
    const decision = state.decisions[stance.id];
    const where = state.draft!.provenance.stances.find((p) => p.stance === stance.id);
    const added = isAdded(stance.id);
    const unchosen = unchosenOf(state, stance.id);
    const edit = (change: Partial<PayloadStance>) => update(editStance(state, stance.id, change));
    const input = (label: string, value: string, onChange: (value: string) => void, type = 'text') => {
      const element = h('input', { class: 'input small', type, 'aria-label': label, value, 'data-field': label.toLowerCase() });
      element.addEventListener('change', () => onChange(element.value));
      return h('label', { class: 'field' }, h('span', { class: 'muted small' }, label), element);
    };
    const typeSelect = h('select', { class: 'select small', 'aria-label': 'Stance type', 'data-field': 'type' },
      unchosen.includes('type') ? h('option', { value: '', selected: true, disabled: true }, 'Choose…') : null,
      STANCE_TYPE_NAMES.map((t) => h('option', { value: t, ...(t === stance.type && !unchosen.includes('type') ? { selected: true } : {}) }, STANCE_TYPES[t].verb)));
    typeSelect.addEventListener('change', () => edit({ type: typeSelect.value as StanceType }));
    const evidence = stance.evidence[0];
    const known = state.draft!.matches?.find((m) => m.stance === stance.id);
    const said = (field: 'actor' | 'target', id: string) => (unchosen.includes(field) || !id ? `(${field}?)` : nameOf(id));
    const header = `${said('actor', stance.actor)} ${unchosen.includes('type') ? '(stance?)' : STANCE_TYPES[stance.type].verb} ${said('target', stance.target)}`;
    return h('li', { class: `candidate ${decision === false ? 'rejected' : decision ? 'accepted' : ''}${added ? ' added' : ''}`, 'data-stance': stance.id, ...(unchosen.length ? { 'data-unchosen': unchosen.join(' ') } : {}) },
      h('button', { type: 'button', class: 'link locate', onclick: () => locate(articleText, where?.sentence.start ?? 0) }, header),
      known ? h('p', { class: 'already-known small', 'data-existing': known.existing },
        `Already in the graph, reported by ${known.sources} source${known.sources === 1 ? '' : 's'}: ingesting adds this source's evidence to it.`) : null,
      added && where
        ? h('p', { class: 'muted small added-quote', 'data-start': where.start, 'data-end': where.end }, `Added by you from “${evidence?.quote ?? ''}” (characters ${where.start}–${where.end} of the text)`)
        : where ? h('p', { class: 'muted small' }, `cue “${where.cue}” · confidence ${where.confidence}`) : null,
      h('div', { class: 'fields' },
        namePicker('Actor', 'actor', unchosen.includes('actor') ? '' : stance.actor, (actor, name) => update(editStance(rememberName(state, actor, name), stance.id, { actor }))),
        h('label', { class: 'field' }, h('span', { class: 'muted small' }, 'Type'), typeSelect),
        namePicker('Target', 'target', unchosen.includes('target') ? '' : stance.target, (target, name) => update(editStance(rememberName(state, target, name), stance.id, { target }))),
        input('Date', stance.date, (date) => edit({ date }), 'date'),
        input('Condition', stance.condition ?? '', (condition) => edit(condition ? { condition } : { condition: undefined, conditionPosition: undefined })),
        // An added stance's quote is the selected words at their offsets: selecting again changes it.
        added ? null : input('Quote', evidence?.quote ?? '', (quote) => edit({ evidence: [{ ...evidence!, ...(quote ? { quote } : { quote: undefined }) }] }))),
      h('div', { class: 'toolbar' },
        h('button', { type: 'button', class: 'button small', 'data-action': 'accept', 'aria-pressed': String(decision === true), onclick: () => update(decide(state, stance.id, true)) }, 'Accept'),
        added
          ? h('button', { type: 'button', class: 'button small', 'data-action': 'remove', onclick: () => update(removeAddedStance(state, stance.id)) }, 'Remove')
          : h('button', { type: 'button', class: 'button small', 'data-action': 'reject', 'aria-pressed': String(decision === false), onclick: () => update(decide(state, stance.id, false)) }, 'Reject')));
  }

  /**
   * An actor or target chosen by name: the box shows the chosen one's name; typing offers the
   * draft's proposed entities and the graph's names the text holds, then the graph's own (search).
   */
  function namePicker(label: string, role: Role, current: string, onPick: (id: string, name: string) => void): HTMLElement {
    const box = h('input', { class: 'input small', type: 'search', 'aria-label': label, 'data-field': role, 'data-id': current, value: current ? nameOf(current) : '', placeholder: `${label}: type a name…`, autocomplete: 'off' });
    const options = h('ul', { class: 'plain-list pick-options', role: 'listbox', 'aria-label': `${label} choices` });
    const choice = (c: Choice | { id: string; name: string; type: string; from: 'graph' }) =>
      h('li', { role: 'option' }, h('button', { type: 'button', class: 'link', 'data-pick': c.id, onclick: () => onPick(c.id, c.name) },
        `${c.name} `, h('span', { class: 'muted small' }, `${c.type} · ${c.from === 'draft' ? 'new in this draft' : c.from === 'text' ? 'named in the text' : 'in the graph'}`)));
    let asked = 0;
    const offer = async () => {
      const q = box.value.trim();
      const ask = ++asked;
      const fromDraft = draftChoices(state, role, q, knownName);
      replaceChildren(options, fromDraft.slice(0, 8).map(choice));
      if (q.length < 2) return;
      const found = await api.search({ query: { q, types: ROLE_TYPES[role], limit: 8 } }).then((answer) => answer.results, () => []);
      if (ask !== asked) return;
      const seen = new Set(fromDraft.map((c) => c.id));
      replaceChildren(options, [...fromDraft.slice(0, 8).map(choice), ...found.filter((hit) => !seen.has(hit.id)).map((hit) => choice({ id: hit.id, name: hit.label, type: hit.type, from: 'graph' }))]);
    };
    box.addEventListener('input', () => void offer());
    box.addEventListener('focus', () => void offer());
    return h('div', { class: 'field name-picker' }, h('span', { class: 'muted small' }, label), box, options);
  }

  /** The document's numbered or bulleted points: name the document and its author, keep or drop each, fix its topic and stance. */
  function pointsSection(articleText: HTMLElement): HTMLElement {
    const document = state.pointsDocument ?? { name: '', author: '' };
    const docInput = (label: string, key: 'name' | 'author', placeholder: string) => {
      const element = h('input', { class: 'input small', 'aria-label': label, 'data-field': `points-${key}`, placeholder, value: document[key] });
      element.addEventListener('change', () => update(setPointsDocument(state, { ...(state.pointsDocument ?? { name: '', author: '' }), [key]: element.value })));
      return h('label', { class: 'field' }, h('span', { class: 'muted small' }, label), element);
    };
    return h('div', { class: 'candidate-points' },
      h('h3', {}, `Points of the document (${pointsOf(state).length})`),
      h('div', { class: 'fields' }, docInput('Document name', 'name', 'e.g. Ostland memorandum'), docInput('Author', 'author', 'party:…')),
      h('ol', { class: 'plain-list' }, pointsOf(state).map((point) => pointCard(point, articleText))));
  }

  function pointCard(point: CandidatePoint, articleText: HTMLElement): HTMLElement {
    const kept = state.pointDecisions?.[point.order] !== false;
    const edit = (change: Partial<CandidatePoint>) => update(editPoint(state, point.order, change));
    const topic = h('select', { class: 'select small', 'aria-label': 'Topic', 'data-field': 'topic' },
      POINT_TOPICS.map((t) => h('option', { value: t, ...(t === (point.topic ?? 'process_talks') ? { selected: true } : {}) }, t.replace(/_/g, ' '))));
    topic.addEventListener('change', () => edit({ topic: topic.value as PointTopic }));
    const type = h('select', { class: 'select small', 'aria-label': 'Stance type', 'data-field': 'type' },
      STANCE_TYPE_NAMES.map((t) => h('option', { value: t, ...(t === point.type ? { selected: true } : {}) }, STANCE_TYPES[t].verb)));
    type.addEventListener('change', () => edit({ type: type.value as StanceType }));
    const position = h('input', { class: 'input small', 'aria-label': 'Position', 'data-field': 'position', value: point.position.id });
    position.addEventListener('change', () => edit({ position: { ...point.position, id: position.value.trim() } }));
    return h('li', { class: `candidate candidate-point ${kept ? 'accepted' : 'rejected'}`, 'data-order': String(point.order), 'data-start': String(point.start), 'data-end': String(point.end) },
      h('button', { type: 'button', class: 'link locate', onclick: () => locate(articleText, point.start) }, `${point.marker} ${point.text}`),
      point.condition ? h('p', { class: 'muted small' }, `condition: ${point.condition}`) : null,
      h('div', { class: 'fields' },
        h('label', { class: 'field' }, h('span', { class: 'muted small' }, 'Topic'), topic),
        h('label', { class: 'field' }, h('span', { class: 'muted small' }, 'Stance'), type),
        h('label', { class: 'field' }, h('span', { class: 'muted small' }, 'Position'), position)),
      h('button', { type: 'button', class: 'button small', 'data-action': 'toggle-point', 'aria-pressed': String(kept), onclick: () => update(decidePoint(state, point.order, !kept)) },
        kept ? 'Kept' : 'Dropped'));
  }

  function aliasOffer(offer: AliasOffer): HTMLElement {
    const kept = isAliasKept(state, offer);
    return h('li', { class: 'alias-offer', 'data-entity': offer.entity },
      `“${offer.text}” looks like ${offer.name} `,
      h('button', { type: 'button', class: 'button small', 'aria-pressed': String(kept), onclick: () => update(keepAlias(state, offer, !kept)) },
        kept ? 'Kept as an alias' : `Keep as an alias of ${offer.name}`));
  }

  function proposedEntity(entity: { id: string; type: string; name: string }): HTMLElement {
    const rename = h('input', { class: 'input small', 'aria-label': `Name of ${entity.name}`, 'data-field': 'entity-name', value: entity.name });
    rename.addEventListener('change', () => update(renameEntity(state, entity.id, rename.value)));
    const box = h('input', { class: 'input small', 'aria-label': `Merge ${entity.name} into an existing entity`, placeholder: 'Merge into… (search)' });
    const hits = h('ul', { class: 'plain-list merge-hits' });
    box.addEventListener('input', async () => {
      const q = box.value.trim();
      if (q.length < 2) return replaceChildren(hits);
      const found = await api.search({ query: { q } }).then((answer) => answer.results, () => []);
      replaceChildren(hits, found.filter((hit) => hit.id !== entity.id).slice(0, 6).map((hit) =>
        h('li', {}, h('button', { type: 'button', class: 'link', 'data-merge': hit.id, onclick: () => update(mergeEntity(state, entity.id, { id: hit.id, name: hit.label })) }, `${hit.label} (${hit.type})`))));
    });
    return h('li', { class: 'proposed-entity', 'data-entity': entity.id },
      h('strong', {}, entity.name), ` ${entity.type}`,
      h('label', { class: 'field' }, h('span', { class: 'muted small' }, 'Rename'), rename),
      box, hits);
  }

  render();
  const element = h('section', { class: 'source-view', 'aria-label': 'Add source' },
    h('div', { class: 'source-form' },
      h('div', { class: 'toolbar' }, title, publishedAt, publisher),
      h('div', { class: 'toolbar source-fields' }, url, reliability, credibility),
      text,
      h('div', { class: 'toolbar' }, file, extractButton, message)),
    review);
  return { element, kill() {} };
}

/** The Admiralty scale in words (server/contract/common.ts, gradeSchema). */
const RELIABILITY: Array<[SourceDraftState['form']['reliability'], string]> = [
  ['A', 'completely reliable'], ['B', 'usually reliable'], ['C', 'fairly reliable'], ['D', 'not usually reliable'], ['E', 'unreliable'], ['F', 'reliability cannot be judged'],
];
const CREDIBILITY: Array<[SourceDraftState['form']['credibility'], string]> = [
  ['1', 'confirmed'], ['2', 'probably true'], ['3', 'possibly true'], ['4', 'doubtful'], ['5', 'improbable'], ['6', 'truth cannot be judged'],
];

/** The selection inside `container` as offsets into its text; null when nothing (or something outside it) is selected. */
function selectionIn(container: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const offsetOf = (node: Node, offset: number) => {
    const before = document.createRange();
    before.setStart(container, 0);
    before.setEnd(node, offset);
    return before.toString().length;
  };
  const [start, end] = [offsetOf(range.startContainer, range.startOffset), offsetOf(range.endContainer, range.endOffset)];
  return end > start ? { start, end } : null;
}

/** The article with actors, positions and quotes marked at their offsets, and the stances the analyst added at theirs. */
function highlightedText(text: string, provenance: NonNullable<SourceDraftState['draft']>['provenance']): HTMLElement {
  return markedText(text, [
    ...provenance.stances.filter((p) => p.cue === ADDED_CUE).map((p) => ({ start: p.start, end: p.end, kind: 'added', title: 'stance added by you' })),
    ...provenance.quotes.map((q) => ({ start: q.start, end: q.end, kind: 'quote', title: `quote · ${q.speaker ?? 'unattributed'}` })),
    ...provenance.mentions.map((m) => ({ start: m.start, end: m.end, kind: m.type === 'Position' || m.type === 'Event' ? 'position' : 'actor', title: `${m.type} · ${m.entity}` })),
  ]);
}

/** Scrolls the article to the words at `offset` and flashes them. */
function locate(container: HTMLElement, offset: number): void {
  let seen = 0;
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (seen + length > offset) {
      const range = document.createRange();
      range.setStart(node, offset - seen);
      range.setEnd(node, Math.min(length, offset - seen + 1));
      const target = node.parentElement ?? container;
      target.scrollIntoView({ block: 'center' });
      container.querySelector('.located')?.classList.remove('located');
      target.classList.add('located');
      container.dataset.located = String(offset);
      return;
    }
    seen += length;
  }
}
