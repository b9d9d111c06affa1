/**
 * Whether what an answer states is settled: each fact it rests on (one party's stances on one
 * target) judged by the rule the matrix cell and the trace use (server/core/disputes.ts), so ask
 * and the views never disagree. A fact is disputed when sources disagree about the latest moment;
 * a later stance of the opposite family is a change over time and is said as one, never as a
 * dispute. How sure the answer may be follows the corroboration and the grades behind it.
 */
import { type DisputeJudgement, type DisputeSide, type JudgedStance, judgeDispute } from '../../core/disputes.ts';
import type { AskStanceRow } from './data.ts';

/** A stance row as the judgement reads it, keeping the row for the sentence. */
export interface JudgedRow extends JudgedStance {
  row: AskStanceRow;
}

export type FactJudgements = Map<string, DisputeJudgement<JudgedRow>>;

/** The fact a stance row states: its party's (rolled up) stance on its target. */
export const factKey = (row: Pick<AskStanceRow, 'partyId' | 'targetId'>): string => `${row.partyId} ${row.targetId}`;

function judged(row: AskStanceRow): JudgedRow {
  return {
    id: row.stanceId,
    type: row.type,
    family: row.family,
    // An undated stance sorts before every dated one: it can never be "the latest moment" over a dated report.
    date: row.date ?? '0000-01-01',
    datePrecision: row.datePrecision ?? 'day',
    evidence: row.evidence.map((e) => ({ source: e.sourceId, reporting: e.reporting ?? null })),
    row,
  };
}

/** Judges every fact among `all` (a party's stances on a target, of every type) once. */
export function judgeFacts(all: readonly AskStanceRow[]): FactJudgements {
  const byFact = new Map<string, AskStanceRow[]>();
  for (const row of all) byFact.set(factKey(row), [...(byFact.get(factKey(row)) ?? []), row]);
  const judgements: FactJudgements = new Map();
  for (const [key, rows] of byFact) {
    const judgement = judgeDispute(rows.map(judged));
    if (judgement) judgements.set(key, judgement);
  }
  return judgements;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const unique = (items: (string | null | undefined)[]) => [...new Set(items.filter((x): x is string => Boolean(x)))];

/** How one side stands: its sources, first- or second-hand (and through whom), their grades. */
function sideBasis(side: DisputeSide<JudgedRow>): string {
  const evidence = side.stances.flatMap((s) => s.row.evidence);
  const via = unique(evidence.map((e) => e.via));
  const grades = unique(evidence.map((e) => e.sourceGrade));
  const hand = side.strength.firstHand > 0 ? 'first-hand' : `second-hand${via.length ? ` via ${via.join(', ')}` : ''}`;
  const publishers = unique(evidence.map((e) => e.sourcePublisher));
  return [plural(side.strength.sources, 'source'), hand, publishers.length ? publishers.join(', ') : null, grades.length ? `graded ${grades.join(', ')}` : null]
    .filter(Boolean)
    .join('; ');
}

/**
 * "Disputed: A says …; B says …": both sides of a disputed fact, each with what stands behind
 * it, the stronger side first. `statement` words one stance as the answer does.
 */
export function disputeSentence(judgement: DisputeJudgement<JudgedRow>, statement: (row: AskStanceRow) => string): string {
  const [first, second] = judgement.sides!;
  const side = (s: DisputeSide<JudgedRow>) => `${statement(s.stances[0]!.row)} (${sideBasis(s)})`;
  return `Disputed: the sources disagree. ${side(first)}; but ${side(second)}.`;
}

/**
 * A later change of the fact a row states: the latest stance, when it is of another family than
 * the row and came after it. Null when the row is still the latest word or the fact is disputed.
 */
export function laterChange(row: AskStanceRow, judgement: DisputeJudgement<JudgedRow> | undefined): AskStanceRow | null {
  if (!judgement || judgement.disputed) return null;
  const latest = judgement.headline.row;
  if (latest.stanceId === row.stanceId || latest.family === row.family || latest.family === 'other') return null;
  return (latest.date ?? '') > (row.date ?? '') ? latest : null;
}

/** Reliability letters a source graded D to F (or E/F: "not usually reliable" and worse). */
const WEAK_RELIABILITY = new Set(['D', 'E', 'F']);

/**
 * How sure a stance answer may be, from what stands behind its rows: corroborated or first-hand
 * evidence is worth most; one second-hand report least; weakly graded sources lower it further.
 */
export function stanceConfidence(rows: readonly AskStanceRow[]): number {
  const evidence = rows.flatMap((r) => r.evidence);
  const sources = new Set(evidence.map((e) => e.sourceId).filter(Boolean)).size;
  const firstHand = evidence.some((e) => e.reporting === 'first-hand');
  const grades = evidence.map((e) => e.sourceGrade).filter((g): g is string => Boolean(g));
  const allWeak = grades.length > 0 && grades.every((g) => WEAK_RELIABILITY.has(g[0]!.toUpperCase()));
  const base = sources >= 2 || firstHand ? 0.9 : sources === 1 ? 0.75 : 0.6;
  return allWeak ? base - 0.2 : base;
}
