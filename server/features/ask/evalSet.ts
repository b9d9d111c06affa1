/**
 * Scoring ask against its question set (tests/fixtures/ask/questions.json and contested.json),
 * by the rules those files state in `matching`: the answer's verdict (answered, disputed, not in
 * the sources, a corrected premise), the words it must and must not mention, and for a yes/no
 * question its yes/no/disputed reading. Pure, so `npm run eval:ask` and its unit tests share it;
 * it reads only the answer as a user sees it, never ask's own interpretation.
 */
import type { AskResponse } from '../../contract/ask.ts';

export type Verdict = 'answer' | 'disputed' | 'not_in_sources' | 'premise_corrected';
export type YesNo = 'yes' | 'no' | 'disputed';

export interface EvalQuestion {
  id: string;
  negotiation: string;
  half: 'dev' | 'test';
  kind: string;
  question: string;
  expect: { verdict: Verdict; mustMention: string[]; mustNotMention: string[]; yesNo: YesNo | null };
}

export interface Judgement {
  id: string;
  half: 'dev' | 'test';
  negotiation: string;
  kind: string;
  /** Whether the question comes from the contested, absent and trick set. */
  contested: boolean;
  right: boolean;
  confidence: number;
  /** Why a wrong answer is wrong, in a few words each; empty when right. */
  faults: string[];
}

/** How the answer reads to a user: does it give an answer, call the fact disputed, or say the sources lack it? */
export function verdictOf(answer: Pick<AskResponse, 'status' | 'answer'>): Exclude<Verdict, 'premise_corrected'> {
  if (answer.status === 'not_found') return 'not_in_sources';
  return /^\s*disputed\b/i.test(answer.answer) ? 'disputed' : 'answer';
}

/** The yes/no reading of an answer's first word, or null when it opens with neither. */
export function yesNoOf(answer: Pick<AskResponse, 'status' | 'answer'>): YesNo | null {
  if (answer.status === 'not_found') return null;
  const first = /^\s*(yes|no|disputed)\b/i.exec(answer.answer)?.[1]?.toLowerCase();
  return (first as YesNo | undefined) ?? null;
}

/** An entry of mustMention: any one of its `|` alternatives, case-insensitively. */
function mentions(text: string, entry: string): boolean {
  const folded = text.toLowerCase();
  return entry.split('|').some((alternative) => folded.includes(alternative.toLowerCase()));
}

/**
 * Right or wrong by the question's expectation. A corrected premise is an answer (not a
 * not-found) that names the fact the question got wrong and does not repeat the premise;
 * that is what its mustMention and mustNotMention words say.
 */
export function judge(question: EvalQuestion, answer: AskResponse, contested: boolean): Judgement {
  const { expect } = question;
  const faults: string[] = [];
  const verdict = verdictOf(answer);
  const wanted = expect.verdict === 'premise_corrected' ? 'answer' : expect.verdict;
  if (verdict !== wanted) faults.push(`verdict ${verdict}, expected ${expect.verdict}`);
  for (const entry of expect.mustMention) if (!mentions(answer.answer, entry)) faults.push(`does not mention ${entry}`);
  for (const entry of expect.mustNotMention) if (mentions(answer.answer, entry)) faults.push(`mentions ${entry}`);
  if (expect.yesNo !== null) {
    const reading = yesNoOf(answer);
    if (reading !== expect.yesNo) faults.push(`reads as ${reading ?? 'neither yes nor no'}, expected ${expect.yesNo}`);
  }
  return {
    id: question.id,
    half: question.half,
    negotiation: question.negotiation,
    kind: question.kind,
    contested,
    right: faults.length === 0,
    confidence: answer.confidence,
    faults,
  };
}

export interface Tally {
  questions: number;
  right: number;
  share: number;
  /** Wrong answers given with confidence 0.5 or more: the product's worst defect. */
  confidentlyWrong: number;
}

export function tally(judgements: Judgement[]): Tally {
  const right = judgements.filter((j) => j.right).length;
  return {
    questions: judgements.length,
    right,
    share: judgements.length === 0 ? 0 : right / judgements.length,
    confidentlyWrong: judgements.filter((j) => !j.right && j.confidence >= 0.5).length,
  };
}

export interface CalibrationRow {
  /** Confidence from (inclusive) … to (exclusive; the last bucket includes 1). */
  from: number;
  to: number;
  answers: number;
  right: number;
  share: number | null;
}

/** Answers bucketed by confidence against how often each bucket is right. */
export function calibration(judgements: Judgement[], edges: number[] = [0, 0.25, 0.5, 0.75, 1]): CalibrationRow[] {
  return edges.slice(0, -1).map((from, i) => {
    const to = edges[i + 1]!;
    const last = i === edges.length - 2;
    const inBucket = judgements.filter((j) => j.confidence >= from && (j.confidence < to || (last && j.confidence <= to)));
    const right = inBucket.filter((j) => j.right).length;
    return { from, to, answers: inBucket.length, right, share: inBucket.length === 0 ? null : right / inBucket.length };
  });
}
