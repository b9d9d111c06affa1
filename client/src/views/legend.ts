/** The key to colours and shapes, drawn from the same encoding the renderer uses. */
import { NODE_TYPES } from '../../../server/contract/model.ts';
import { type EdgeFamily, FAMILY_STYLE, NODE_TYPE_STYLE } from '../graph/encoding.ts';
import { h } from './dom.ts';

const FAMILY_ORDER: EdgeFamily[] = ['proposal', 'support', 'rejection', 'other', 'structure'];

export function legend(): HTMLElement {
  return h(
    'section',
    { class: 'legend', 'aria-label': 'Legend' },
    h('h2', { class: 'legend-title' }, 'Nodes'),
    h('ul', {}, NODE_TYPES.map((type) => {
      const style = NODE_TYPE_STYLE[type];
      return h('li', { title: style.description }, h('span', { class: `swatch shape-${style.shape}`, style: `--swatch:${style.color}`, 'aria-hidden': 'true' }), type);
    })),
    h('h2', { class: 'legend-title' }, 'Stances'),
    h('ul', {}, FAMILY_ORDER.map((family) =>
      h('li', {}, h('span', { class: 'swatch edge', style: `--swatch:${FAMILY_STYLE[family].color}`, 'aria-hidden': 'true' }), FAMILY_STYLE[family].label),
    )),
  );
}
