/**
 * Ask: a plain-English question answered by the API with a sentence, its citations (each opens in
 * its source), the interpretation and, for a "not found", the closest passages; and the named
 * analyst questions as a menu, each with a form built from its typed parameters.
 */
import type { AskCitation, AskResponse } from '../../../server/contract/ask.ts';
import type { Question, QuestionAnswer, QuestionParam } from '../../../server/contract/questions.ts';
import { api } from '../api/client.ts';
import { select, setMode, setQuestion } from '../state/explorer.ts';
import type { ExplorerContext, View } from './context.ts';
import { corroborationLine, dataTable, errorMessage, evidenceList, h, replaceChildren } from './dom.ts';

const EXAMPLES = ['Who rejected the ceasefire?', 'What did Russia offer instead of a ceasefire?', 'Which positions did Ukraine and Russia both accept?', 'What happened in Sumy?'];

function resultBlock(result: QuestionAnswer, caption: string): HTMLElement[] {
  return [
    result.columns.length ? dataTable(result.columns, result.rows, caption) : h('p', { class: 'muted' }, 'No rows.'),
    result.evidence.length ? h('section', { class: 'answer-evidence' }, h('h3', {}, 'Evidence'), evidenceList(result.evidence)) : h('p', { class: 'muted small' }, 'No evidence returned.'),
  ];
}

/** The source's words: a verbatim quote in quotation marks, or our summary, labelled and never quoted. */
function wordsOf(citation: AskCitation): HTMLElement {
  if (citation.quote) return h('blockquote', { class: 'quote' }, `“${citation.quote}”`);
  if (citation.summary) return h('p', { class: 'summary' }, h('span', { class: 'summary-label' }, 'Summary, not a quote: '), citation.summary);
  return h('p', { class: 'muted small' }, 'No words recorded.');
}

function sourceLine(citation: AskCitation): string {
  return [citation.sourceTitle ?? citation.sourceId ?? 'Unknown source', citation.sourceDate, citation.via ? `via ${citation.via}` : null].filter(Boolean).join(' · ');
}

/** Reads a form value into what the parameter's type expects. */
function paramValue(param: QuestionParam, raw: string): unknown {
  if (/\[\]|list|array/i.test(param.type)) return raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (/int|number|float/i.test(param.type)) return Number(raw);
  return raw;
}

export function createAskView(context: ExplorerContext): View {
  const { store, graph } = context;
  const input = h('input', { type: 'text', class: 'ask-input', name: 'question', 'aria-label': 'Your question', placeholder: 'Who rejected the ceasefire?' });
  const answer = h('div', { class: 'answer', 'aria-live': 'polite' });
  const questionMenu = h('select', { class: 'select', 'aria-label': 'Named question' });
  const paramForm = h('form', { class: 'param-form' });
  const questionResult = h('div', { class: 'answer', 'aria-live': 'polite' });
  const entityOptions = h('datalist', { id: 'entity-ids' });
  let questions: Question[] = [];

  const sourcePanel = h('section', { class: 'source-context', 'aria-label': 'Citation in its source', hidden: true });

  /** Opens a citation in its source: the source, the quote marked among the answer's other words from it. */
  function openInSource(citation: AskCitation, all: AskCitation[]) {
    const sameSource = all.filter((c) => c.sourceId === citation.sourceId);
    const link = citation.sourceUrl ? h('a', { href: citation.sourceUrl, target: '_blank', rel: 'noopener' }, 'Open the original') : null;
    replaceChildren(sourcePanel,
      h('h3', { tabindex: '-1', class: 'source-title' }, citation.sourceTitle ?? citation.sourceId ?? 'Unknown source'),
      h('p', { class: 'muted small' }, [citation.sourceDate ? `Published ${citation.sourceDate}` : null, citation.sourceId].filter(Boolean).join(' · '), link ? ' · ' : '', link),
      h('ol', { class: 'source-passages' }, sameSource.map((c) => h('li', { class: c === citation ? 'current' : '', 'aria-current': c === citation ? 'true' : null },
        h('p', { class: 'small' }, c.statement, c.date ? ` (${c.date})` : ''), wordsOf(c)))),
      h('div', { class: 'toolbar' },
        citation.entityIds[0] ? h('button', { type: 'button', class: 'button', onclick: () => store.update((s) => setMode(select(s, citation.entityIds[0]!), 'graph')) }, 'Show in graph') : null,
        h('button', { type: 'button', class: 'button', onclick: () => { sourcePanel.hidden = true; } }, 'Close')));
    sourcePanel.hidden = false;
    sourcePanel.querySelector<HTMLElement>('.source-title')?.focus();
  }

  function citationTable(citations: AskCitation[], caption: string): HTMLElement {
    return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption },
      h('table', { class: 'data-table citations' },
        h('caption', { class: 'visually-hidden' }, caption),
        h('thead', {}, h('tr', {}, ['What', 'Date', 'Words', 'Source'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, citations.map((c) => h('tr', {},
          h('td', {}, c.statement),
          h('td', {}, c.date ?? '—'),
          h('td', {}, wordsOf(c)),
          h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => openInSource(c, citations) }, sourceLine(c)), corroborationLine(c.corroboration)))))));
  }

  function interpretationBlock(result: AskResponse): HTMLElement {
    const { interpretation } = result;
    return h('details', { class: 'interpretation' },
      h('summary', {}, `How this was read: ${interpretation.path === 'none' ? 'no path answered' : `the ${interpretation.path} path`}, confidence ${Math.round(result.confidence * 100)}%`),
      h('p', { class: 'small' }, interpretation.reading),
      interpretation.entities.length
        ? h('ul', { class: 'plain-list small' }, interpretation.entities.map((e) => h('li', {}, `“${e.text}” → ${e.label} (${e.type}, ${e.role})`)))
        : h('p', { class: 'muted small' }, 'No names from the graph were found in the question.'),
      interpretation.unexplained.length ? h('p', { class: 'muted small' }, `Words not accounted for: ${interpretation.unexplained.join(', ')}`) : null);
  }

  async function ask(question: string) {
    if (!question.trim()) return;
    input.value = question;
    store.update((s) => setQuestion(s, question));
    sourcePanel.hidden = true;
    replaceChildren(answer, h('p', { class: 'muted' }, 'Thinking…'));
    try {
      const result = await api.ask({ body: { question } });
      replaceChildren(answer,
        h('p', { class: 'answer-sentence', 'data-status': result.status }, result.answer),
        result.citations.length ? [h('h3', {}, 'Citations'), citationTable(result.citations, 'Rows behind the answer')] : null,
        result.closest.length ? [h('h3', {}, 'Closest passages in the sources'), citationTable(result.closest, 'Closest passages')] : null,
        interpretationBlock(result),
        sourcePanel);
    } catch (err) {
      replaceChildren(answer, h('p', { class: 'error', role: 'alert' }, errorMessage(err)));
    }
  }

  function renderParamForm() {
    const question = questions.find((q) => q.id === questionMenu.value);
    replaceChildren(questionResult);
    if (!question) return replaceChildren(paramForm);
    replaceChildren(paramForm,
      question.description ? h('p', { class: 'muted' }, question.description) : null,
      question.params.map((param) => h('label', { class: 'field' },
        h('span', {}, param.name, param.required ? '' : ' (optional)', param.description ? h('small', { class: 'muted' }, ` — ${param.description}`) : null),
        h('input', {
          name: param.name,
          class: 'input',
          type: /date/i.test(param.type) ? 'date' : /int|number|float/i.test(param.type) ? 'number' : 'text',
          list: /date|int|number|float/i.test(param.type) ? null : 'entity-ids',
          required: param.required,
          placeholder: /\[\]|list|array/i.test(param.type) ? 'comma-separated ids' : param.type,
        }))),
      h('button', { type: 'submit', class: 'button primary' }, 'Run question'));
  }

  paramForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const question = questions.find((q) => q.id === questionMenu.value);
    if (!question) return;
    const data = new FormData(paramForm);
    const params = Object.fromEntries(question.params.flatMap((p) => {
      const raw = String(data.get(p.name) ?? '').trim();
      return raw ? [[p.name, paramValue(p, raw)]] : [];
    }));
    replaceChildren(questionResult, h('p', { class: 'muted' }, 'Running…'));
    api.runQuestion({ params: { id: question.id }, body: { params } }).then(
      (result) => replaceChildren(questionResult, resultBlock(result, question.title)),
      (err) => replaceChildren(questionResult, h('p', { class: 'error', role: 'alert' }, errorMessage(err))),
    );
  });
  questionMenu.addEventListener('change', renderParamForm);

  const askForm = h('form', { class: 'ask-form', role: 'search', onsubmit: (event: Event) => { event.preventDefault(); void ask(input.value); } },
    input, h('button', { type: 'submit', class: 'button primary' }, 'Ask'));

  const element = h('section', { class: 'ask-view', 'aria-label': 'Ask' },
    h('div', { class: 'ask-columns' },
      h('div', { class: 'ask-free' },
        h('h2', {}, 'Ask in plain English'),
        askForm,
        h('p', { class: 'examples' }, 'For example: ', EXAMPLES.map((q) => h('button', { type: 'button', class: 'chip', onclick: () => void ask(q) }, q))),
        answer),
      h('div', { class: 'ask-named' },
        h('h2', {}, 'Analyst questions'),
        h('label', { class: 'field' }, h('span', {}, 'Question'), questionMenu),
        paramForm, questionResult, entityOptions)));

  /** Parameter fields suggest node ids by name. */
  const fillEntityOptions = () => replaceChildren(entityOptions, graph.mapNodes((id, a) => h('option', { value: id }, a.label)));
  let loaded = false;
  const sync = () => {
    const state = store.get();
    if (state.mode !== 'ask' || loaded) return;
    loaded = true;
    fillEntityOptions();
    if (state.question) void ask(state.question);
    api.questions().then(
      ({ questions: list }) => {
        questions = list;
        replaceChildren(questionMenu, h('option', { value: '' }, 'Choose a question…'), list.map((q) => h('option', { value: q.id }, q.title)));
      },
      (err) => replaceChildren(questionMenu, h('option', { value: '' }, `Questions unavailable: ${errorMessage(err)}`)),
    );
  };
  const unsubscribe = store.subscribe(sync);
  sync();
  return { element, refresh: fillEntityOptions, kill: unsubscribe };
}
