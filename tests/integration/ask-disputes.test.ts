/**
 * Ask never answers a disputed fact with a confident "yes", says a change over time as one, and
 * words each stance in its own type's verb: on the seed graph, where Medinsky (second-hand, via
 * one outlet) says Ukraine agreed to a short truce and two first-hand reports have Zelensky
 * rejecting it, and Ukraine proposed further talks on 2 June and dismissed them on 4 June.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { startSeededAppWithSpec } from '../support/openapi.ts';

let app: TestApp;
beforeAll(async () => ({ app } = await startSeededAppWithSpec()));
afterAll(() => app.close());

const ask = (question: string) => app.api.ask({ body: { question } });

describe('a disputed fact', () => {
  it('answers "disputed", never "yes", with both sides and what stands behind each, and is unsure', { timeout: 120_000 }, async () => {
    const answer = await ask('Did Ukraine accept the partial truce?');
    expect(answer.status).toBe('answered');
    expect(answer.answer).toMatch(/^Disputed/);
    expect(answer.answer).not.toMatch(/^Yes/);
    expect(answer.answer).toMatch(/agreed to Partial truce/i);
    expect(answer.answer).toMatch(/rejected Partial truce/i);
    expect(answer.answer).toMatch(/first-hand/);
    expect(answer.confidence).toBeLessThan(0.5);
    // Both sides are cited.
    const types = new Set(answer.citations.map((c) => c.statement.match(/agreed to|rejected/)?.[0]));
    expect(types).toEqual(new Set(['agreed to', 'rejected']));
  });

  it('the matrix cell shows the same judgement', async () => {
    const { cells } = await app.api.matrix();
    const cell = cells.find((c) => c.party === 'party:ukraine' && c.position === 'position:partial-truce');
    expect(cell?.dispute).not.toBeNull();
  });
});

describe('a change over time', () => {
  it('says a later stance of another family as a change, not a dispute', async () => {
    const answer = await ask('Did Ukraine propose further talks?');
    expect(answer.answer).toMatch(/^Yes/);
    expect(answer.answer).toMatch(/Later: .*dismissed/);
    expect(answer.answer).not.toMatch(/Disputed/);
  });
});

describe('the verb', () => {
  it("uses the stance type's own verb: a demand is demanded, never accused", async () => {
    const answer = await ask('What did Russia demand from Ukraine?');
    expect(answer.answer).toMatch(/demanded/);
    expect(answer.answer).not.toMatch(/accused/);
  });
});
