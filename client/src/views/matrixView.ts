/**
 * The party × position stance matrix as a heatmap: each cell is the party's latest stance,
 * coloured by family and shaded by how much evidence backs it; a cell opens its evidence.
 */
import type { MatrixCell, MatrixResponse } from '../../../server/contract/api.ts';
import { api } from '../api/client.ts';
import { humanize } from '../graph/encoding.ts';
import type { ExplorerContext, View } from './context.ts';
import { errorMessage, evidenceList, h, replaceChildren } from './dom.ts';

export function createMatrixView(context: ExplorerContext): View {
  const { store } = context;
  const content = h('div', { class: 'matrix-content' });
  const dialogBody = h('div', { class: 'dialog-body' });
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'matrix-dialog-title' },
    h('form', { method: 'dialog', class: 'dialog-close' }, h('button', { class: 'button icon', 'aria-label': 'Close' }, '×')),
    dialogBody);
  const element = h('section', { class: 'matrix-view', 'aria-label': 'Stance matrix' },
    h('p', { class: 'muted small' }, 'Each party’s latest stance on each position. Darker cells rest on more evidence. Select a cell to read its evidence.'),
    content, dialog);
  let requested: string | null | undefined;

  async function openCell(cell: MatrixCell, partyName: string, positionName: string) {
    replaceChildren(dialogBody, h('h2', { id: 'matrix-dialog-title' }, `${partyName} · ${positionName}`), h('p', { class: 'muted' }, 'Loading evidence…'));
    dialog.showModal();
    try {
      const trace = await api.trace(cell.position, store.get().filters.asOf);
      const stances = Object.values(trace.stances).flat().filter((s) => s.party?.id === cell.party || s.actor.id === cell.party);
      replaceChildren(dialogBody, h('h2', { id: 'matrix-dialog-title' }, `${partyName} · ${positionName}`),
        stances.length === 0 ? h('p', { class: 'muted' }, 'No stance evidence found.') : h('ul', { class: 'stance-list' }, stances.map((s) =>
          h('li', { class: `stance family-${s.family}` },
            h('p', { class: 'stance-line' }, s.actor.label, ' ', h('span', { class: `badge family-${s.family}` }, humanize(s.type)), s.date ? h('span', { class: 'date' }, s.date) : null),
            s.condition ? h('p', { class: 'condition' }, `On condition: ${s.condition}`) : null,
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
          return h('td', { class: `matrix-cell family-${family}` },
            h('button', {
              type: 'button',
              class: 'cell-button',
              style: `--strength:${strength.toFixed(2)}`,
              'aria-label': `${party.label} ${humanize(type)} ${position.label} on ${date}, ${cell.evidenceCount} pieces of evidence`,
              onclick: () => void openCell(cell, party.label, position.label),
            }, humanize(type), h('small', {}, String(cell.evidenceCount))));
        })))))));
  }

  const sync = () => {
    const { mode, filters } = store.get();
    if (mode !== 'matrix' || requested === filters.asOf) return;
    requested = filters.asOf;
    replaceChildren(content, h('p', { class: 'muted' }, 'Loading the matrix…'));
    api.matrix(filters.asOf).then(
      (matrix) => requested === filters.asOf && render(matrix),
      (err) => replaceChildren(content, h('p', { class: 'error', role: 'alert' }, `The matrix could not be loaded: ${errorMessage(err)}`)),
    );
  };
  const unsubscribe = store.subscribe(sync);
  sync();
  return { element, kill: unsubscribe };
}
