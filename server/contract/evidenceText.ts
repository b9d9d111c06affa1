/**
 * Evidence holds only analyst-facing text. A summary is our own wording of what a source says: the
 * UI labels it "Summary:" itself, so a stored summary never starts with that label, and never
 * carries an extractor's internal cue such as `(read from "welcomed")`. Applied where every
 * payload is validated (`sourcePayload.ts`), so no draft builder can store either, and by the start
 * migration (`server/features/sources/migrations.ts`) to what was stored before.
 */

/** Leading "Summary:" labels, however many and however cased. */
const SUMMARY_LABEL = /^(?:\s*summary\s*:\s*)+/i;
/** An extractor's cue, `(read from "…")`, with the space before it. */
const EXTRACTOR_CUE = /\s*\(read from [“"][^”"]*[”"]\)/gi;

/** A summary as an analyst should read it: no label, no extractor cue, no stray space before its full stop. */
export function analystSummary(summary: string): string {
  return summary.replace(SUMMARY_LABEL, '').replace(EXTRACTOR_CUE, '').replace(/\s+([.,;])/g, '$1').trim();
}
