/**
 * Ask does not claim more than it read (issue 25): on the seed graph, a question's premise is
 * checked and said, quoted words are found only where they stand, a question about when
 * something will happen is not answered with a day already past, an actor asked about must be
 * in the passage that answers, and a target guessed from the question's words is said as a
 * guess and claimed at less than even odds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { startSeededAppWithSpec } from '../support/openapi.ts';

let app: TestApp;
beforeAll(async () => ({ app } = await startSeededAppWithSpec()));
afterAll(() => app.close());

const ask = (question: string) => app.api.ask({ body: { question } });

describe('what ask reads and how sure it says it is', () => {
  it('checks the stance a possessive takes for granted ("Russia\'s offer of …") and says it, beside the dispute', { timeout: 120_000 }, async () => {
    const answer = await ask("Did Ukraine accept Russia's offer of a partial truce?");
    expect(answer.answer).toMatch(/^Disputed/);
    expect(answer.answer).toMatch(/Russia offered Partial truce/);
    expect(answer.interpretation.unexplained).toEqual([]);
    expect(answer.confidence).toBeLessThan(0.5);
  });

  it('answers quoted words only from a passage that holds them', async () => {
    const found = await ask('Who said "I think they’re idiots"?');
    expect(found.status).toBe('answered');
    expect(found.answer).toMatch(/Zelensky/);
    expect(found.confidence).toBeLessThan(0.5);
    const absent = await ask('Who said "the bridge will never reopen to traffic"?');
    expect(absent.status).toBe('not_found');
  });

  it('does not answer when something will happen with a day already past', async () => {
    const answer = await ask('On what date is the next round of the Istanbul talks scheduled?');
    expect(answer.answer).not.toMatch(/2 June 2025/);
  });

  it('says a target guessed from the question\'s words as such, below even odds', async () => {
    const answer = await ask('Between which dates did Ukraine suggest the two delegations meet again?');
    expect(answer.answer).toMatch(/found by its words rather than by a name/);
    expect(answer.confidence).toBeLessThan(0.5);
  });
});
