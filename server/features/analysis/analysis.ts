/**
 * The analyst views: the trace of a position (who stood where, on what condition, per which
 * source, and how it relates to other positions), an actor's stances, the party × position
 * matrix, and shortest paths between two nodes.
 */
import type { Database } from '../../db/database.ts';
import { type StanceRow, readStances } from '../../core/stancesData.ts';
import { type DatedNodeRow, type PositionLinkRow, readMatrix, readMatrixAxes, readPositionEvents, readPositionLinks, readShortestPaths } from './data.ts';
import { readNodesById } from '../../core/nodesData.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { toGraphNode } from '../graph/graph.ts';
import { ACTOR_TYPES, STANCE_TYPE_NAMES, STANCE_TYPES, type PositionRelation, type StanceType } from '../../contract/model.ts';
import type { GradeFilter, Reversal, StanceStep } from '../../contract/common.ts';
import type { ActorStancesResponse, MatrixResponse, PathsResponse, PositionLink, TimelineEntry, TraceResponse } from '../../contract/analysis.ts';
import { admissibleSources } from '../../core/grading.ts';
import { negotiationScope, scopedRead } from '../../core/negotiations.ts';
import { readStanceNegotiations, UNASSIGNED_NEGOTIATION } from '../../core/negotiationsData.ts';
import { corroborationOf, groupBy, reversalsIn, stepOf } from '../../core/reports.ts';
import { judgeDispute, toDispute } from '../../core/disputes.ts';

async function requireNode(db: Database, id: string, types: readonly string[], what: string) {
  const [row] = await readNodesById(db, [id]);
  if (!row || !types.includes(row.type)) throw new NotFoundError(`No ${what} with id ${id}`);
  return row;
}

/** The day of an analyst view, which sources count (`grading.ts`), and which negotiation (absent: all). */
interface ViewFilter extends GradeFilter {
  asOf: string | null;
  negotiation?: string | undefined;
}

export async function tracePosition(db: Database, id: string, { asOf, negotiation: scope, ...grading }: ViewFilter): Promise<TraceResponse> {
  // The unknown position's 404 first, then the negotiation's (checked only when no stance or event
  // read from it shows that it exists), then the grade filter's.
  const position = await requireNode(db, id, ['Position'], 'position');
  const [, [stances, links, dated, conditionalStances]] = await scopedRead(
    db,
    scope,
    async (negotiation) => {
      const sources = await admissibleSources(db, grading);
      return Promise.all([
        readStances(db, { position: id, asOf, sources, negotiation }),
        readPositionLinks(db, id),
        readPositionEvents(db, id, asOf, negotiation),
        readStances(db, { conditionOn: id, asOf, sources, negotiation }),
      ]);
    },
    ([stances, , dated, conditional]) => stances.length + dated.length + conditional.length > 0,
  );
  const byType: TraceResponse['stances'] = {};
  for (const stance of stances) (byType[stance.type] ??= []).push(withCorroboration(stance));
  // A party's stances on the position, its officials' included, are one line of change.
  const reversed = new Map<string, StanceStep>();
  const disputes: TraceResponse['disputes'] = [];
  for (const group of groupBy(stances, (s) => s.party?.id ?? s.actor.id).values()) {
    for (const { from, to } of reversalsIn(group)) reversed.set(to.id, stepOf(from));
    const dispute = toDispute(judgeDispute(group));
    if (dispute) disputes.push({ actor: group[0]!.party ?? group[0]!.actor, dispute });
  }
  const linked = links.map(describeLink);
  const linksOf = (relation: PositionRelation, direction: PositionLink['direction']) =>
    linked.filter((l) => l.relation === relation && (relation === 'ALTERNATIVE_TO' || l.direction === direction));
  const timeline: TimelineEntry[] = [
    ...stances.map((s) => ({
      date: s.date,
      datePrecision: s.datePrecision,
      kind: 'stance' as const,
      id: s.id,
      text: stanceSentence(s),
      reverses: reversed.get(s.id) ?? null,
    })),
    ...datedNodeEntries(dated, position.label),
  ].sort(timelineOrder(new Map(stances.map((s) => [s.id, s.type]))));
  return {
    position: toGraphNode(position),
    asOf,
    stances: byType,
    preconditions: linksOf('HAS_PRECONDITION', 'outgoing'),
    preconditionOf: linksOf('HAS_PRECONDITION', 'incoming'),
    alternatives: linksOf('ALTERNATIVE_TO', 'outgoing'),
    conditions: linksOf('CONDITIONAL_ON', 'outgoing'),
    conditionOf: linksOf('CONDITIONAL_ON', 'incoming'),
    conditionalStances: conditionalStances.map(withCorroboration),
    timeline,
    disputes,
  };
}

/**
 * The order of a trace's timeline: by date; on one day events and documents first (what
 * happened), then stances in the vocabulary's order, so a proposal comes before the agreement
 * or rejection that answers it (stances carry a day, not a time); then by id, so it is stable.
 */
export function timelineOrder(typeOf: ReadonlyMap<string, StanceType>) {
  const rank = (entry: TimelineEntry) => {
    const type = typeOf.get(entry.id);
    return type === undefined ? -1 : STANCE_TYPE_NAMES.indexOf(type);
  };
  return (a: TimelineEntry, b: TimelineEntry) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || rank(a) - rank(b) || a.id.localeCompare(b.id);
}

/** One timeline line per event or document, however many ways it touches the position. */
function datedNodeEntries(rows: DatedNodeRow[], positionLabel: string): TimelineEntry[] {
  const byId = new Map<string, { row: DatedNodeRow; hows: string[] }>();
  for (const row of rows) {
    const entry = byId.get(row.id);
    if (entry) entry.hows.push(row.how);
    else byId.set(row.id, { row, hows: [row.how] });
  }
  return [...byId.values()].map(({ row, hows }) => ({
    date: row.date,
    datePrecision: row.datePrecision,
    kind: row.kind,
    id: row.id,
    text: `${row.label} (${hows.join(' and ')} ${positionLabel})`,
  }));
}

function describeLink(link: PositionLinkRow): PositionLink {
  const other = link.position.label;
  const out = link.direction === 'outgoing';
  const meanings: Record<PositionRelation, string> = {
    HAS_PRECONDITION: out ? `requires ${other} first` : `is the precondition of ${other}`,
    ALTERNATIVE_TO: out ? `was put forward instead of ${other}` : `${other} was put forward instead of it`,
    CONDITIONAL_ON: out ? `can only happen after ${other}` : `is the condition of ${other}`,
  };
  return { ...link, meaning: meanings[link.relation] };
}

/** "Russia rejected Full and unconditional ceasefire (only if …)". */
function stanceSentence(s: Pick<StanceRow, 'type' | 'actor' | 'target' | 'condition'>): string {
  const verb = STANCE_TYPES[s.type as StanceType]?.verb ?? s.type;
  return `${s.actor.label} ${verb} ${s.target.label}${s.condition ? ` (${s.condition})` : ''}`;
}

export async function actorStances(db: Database, id: string, { asOf, negotiation: scope, byNegotiation = false, ...grading }: ViewFilter & { byNegotiation?: boolean }): Promise<ActorStancesResponse> {
  const actor = await requireNode(db, id, ACTOR_TYPES, 'actor (party, official or delegation)');
  const negotiation = await negotiationScope(db, scope);
  const stances = await readStances(db, { actor: id, asOf, sources: await admissibleSources(db, grading), negotiation });
  const actorRef = { id: actor.id, label: actor.label, type: actor.type };
  const reversals: Reversal[] = [...groupBy(stances, (s) => s.target.id).values()]
    .flatMap((group) => reversalsIn(group).map(({ from, to }) => ({ actor: actorRef, target: to.target, from: stepOf(from), to: stepOf(to) })))
    .sort((a, b) => a.to.date.localeCompare(b.to.date) || a.to.stanceId.localeCompare(b.to.stanceId));
  const listed = stances.map((s) => ({ ...withCorroboration(s), rolledUp: s.actor.id !== id }));
  const answer: ActorStancesResponse = { actor: toGraphNode(actor), asOf, stances: listed, reversals };
  if (!byNegotiation) return answer;
  return { ...answer, ...sideBySide(listed, await readStanceNegotiations(db, listed.map((s) => s.id))) };
}

type ActorStance = ActorStancesResponse['stances'][number];

/**
 * One party across negotiations: its stances grouped per negotiation they belong to (by name,
 * "Unassigned" last), each marked with the other negotiations where it holds a stance on the same
 * target and whether its latest stance on that target differs in type between them.
 */
export function sideBySide(stances: ActorStance[], membership: { stance: string; id: string; name: string }[]): Required<Pick<ActorStancesResponse, 'byNegotiation' | 'sharedTargets'>> {
  const byId = new Map(stances.map((s) => [s.id, s]));
  const names = new Map<string, string>();
  const groups = new Map<string, ActorStance[]>();
  for (const { stance, id, name } of membership) {
    const s = byId.get(stance);
    if (!s) continue;
    names.set(id, name);
    (groups.get(id) ?? groups.set(id, []).get(id)!).push(s);
  }
  // Per target, per negotiation: the actor's latest stance there.
  const latest = new Map<string, Map<string, ActorStance>>();
  for (const [negotiation, members] of groups) {
    for (const s of members) {
      const perNegotiation = latest.get(s.target.id) ?? latest.set(s.target.id, new Map()).get(s.target.id)!;
      const held = perNegotiation.get(negotiation);
      if (!held || s.date > held.date || (s.date === held.date && s.id > held.id)) perNegotiation.set(negotiation, s);
    }
  }
  const differs = (target: string) => new Set([...(latest.get(target)?.values() ?? [])].map((s) => s.type)).size > 1;
  const order = [...groups.keys()].sort((a, b) => Number(a === UNASSIGNED_NEGOTIATION) - Number(b === UNASSIGNED_NEGOTIATION) || names.get(a)!.localeCompare(names.get(b)!) || a.localeCompare(b));
  const byNegotiation = order.map((negotiation) => ({
    negotiation: { id: negotiation, name: names.get(negotiation)! },
    stances: groups.get(negotiation)!.map((s) => {
      const alsoIn = order.filter((other) => other !== negotiation && latest.get(s.target.id)!.has(other));
      return { ...s, alsoIn, differs: alsoIn.length > 0 && differs(s.target.id) };
    }),
  }));
  const sharedTargets = [...latest.entries()]
    .filter(([, perNegotiation]) => perNegotiation.size > 1)
    .map(([target, perNegotiation]) => ({
      target: [...perNegotiation.values()][0]!.target,
      negotiations: order.filter((n) => perNegotiation.has(n)).map((n) => ({ id: n, name: names.get(n)!, latest: stepOf(perNegotiation.get(n)!) })),
      differs: differs(target),
    }))
    .sort((a, b) => a.target.label.localeCompare(b.target.label) || a.target.id.localeCompare(b.target.id));
  return { byNegotiation, sharedTargets };
}

/** A stance with how many sources, publishers and first-hand reports stand behind it. */
export function withCorroboration<T extends Pick<StanceRow, 'evidence'>>(stance: T) {
  return { ...stance, corroboration: corroborationOf(stance.evidence) };
}

export async function partyPositionMatrix(db: Database, { asOf, stanceTypes = null, negotiation: scope, ...grading }: ViewFilter & { stanceTypes?: readonly StanceType[] | null }): Promise<MatrixResponse> {
  const [, [axes, cells]] = await scopedRead(
    db,
    scope,
    async (negotiation) => {
      const sources = await admissibleSources(db, grading);
      return Promise.all([readMatrixAxes(db, negotiation), readMatrix(db, asOf, sources, stanceTypes, negotiation)]);
    },
    ([axes, cells]) => axes.length + cells.length > 0,
  );
  return {
    asOf,
    parties: axes.filter((a) => a.type === 'Party'),
    positions: axes.filter((a) => a.type === 'Position'),
    cells: cells.map(({ party, position, stances }) => {
      const judgement = judgeDispute(stances)!;
      const { id, type, family, date, actor } = judgement.headline;
      const last = reversalsIn(stances).at(-1);
      return {
        party,
        position,
        latest: { id, type, family, date, actor },
        stanceCount: stances.length,
        evidenceCount: stances.reduce((sum, s) => sum + s.evidence.length, 0),
        reversal: last ? { from: stepOf(last.from), to: stepOf(last.to), date: stepOf(last.to).date } : null,
        dispute: toDispute(judgement),
      };
    }),
  };
}

export async function shortestPaths(db: Database, from: string, to: string, max: number): Promise<PathsResponse> {
  if (from === to) throw new ValidationError('from and to must be different nodes', [{ path: 'to', message: 'must differ from from' }]);
  const found = new Set((await readNodesById(db, [from, to])).map((n) => n.id));
  for (const [field, id] of [['from', from], ['to', to]] as const) {
    if (!found.has(id)) throw new NotFoundError(`No node with id ${id}`, [{ path: field, message: `unknown id ${id}` }]);
  }
  return { from, to, paths: await readShortestPaths(db, from, to, max) };
}
