/**
 * An EXPLAIN or PROFILE plan drawn as a tree, as Neo4j Browser does, from the result down to the
 * first operator: each operator with its details, estimated rows, and for PROFILE the rows it
 * produced and its db hits. The costliest operator is marked, so a slow query shows where.
 */
import type { PlanNode } from '../../../server/contract/console.ts';
import { h } from '../views/dom.ts';

const number = new Intl.NumberFormat('en');

function measures(node: PlanNode): string[] {
  return [
    node.rows !== null ? `${number.format(node.rows)} row${node.rows === 1 ? '' : 's'}` : null,
    node.dbHits !== null ? `${number.format(node.dbHits)} db hit${node.dbHits === 1 ? '' : 's'}` : null,
    node.estimatedRows !== null ? `est. ${number.format(Math.round(node.estimatedRows * 10) / 10)} rows` : null,
  ].filter((x): x is string => x !== null);
}

function totalHits(node: PlanNode): number {
  return (node.dbHits ?? 0) + node.children.reduce((sum, child) => sum + totalHits(child), 0);
}

function maxHits(node: PlanNode): number {
  return Math.max(node.dbHits ?? 0, ...node.children.map(maxHits));
}

export function planTree(plan: PlanNode, profiled: boolean): HTMLElement {
  const costliest = maxHits(plan);
  const item = (node: PlanNode): HTMLElement =>
    h('li', { class: `plan-operator${profiled && costliest > 0 && node.dbHits === costliest ? ' costliest' : ''}`, 'data-operator': node.operator },
      h('div', { class: 'plan-box' },
        h('strong', { class: 'plan-name' }, node.operator),
        node.details ? h('code', { class: 'plan-details' }, node.details) : null,
        h('span', { class: 'plan-measures' }, measures(node).join(' · '))),
      node.children.length ? h('ul', {}, node.children.map(item)) : null);
  return h('div', { class: 'plan' },
    h('p', { class: 'result-summary' }, profiled ? `PROFILE: ${number.format(totalHits(plan))} db hits in total.` : 'EXPLAIN: the plan Neo4j would run, with its estimates; nothing was run.'),
    h('ul', { class: 'plan-tree', 'aria-label': profiled ? 'Profiled query plan' : 'Query plan' }, item(plan)));
}
