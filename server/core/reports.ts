/**
 * Many reports of one stance, pure: when two reports describe the same moment (their dates
 * overlap within their precision), whether they are one stance (same family), a conflict (families
 * that disagree) or, at moments one after the other, a reversal; and how well a stance is
 * corroborated by the evidence behind it. docs/model.md, "Many reports of one stance".
 */
import type { DatePrecision, StanceFamily } from '../contract/model.ts';
import type { Corroboration, StanceStep } from '../contract/common.ts';

/** A stance's moment: its date read with its precision. */
interface Dated {
  date: string;
  datePrecision: string;
}

const PERIOD: Record<DatePrecision, (d: Date) => void> = {
  day: (d) => d.setUTCDate(d.getUTCDate() + 1),
  week: (d) => d.setUTCDate(d.getUTCDate() + 7),
  month: (d) => d.setUTCMonth(d.getUTCMonth() + 1),
  year: (d) => d.setUTCFullYear(d.getUTCFullYear() + 1),
};

/** The days a date covers, as [start, end) in ms: a coarser date starts its period (docs/model.md). */
function momentOf({ date, datePrecision }: Dated): [number, number] {
  const start = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  const end = new Date(start);
  (PERIOD[datePrecision as DatePrecision] ?? PERIOD.day)(end);
  return [start.getTime(), end.getTime()];
}

/** True when the two dates can be the same moment: 2025-06-02 (day) lies in June 2025 (month). */
export function sameMoment(a: Dated, b: Dated): boolean {
  const [aStart, aEnd] = momentOf(a);
  const [bStart, bEnd] = momentOf(b);
  return aStart < bEnd && bStart < aEnd;
}

/** True when `later` starts after `earlier` has ended. */
function strictlyAfter(later: Dated, earlier: Dated): boolean {
  return momentOf(later)[0] >= momentOf(earlier)[1];
}

/**
 * Families that say opposite things: a rejection against a proposal or support. `other`
 * (claims, statements, holding off) takes no side, and proposing then agreeing is no reversal.
 */
export function familiesDisagree(a: StanceFamily, b: StanceFamily): boolean {
  const sided = (f: StanceFamily) => f !== 'other';
  return sided(a) && sided(b) && (a === 'rejection') !== (b === 'rejection');
}

/** A stance the graph holds, as a candidate for a payload's stance with the same actor and target. */
export interface HeldStance extends Dated {
  id: string;
  actor: string;
  target: string;
  family: StanceFamily;
  /** Ids of the sources whose evidence it carries. */
  sources: string[];
}

export interface ReportedStance extends Dated {
  id: string;
  actor: string;
  target: string;
  family: StanceFamily;
}

/**
 * Where each of a source's stances belongs in the graph: its own id, unless the graph already
 * holds that stance (same actor, target and family, same moment) under another id. A stance that
 * already carries this source's evidence keeps it, so re-ingesting, deleting and restoring a
 * source find the stance it attached to before; otherwise the first held stance by id wins.
 * Answers only the stances that go elsewhere: payload id → held id.
 */
export function placeReportedStances(sourceId: string, reported: ReportedStance[], held: HeldStance[]): Map<string, string> {
  const own = new Set(reported.map((s) => s.id));
  const placed = new Map<string, string>();
  for (const stance of reported) {
    const candidates = held.filter((h) => h.actor === stance.actor && h.target === stance.target);
    if (candidates.some((h) => h.id === stance.id)) continue;
    const same = candidates
      .filter((h) => !own.has(h.id) && h.family === stance.family && sameMoment(h, stance))
      .sort((a, b) => Number(b.sources.includes(sourceId)) - Number(a.sources.includes(sourceId)) || a.id.localeCompare(b.id));
    if (same[0]) placed.set(stance.id, same[0].id);
  }
  return placed;
}

interface ReportEvidence {
  source: string | null;
  sourcePublisher?: string | null;
  reporting: string | null;
}

/** Sources, distinct publishers (a source without one counts as its own) and first- or second-hand sources. */
export function corroborationOf(evidence: ReportEvidence[]): Corroboration {
  const firstHand = new Set<string>();
  const bySource = new Map<string, string>();
  for (const item of evidence) {
    if (item.source === null) continue;
    bySource.set(item.source, item.sourcePublisher ?? `source ${item.source}`);
    if (item.reporting === 'first-hand') firstHand.add(item.source);
  }
  return {
    sources: bySource.size,
    publishers: new Set(bySource.values()).size,
    firstHand: firstHand.size,
    secondHand: bySource.size - firstHand.size,
  };
}

export interface TimedStance extends Dated {
  id: string;
  type: StanceStep['type'];
  family: StanceFamily;
}

export function stepOf(s: TimedStance): StanceStep {
  return { stanceId: s.id, type: s.type, family: s.family, date: s.date.slice(0, 10), datePrecision: s.datePrecision };
}

/**
 * The reversals in one actor's stances on one target: each stance that disagrees with a sided
 * stance of the latest moment wholly before it. Reports of the same moment that disagree are a
 * conflict, not a reversal, so only an earlier moment counts. Oldest first.
 */
export function reversalsIn<T extends TimedStance>(stances: T[]): Array<{ from: T; to: T }> {
  const sided = stances
    .filter((s) => s.family !== 'other')
    .sort((a, b) => momentOf(a)[0] - momentOf(b)[0] || a.id.localeCompare(b.id));
  const found: Array<{ from: T; to: T }> = [];
  for (const [i, stance] of sided.entries()) {
    const before = sided.slice(0, i).filter((s) => strictlyAfter(stance, s));
    const lastStart = before.length > 0 ? momentOf(before.at(-1)!)[0] : undefined;
    // Of the reports of the latest earlier moment (they may conflict), one that this stance turns round.
    const previous = before.find((s) => momentOf(s)[0] === lastStart && familiesDisagree(s.family, stance.family));
    if (previous) found.push({ from: previous, to: stance });
  }
  return found;
}

/** Groups items by a key, keeping first-seen order. */
export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
