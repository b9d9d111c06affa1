/**
 * The analyst views: the trace of a position (who stood where, on what condition, per which
 * source, and how it relates to other positions), an actor's stances, the party × position
 * matrix, and shortest paths between two nodes.
 */
import type { Database } from '../db/database.ts';
import {
  type PositionLinkRow,
  type StanceRow,
  readMatrix,
  readMatrixAxes,
  readPositionEvents,
  readPositionLinks,
  readShortestPaths,
  readStances,
} from '../data/explore.ts';
import { readNodesById } from '../data/graph.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { toGraphNode } from './graph.ts';
import { ACTOR_TYPES, STANCE_TYPES, type PositionRelation, type StanceType } from '../contract/model.ts';
import type { PositionLink, TimelineEntry } from '../contract/api.ts';

async function requireNode(db: Database, id: string, types: readonly string[], what: string) {
  const [row] = await readNodesById(db, [id]);
  if (!row || !types.includes(row.type)) throw new NotFoundError(`No ${what} with id ${id}`);
  return row;
}

export async function tracePosition(db: Database, id: string, asOf: string | null) {
  const position = await requireNode(db, id, ['Position'], 'position');
  const [stances, links, dated, conditionalStances] = await Promise.all([
    readStances(db, { position: id, asOf }),
    readPositionLinks(db, id),
    readPositionEvents(db, id, asOf),
    readStances(db, { conditionOn: id, asOf }),
  ]);
  const byType: Record<string, StanceRow[]> = {};
  for (const stance of stances) (byType[stance.type] ??= []).push(stance);
  const linked = links.map(describeLink);
  const timeline: TimelineEntry[] = [
    ...stances.map((s) => ({
      date: s.date,
      datePrecision: s.datePrecision,
      kind: 'stance' as const,
      id: s.id,
      text: stanceSentence(s),
    })),
    ...dated.map((d) => ({ date: d.date, datePrecision: d.datePrecision, kind: d.kind, id: d.id, text: `${d.label} (${d.how} ${position.label})` })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  return {
    position: toGraphNode(position),
    asOf,
    stances: byType,
    preconditions: linked.filter((l) => l.relation === 'HAS_PRECONDITION'),
    alternatives: linked.filter((l) => l.relation === 'ALTERNATIVE_TO'),
    conditions: linked.filter((l) => l.relation === 'CONDITIONAL_ON'),
    conditionalStances,
    timeline,
  };
}

function describeLink(link: PositionLinkRow): PositionLink {
  const other = link.position.label;
  const out = link.direction === 'outgoing';
  const meanings: Record<PositionRelation, string> = {
    HAS_PRECONDITION: out ? `requires ${other} first` : `is a precondition of ${other}`,
    ALTERNATIVE_TO: out ? `was put forward instead of ${other}` : `${other} was put forward instead of it`,
    CONDITIONAL_ON: out ? `can only happen after ${other}` : `must happen before ${other}`,
  };
  return { ...link, meaning: meanings[link.relation] };
}

/** "Russia rejected Full and unconditional ceasefire (only if …)". */
export function stanceSentence(s: Pick<StanceRow, 'type' | 'actor' | 'target' | 'condition'>): string {
  const verb = STANCE_TYPES[s.type as StanceType]?.verb ?? s.type;
  return `${s.actor.label} ${verb} ${s.target.label}${s.condition ? ` (${s.condition})` : ''}`;
}

export async function actorStances(db: Database, id: string, asOf: string | null) {
  const actor = await requireNode(db, id, ACTOR_TYPES, 'actor (party, official or delegation)');
  const stances = await readStances(db, { actor: id, asOf });
  return { actor: toGraphNode(actor), asOf, stances: stances.map((s) => ({ ...s, rolledUp: s.actor.id !== id })) };
}

export async function partyPositionMatrix(db: Database, asOf: string | null) {
  const [axes, cells] = await Promise.all([readMatrixAxes(db), readMatrix(db, asOf)]);
  return {
    asOf,
    parties: axes.filter((a) => a.type === 'Party'),
    positions: axes.filter((a) => a.type === 'Position'),
    cells,
  };
}

export async function shortestPaths(db: Database, from: string, to: string, max: number) {
  if (from === to) throw new ValidationError('from and to must be different nodes', [{ path: 'to', message: 'must differ from from' }]);
  const found = new Set((await readNodesById(db, [from, to])).map((n) => n.id));
  for (const [field, id] of [['from', from], ['to', to]] as const) {
    if (!found.has(id)) throw new NotFoundError(`No node with id ${id}`, [{ path: field, message: `unknown id ${id}` }]);
  }
  return { from, to, paths: await readShortestPaths(db, from, to, max) };
}
