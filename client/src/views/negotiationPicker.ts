/**
 * The negotiation selector: "All negotiations", then each negotiation by name (GET
 * /api/negotiations), "Unassigned" only while something is in it. Its value is the state's
 * `negotiation`, kept in the permalink; it sits at the top of the filters column, so it takes no
 * room from the canvas. Hidden while the workspace has no negotiation.
 */
import type { NegotiationAnswer } from '../../../server/contract/negotiations.ts';
import { api } from '../api/client.ts';
import { setNegotiation } from '../state/explorer.ts';
import type { ExplorerContext, View } from './context.ts';
import { errorMessage, h, replaceChildren } from './dom.ts';

/** The negotiation the assignment rule fills with what matches no other (docs/model.md). */
export const UNASSIGNED_NEGOTIATION = 'negotiation:unassigned';

/** The negotiations the selector offers: "Unassigned" only when it holds stances. */
export function selectableNegotiations(negotiations: readonly NegotiationAnswer[]): NegotiationAnswer[] {
  return negotiations.filter((n) => n.id !== UNASSIGNED_NEGOTIATION || n.counts.stances > 0);
}

export function createNegotiationPicker(context: ExplorerContext): View & { reload(): Promise<void> } {
  const { store, announce } = context;
  let known: NegotiationAnswer[] = [];
  const select = h('select', { class: 'select small', id: 'negotiation-select',
    onchange: () => store.update((s) => setNegotiation(s, select.value || null)) });
  const element = h('section', { class: 'filter-section negotiation-filter', hidden: true },
    h('h2', {}, h('label', { for: 'negotiation-select' }, 'Negotiation')), select);

  const sync = () => {
    const current = store.get().negotiation;
    const options = known.map((n) => h('option', { value: n.id, title: n.aliases.join(', ') }, n.name));
    // A permalink may name one the list does not (yet) hold: it stays chosen, by its id.
    if (current && !known.some((n) => n.id === current)) options.push(h('option', { value: current }, current));
    replaceChildren(select, h('option', { value: '' }, 'All negotiations'), options);
    select.value = current ?? '';
    element.hidden = known.length === 0 && !current;
  };

  async function reload(): Promise<void> {
    try {
      known = selectableNegotiations((await api.negotiations()).negotiations);
    } catch (err) {
      announce(`The negotiations could not be loaded: ${errorMessage(err)}`);
    }
    sync();
  }

  const unsubscribe = store.subscribe((state, previous) => state.negotiation !== previous.negotiation && sync());
  sync();
  void reload();
  return { element, reload, kill: unsubscribe };
}
