/** The workbench's candidate points of a pasted document: kept, dropped and edited, then ingested in order into one document. */
import { describe, expect, it } from 'vitest';
import type { ExtractDraft } from '../../server/contract/extract.ts';
import { sourcePayloadSchema } from '../../server/contract/sourcePayload.ts';
import { type SourceDraftState, acceptedPayload, decidePoint, editPoint, emptyDraftState, pointsPayload, setPointsDocument } from '../../client/src/state/sourceDraft.ts';
import { findListedPoints } from '../../server/features/extract/points.ts';

const text = 'The plan:\n1. A truce within 30 days.\n2. Observers on the line.\n3. An amnesty for fighters.\n';
const draft = {
  text,
  payload: { source: { id: 'source:plan', title: 'Plan', kind: 'news-article', publishedAt: '2025-03-01' }, entities: [], stances: [], relations: [] },
  points: findListedPoints(text),
} as unknown as ExtractDraft;
const base: SourceDraftState = { ...emptyDraftState(), form: { ...emptyDraftState().form, publishedAt: '2025-03-01' }, draft };

describe('candidate points in the workbench', () => {
  it('adds nothing until a document and its author are named', () => {
    expect(pointsPayload(base)).toEqual({ entities: [], points: [] });
    expect(acceptedPayload(base)).not.toHaveProperty('points');
  });

  it('ingests the kept points in the document’s order, each quoting its own words, with edits', () => {
    let state = setPointsDocument(base, { name: 'Ostland plan', author: 'party:ostland' });
    state = decidePoint(state, 2, false);
    state = editPoint(state, 3, { topic: 'justice_accountability', type: 'offered' });
    const payload = sourcePayloadSchema.parse(acceptedPayload(state));
    expect(payload.points!.map((p) => [p.order, p.document, p.topic, p.type, p.condition ?? null, p.evidence[0]!.quote])).toEqual([
      [1, 'document:ostland-plan-2025-03-01', 'ceasefire', 'proposed', 'within 30 days', 'A truce within 30 days.'],
      [3, 'document:ostland-plan-2025-03-01', 'justice_accountability', 'offered', null, 'An amnesty for fighters.'],
    ]);
    expect(payload.entities.map((e) => [e.type, e.id])).toEqual([
      ['Document', 'document:ostland-plan-2025-03-01'],
      ['Position', 'position:a-truce-within-30-days'],
      ['Position', 'position:an-amnesty-for-fighters'],
    ]);
    for (const p of payload.points!) expect(text).toContain(p.evidence[0]!.quote!);
  });
});
