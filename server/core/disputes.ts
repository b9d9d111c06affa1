/**
 * Whether sources dispute a fact, judged once for every view that headlines one (the matrix
 * cell, the trace, and ask): one actor's (or one party's, rolled up) stances on one target.
 *
 * The fact is what the stances of the latest moment say. It is **disputed** when, at that
 * moment, stances of opposite families (a rejection against a proposal or support; `other` takes
 * no side) stand side by side and either
 * - different sources give the two sides (a recorded conflict, as `GET /api/conflicts` lists), or
 * - the opposite side's evidence is as strong as the headline's or stronger.
 * A change of family from one moment to a later one is a reversal (`reports.ts`), never a dispute.
 *
 * Strength is compared in this order: distinct sources, sources with first-hand evidence, evidence
 * items. Where both camps speak at the latest moment, the headline is the strongest stance of the
 * stronger camp, so a weak claim never covers a better-evidenced one; a disputed fact names both
 * sides with their own counts, never a sum. With one camp, the headline is the latest stance.
 * docs/model.md, "Many reports of one stance".
 */
import type { StanceFamily, StanceType } from '../contract/model.ts';
import type { Dispute } from '../contract/analysis.ts';
import { sameMoment } from './reports.ts';

/** A stance as the judgement reads it: its moment, family and the evidence behind it. */
export interface JudgedStance {
  id: string;
  type: StanceType;
  family: StanceFamily;
  date: string;
  datePrecision: string;
  evidence: ReadonlyArray<{ source: string | null; reporting: string | null }>;
}

/** How strong the evidence of one stance, or of one side, is. */
export interface Strength {
  sources: number;
  firstHand: number;
  evidence: number;
}

/** One side of a dispute: the stances of one camp at the moment, strongest first. */
export interface DisputeSide<T extends JudgedStance = JudgedStance> {
  /** `rejection`, or the family of its strongest stance (`proposal` or `support`). */
  family: StanceFamily;
  /** The type of its strongest stance. */
  type: StanceType;
  stances: T[];
  sourceIds: string[];
  strength: Strength;
}

export interface DisputeJudgement<T extends JudgedStance = JudgedStance> {
  /** The stance to headline: the strongest of the latest moment (the latest one, when strength ties). */
  headline: T;
  disputed: boolean;
  /** Why: different sources disagree (`conflict`), or the opposite side is as strong or stronger (`as-strong`). */
  reason: 'conflict' | 'as-strong' | null;
  /** When disputed: the headline's side first, then the other; otherwise null. */
  sides: [DisputeSide<T>, DisputeSide<T>] | null;
}

export function strengthOf(evidence: JudgedStance['evidence']): Strength {
  const sources = new Set<string>();
  const firstHand = new Set<string>();
  for (const item of evidence) {
    if (item.source === null) continue;
    sources.add(item.source);
    if (item.reporting === 'first-hand') firstHand.add(item.source);
  }
  return { sources: sources.size, firstHand: firstHand.size, evidence: evidence.length };
}

/** Positive when `a` is stronger than `b`, 0 when they are as strong. */
export function compareStrength(a: Strength, b: Strength): number {
  return a.sources - b.sources || a.firstHand - b.firstHand || a.evidence - b.evidence;
}

/** Strongest first; on a tie the later date, then the id, so the answer never depends on read order. */
function byStrength<T extends JudgedStance>(a: T, b: T): number {
  return compareStrength(strengthOf(b.evidence), strengthOf(a.evidence)) || b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
}

function sideOf<T extends JudgedStance>(stances: T[]): DisputeSide<T> {
  const sorted = [...stances].sort(byStrength);
  const evidence = sorted.flatMap((s) => s.evidence);
  return {
    family: sorted[0]!.family,
    type: sorted[0]!.type,
    stances: sorted,
    sourceIds: [...new Set(evidence.flatMap((e) => (e.source === null ? [] : [e.source])))].sort(),
    strength: strengthOf(evidence),
  };
}

/**
 * Judges one actor's (or party's) stances on one target. Returns null for no stances. The caller
 * has already applied its day (`asOf`) and grade filter to the stances and their evidence.
 */
export function judgeDispute<T extends JudgedStance>(stances: readonly T[]): DisputeJudgement<T> | null {
  if (stances.length === 0) return null;
  // The latest moment: the stance that starts last, and every stance whose moment overlaps it.
  const latest = [...stances].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))[0]!;
  const now = stances.filter((s) => sameMoment(s, latest));
  const sided = now.filter((s) => s.family !== 'other');
  const rejecting = sided.filter((s) => s.family === 'rejection');
  const backing = sided.filter((s) => s.family !== 'rejection');
  if (rejecting.length === 0 || backing.length === 0) {
    // One camp only: the latest stance, as every view has always headlined it (a sided one before `other`).
    const headline = latest.family !== 'other' || sided.length === 0 ? latest : [...sided].sort(byStrength)[0]!;
    return { headline, disputed: false, reason: null, sides: null };
  }
  // The stronger camp leads; the headline is its strongest stance.
  const [own, other] = [sideOf(rejecting), sideOf(backing)].sort(
    (x, y) => compareStrength(y.strength, x.strength) || byStrength(x.stances[0]!, y.stances[0]!),
  ) as [DisputeSide<T>, DisputeSide<T>];
  const headline = own.stances[0]!;
  const differentSources = own.sourceIds.join('|') !== other.sourceIds.join('|');
  const asStrong = compareStrength(other.strength, own.strength) >= 0;
  if (!differentSources && !asStrong) return { headline, disputed: false, reason: null, sides: null };
  return { headline, disputed: true, reason: differentSources ? 'conflict' : 'as-strong', sides: [own, other] };
}

/** A judgement as the API answers it: null when undisputed. */
export function toDispute(judgement: DisputeJudgement | null): Dispute | null {
  if (!judgement?.disputed || !judgement.sides || !judgement.reason) return null;
  return {
    reason: judgement.reason,
    sides: judgement.sides.map((side) => ({
      type: side.type,
      family: side.family,
      stanceIds: side.stances.map((s) => s.id),
      sources: side.strength.sources,
      firstHand: side.strength.firstHand,
      evidenceCount: side.strength.evidence,
    })),
  };
}
