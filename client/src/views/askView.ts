/**
 * Ask: a plain-English question answered by the API with a sentence, rows and evidence; and
 * the named analyst questions as a menu, each with a form built from its typed parameters.
 */
import type { Question, QuestionAnswer, QuestionParam } from '../../../server/contract/api.ts';
import { ApiError, api } from '../api/client.ts';
import { setQuestion } from '../state/explorer.ts';
import type { ExplorerContext, View } from './context.ts';
import { dataTable, errorMessage, evidenceList, h, replaceChildren } from './dom.ts';

const EXAMPLES = ['Who rejected the ceasefire?', 'What did Russia demand?', 'Who backed a leaders’ summit?', 'What do Russia and Ukraine agree on?'];

function resultBlock(result: QuestionAnswer, caption: string): HTMLElement[] {
  return [
    result.columns.length ? dataTable(result.columns, result.rows, caption) : h('p', { class: 'muted' }, 'No rows.'),
    result.evidence.length ? h('section', { class: 'answer-evidence' }, h('h3', {}, 'Evidence'), evidenceList(result.evidence)) : h('p', { class: 'muted small' }, 'No evidence returned.'),
  ];
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

  async function ask(question: string) {
    if (!question.trim()) return;
    input.value = question;
    store.update((s) => setQuestion(s, question));
    replaceChildren(answer, h('p', { class: 'muted' }, 'Thinking…'));
    try {
      const result = await api.ask(question);
      replaceChildren(answer, h('p', { class: 'answer-sentence' }, result.answer || 'No answer sentence.'),
        result.interpretation ? h('p', { class: 'muted small' }, `Answered with the named question “${result.interpretation.questionId}”.`) : null,
        resultBlock(result, 'Rows behind the answer'),
        result.cypher ? h('details', {}, h('summary', {}, 'Cypher'), h('pre', { class: 'code' }, result.cypher)) : null);
    } catch (err) {
      const details = err instanceof ApiError && typeof err.details === 'object' && err.details !== null ? (err.details as { suggestions?: unknown }) : {};
      const suggestions = Array.isArray(details.suggestions) ? details.suggestions.filter((s): s is string => typeof s === 'string') : [];
      replaceChildren(answer, h('p', { class: 'error', role: 'alert' }, errorMessage(err)),
        suggestions.length ? [h('p', {}, 'Try one of these:'), h('ul', { class: 'plain-list' }, suggestions.map((s) => h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => void ask(s) }, s))))] : null);
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
    api.runQuestion(question.id, params).then(
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
      (list) => {
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
