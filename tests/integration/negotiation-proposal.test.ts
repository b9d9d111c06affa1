/**
 * The workbench's proposal of a draft's negotiation (issue 27), against the real Neo4j and spaCy:
 * POST /api/extract answers, beside the draft, the negotiation the assignment rule places its
 * stances in, or a new one named from its parties. Fictional reports on the invented negotiations
 * of tests/fixtures/negotiationSources.ts (mechanics only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../server/db/schema.ts';
import { TEST_WRITE_TOKEN, type TestApp, startTestApp } from '../support/app.ts';
import { testLogger } from '../support/db.ts';
import { BORDER, OSTMARK, WESTMARK, negotiationReports } from '../fixtures/negotiationSources.ts';

let app: TestApp;
const auth = { token: TEST_WRITE_TOKEN };

/** Ostmark and Westmark on a border commission: in the border talks' period (March–April 2025), or after it. */
const commissionReport = (publishedAt: string) => ({
  title: `Ostmark and Westmark argue over a border commission (${publishedAt})`,
  publishedAt,
  text: 'Ostmark on Monday proposed a joint border commission. Westmark rejected the border commission on Tuesday.',
});

beforeAll(async () => {
  app = await startTestApp();
  await app.db.write('MATCH (n) DETACH DELETE n');
  await applySchema(app.db, testLogger);
  for (const payload of negotiationReports()) await app.api.ingest({ body: payload }, auth);
}, 120_000);
afterAll(() => app.close());

describe('the negotiation proposed for a draft', () => {
  it('is the negotiation whose parties and period match its stances', async () => {
    const draft = await app.api.extract({ body: commissionReport('2025-03-19') });
    expect(draft.payload.stances?.map((s) => s.actor)).toEqual(expect.arrayContaining([OSTMARK, WESTMARK]));
    expect(draft.negotiation).toMatchObject({ negotiation: BORDER, name: 'Ostmark–Westmark border talks', new: false });
    expect(draft.negotiation!.reason).toContain('Ostmark–Westmark border talks');
  }, 120_000);

  it('is a new negotiation of its parties and period when none matches, which ingestion declares and the next draft then proposes', async () => {
    const draft = await app.api.extract({ body: commissionReport('2025-09-17') });
    const proposal = draft.negotiation!;
    expect(proposal.new).toBe(true);
    expect(proposal.name).toMatch(/^(Ostmark–Westmark|Westmark–Ostmark) talks$/);
    expect(proposal.negotiation).toMatchObject({ name: proposal.name, parties: expect.arrayContaining([OSTMARK, WESTMARK]), start: expect.stringMatching(/^2025-09-1[4-7]$/) });
    expect(typeof proposal.negotiation === 'object' && proposal.negotiation.end).toBeFalsy();
    // POST /api/sources takes it as it is.
    const declared = typeof proposal.negotiation === 'object' ? proposal.negotiation.id : '';
    await app.api.ingest({ body: { ...draft.payload, negotiation: proposal.negotiation } }, auth);
    const negotiation = await app.api.negotiation({ params: { id: declared } });
    expect(negotiation.parties.map((p) => p.id).sort()).toEqual([OSTMARK, WESTMARK]);
    expect(negotiation.counts.stances).toBe(draft.payload.stances!.length);
    // A later report of the same parties is proposed the negotiation just declared.
    const later = await app.api.extract({ body: { ...commissionReport('2025-10-08'), text: 'Westmark on Monday backed a joint border commission.' } });
    expect(later.negotiation).toMatchObject({ negotiation: declared, new: false });
  }, 120_000);
});
