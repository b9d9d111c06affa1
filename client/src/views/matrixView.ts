/**
 * The party × position stance matrix as a heatmap: each cell is the party's latest stance,
 * coloured by family and shaded by how much evidence backs it; a cell opens its evidence.
 */
import type { MatrixCell, MatrixResponse } from '../../../server/contract/analysis.ts';
import { api } from '../api/client.ts';
import { humanize } from '../graph/encoding.ts';
import { STANCE_TYPE_NAMES } from '../../../server/contract/model.ts';
import { disputeSentence, disputeShort } from './disputeText.ts';
import type { ExplorerContext, View } from './context.ts';
import { corroborationLine, errorMessage, evidenceList, h, replaceChildren, shownAnswer } from './dom.ts';

export function createMatrixView(context: ExplorerContext): View {
  const { store } = context;
  const content = h('div', { class: 'matrix-content' });
  const dialogBody = h('div', { class: 'dialog-body' });
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'matrix-dialog-title' },
    h('form', { method: 'dialog', class: 'dialog-close' }, h('button', { class: 'button icon', 'aria-label': 'Close' }, '×')),
    dialogBody);
  const element = h('section', { class: 'matrix-view', 'aria-label': 'Stance matrix' },
    h('p', { class: 'muted small' }, 'Each party’s latest stance on each position. Darker cells rest on more evidence; ↺ marks a reversal, with the stance before and when it changed; “Disputed” marks sources that disagree about the same moment, with each side’s evidence. Select a cell to read its evidence.'),
    content, dialog);
  let requested: string | undefined;
  const shown = shownAnswer();

  async function openCell(cell: MatrixCell, partyName: string, positionName: string) {
    replaceChildren(dialogBody, h('h2', { id: 'matrix-dialog-title' }, `${partyName} · ${positionName}`), h('p', { class: 'muted' }, 'Loading evidence…'));
    dialog.showModal();
    try {
      const trace = await api.trace({ params: { id: cell.position }, query: { asOf: store.get().filters.asOf, ...store.get().sourceFilter, negotiation: store.get().negotiation } });
      const types = store.get().filters.stanceTypes as readonly string[];
      const stances = Object.values(trace.stances).flat().filter((s) => (s.party?.id === cell.party || s.actor.id === cell.party) && types.includes(s.type));
      replaceChildren(dialogBody, h('h2', { id: 'matrix-dialog-title' }, `${partyName} · ${positionName}`),
        stances.length === 0 ? h('p', { class: 'muted' }, 'No stance evidence found.') : h('ul', { class: 'stance-list' }, stances.map((s) =>
          h('li', { class: `stance family-${s.family}` },
            h('p', { class: 'stance-line' }, s.actor.label, ' ', h('span', { class: `badge family-${s.family}` }, humanize(s.type)), s.date ? h('span', { class: 'date' }, s.date) : null),
            s.condition ? h('p', { class: 'condition' }, `On condition: ${s.condition}`) : null,
            corroborationLine(s.corroboration),
            evidenceList(s.evidence)))));
    } catch (err) {
      replaceChildren(dialogBody, h('h2', { id: 'matrix-dialog-title' }, `${partyName} · ${positionName}`), h('p', { class: 'error', role: 'alert' }, errorMessage(err)));
    }
  }

  function render(matrix: MatrixResponse) {
    if (!matrix.parties.length || !matrix.positions.length) {
      replaceChildren(content, h('p', { class: 'empty-state' }, 'No party has taken a stance on a position yet.'));
      return;
    }
    const cells = new Map(matrix.cells.map((c) => [`${c.party}|${c.position}`, c]));
    const mostEvidence = Math.max(1, ...matrix.cells.map((c) => c.evidenceCount));
    replaceChildren(content, h('div', { class: 'matrix-scroll' }, h('table', { class: 'matrix' },
      h('caption', { class: 'visually-hidden' }, 'Stances of parties (rows) on positions (columns)'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Party'), matrix.positions.map((p) => h('th', { scope: 'col', class: 'matrix-position' }, h('span', {}, p.label))))),
      h('tbody', {}, matrix.parties.map((party) => h('tr', {},
        h('th', { scope: 'row' }, party.label),
        matrix.positions.map((position) => {
          const cell = cells.get(`${party.id}|${position.id}`);
          if (!cell) return h('td', { class: 'matrix-cell empty' }, h('span', { class: 'visually-hidden' }, 'no stance'));
          const strength = 0.35 + 0.65 * (cell.evidenceCount / mostEvidence);
          const { type, family, date } = cell.latest;
          const { reversal, dispute } = cell;
          const reversed = reversal ? `, reversed from ${humanize(reversal.from.type)} on ${reversal.date}` : '';
          if (dispute) {
            // Sources disagree: the cell shows both sides, each with its own evidence, in no camp's colour.
            return h('td', { class: 'matrix-cell disputed', 'data-dispute': dispute.reason },
              h('button', {
                type: 'button',
                class: 'cell-button',
                title: disputeSentence(dispute),
                'aria-label': `${party.label} on ${position.label}, disputed on ${date}: ${disputeSentence(dispute)}`,
                onclick: () => void openCell(cell, party.label, position.label),
              }, 'Disputed', h('small', {}, disputeShort(dispute))));
          }
          return h('td', { class: `matrix-cell family-${family}${reversal ? ' reversed' : ''}` },
            h('button', {
              type: 'button',
              class: 'cell-button',
              style: `--strength:${strength.toFixed(2)}`,
              'aria-label': `${party.label} ${humanize(type)} ${position.label} on ${date}${reversed}, ${cell.evidenceCount} pieces of evidence`,
              onclick: () => void openCell(cell, party.label, position.label),
            }, humanize(type), h('small', {}, String(cell.evidenceCount)),
            reversal ? h('span', { class: 'reversal', title: `Changed from ${humanize(reversal.from.type)} to ${humanize(reversal.to.type)} on ${reversal.date}` },
              `↺ ${humanize(reversal.from.type)} → ${humanize(reversal.to.type)}, ${reversal.date}`) : null));
        })))))));
  }

  const sync = () => {
    const { mode, filters, sourceFilter, negotiation } = store.get();
    // Every stance type is the server's default; a narrower choice counts only those stances.
    const stanceTypes = filters.stanceTypes.length === STANCE_TYPE_NAMES.length ? undefined : filters.stanceTypes;
    const key = `${filters.asOf}|${JSON.stringify(sourceFilter)}|${stanceTypes?.join(',') ?? 'all'}|${negotiation}`;
    if (mode !== 'matrix' || requested === key) return;
    requested = key;
    if (stanceTypes?.length === 0) {
      shown.clear();
      replaceChildren(content, h('p', { class: 'empty-state' }, 'No stance type is ticked in the filters, so no cell has a stance to show.'));
      return;
    }
    if (!shown.shows(key)) {
      shown.clear();
      replaceChildren(content, h('p', { class: 'muted' }, 'Loading the matrix…'));
    }
    api.matrix({ query: { asOf: filters.asOf, ...sourceFilter, stanceTypes, negotiation } }).then(
      (matrix) => requested === key && shown.differs(key, matrix) && render(matrix),
      (err) => {
        if (requested !== key) return;
        shown.clear();
        replaceChildren(content, h('p', { class: 'error', role: 'alert' }, `The matrix could not be loaded: ${errorMessage(err)}`));
      },
    );
  };
  const unsubscribe = store.subscribe(sync);
  sync();
  // The graph grew (an ingested source, say): read the matrix afresh when it is shown.
  const refresh = () => {
    requested = undefined;
    sync();
  };
  return { element, refresh, kill: unsubscribe };
}
