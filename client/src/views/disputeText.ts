/** How a dispute (server/core/disputes.ts) reads on screen: each side with its own counts, never a sum. */
import type { Dispute } from '../../../server/contract/analysis.ts';
import { humanize } from '../graph/encoding.ts';
import { countOf as plural } from './words.ts';


/** "rejected 3 · agreed 1": each side's type and evidence count. */
export function disputeShort(dispute: Dispute): string {
  return dispute.sides.map((side) => `${humanize(side.type)} ${side.evidenceCount}`).join(' · ');
}

/** "Sources disagree: rejected (2 sources, 3 pieces of evidence) against agreed (1 source, 1 piece of evidence)". */
export function disputeSentence(dispute: Dispute): string {
  const sides = dispute.sides.map((side) =>
    `${humanize(side.type)} (${plural(side.sources, 'source', 'sources')}, ${plural(side.evidenceCount, 'piece', 'pieces')} of evidence)`);
  return `Sources disagree: ${sides.join(' against ')}`;
}
