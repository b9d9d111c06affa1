/**
 * The further public reports in the seed (cypher/seed/030-… onwards): each keeps its URL,
 * publisher, date and grade; it holds short attributed quotes and our own marked summaries, and
 * the text stored with it is our note of those facts, never the article. docs/sources.md points
 * at a corroboration, a conflict and a change of position in them: the data must still show them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stanceFamily } from '../../server/contract/model.ts';
import { type SourcePayload, sourcePayloadSchema } from '../../server/contract/sourcePayload.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SEED_DIR = path.join(ROOT, 'cypher', 'seed');
const CURATED_ARTICLE = 'source:russia-no-quick-breakthroughs-2025-06-03';
/** Longer than any quote we keep; an article's paragraph would not fit. */
const MAX_QUOTE_CHARS = 220;
/** A note of a handful of facts; an article would not fit. */
const MAX_NOTE_CHARS = 1_600;

const payloads: SourcePayload[] = fs
  .readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => sourcePayloadSchema.parse(JSON.parse(fs.readFileSync(path.join(SEED_DIR, f), 'utf8'))));
const reports = payloads.filter((p) => p.source.kind === 'news-article' && p.source.id !== CURATED_ARTICLE);
const stances = payloads.flatMap((p) => p.stances.map((s) => ({ ...s, source: p.source.id })));

/** Sources reporting one actor's stance family on one target on one day. */
function sourcesReporting(actor: string, family: string, target: string, date: string): Set<string> {
  return new Set(
    stances
      .filter((s) => s.actor === actor && stanceFamily(s.type) === family && s.target === target && s.date === date)
      .map((s) => s.source),
  );
}

describe('the further public reports in the seed', () => {
  it('are at least six, each with its URL, publisher, date and grade', () => {
    expect(reports.length).toBeGreaterThanOrEqual(6);
    for (const { source } of reports) {
      expect(source.url, source.id).toMatch(/^https:\/\//);
      expect(source.publisher, source.id).toBeTruthy();
      expect(source.grade, source.id).toMatch(/^[A-F][1-6]$/);
      expect(source.publishedAt! >= '2025-05-28' && source.publishedAt! <= '2025-06-07', source.id).toBe(true);
    }
  });

  it('keep short quotes found in the stored note, and mark every summary as one', () => {
    for (const { source, stances: own } of reports) {
      expect(source.text, source.id).toBeTruthy();
      expect(source.text!.length, source.id).toBeLessThanOrEqual(MAX_NOTE_CHARS);
      for (const stance of own) {
        for (const evidence of stance.evidence) {
          if (evidence.quote) {
            expect(evidence.quote.length, stance.id).toBeLessThanOrEqual(MAX_QUOTE_CHARS);
            expect(source.text!.includes(evidence.quote), `${stance.id}: "${evidence.quote}"`).toBe(true);
          }
          // The UI labels a summary; the stored text is only our own words (server/contract/evidenceText.ts).
          if (evidence.summary) expect(evidence.summary, stance.id).not.toMatch(/^\s*summary\s*:/i);
          expect(evidence.via, stance.id).toBeTruthy();
        }
      }
    }
  });

  it('land on the curated seed entities instead of declaring them again', () => {
    const curated = new Set(payloads.filter((p) => !reports.includes(p)).flatMap((p) => p.entities.map((e) => e.id)));
    for (const { source, entities } of reports) {
      for (const entity of entities) expect(curated.has(entity.id), `${source.id} redeclares ${entity.id}`).toBe(false);
    }
  });

  it('show a stance reported by three or more sources', () => {
    expect(sourcesReporting('party:russia', 'support', 'position:prisoner-swap', '2025-06-02').size).toBeGreaterThanOrEqual(3);
    expect(sourcesReporting('party:russia', 'rejection', 'position:unconditional-ceasefire', '2025-06-02').size).toBeGreaterThanOrEqual(3);
    expect(sourcesReporting('party:russia', 'proposal', 'position:withdrawal-from-four-regions', '2025-06-02').size).toBeGreaterThanOrEqual(3);
  });

  it("show two sources disagreeing on Ukraine's answer to the short truce on 2 June", () => {
    const agreed = sourcesReporting('party:ukraine', 'support', 'position:partial-truce', '2025-06-02');
    const rejected = sourcesReporting('party:ukraine', 'rejection', 'position:partial-truce', '2025-06-02');
    expect(agreed.size).toBeGreaterThan(0);
    expect(rejected.size).toBeGreaterThan(0);
    expect([...agreed].some((id) => !rejected.has(id))).toBe(true);
  });

  it('show Ukraine proposing a further round of delegation talks, then dismissing it', () => {
    const further = stances.filter((s) => s.actor === 'party:ukraine' && s.target === 'position:further-delegation-talks');
    const proposed = further.filter((s) => stanceFamily(s.type) === 'proposal').map((s) => s.date);
    const dismissed = further.filter((s) => stanceFamily(s.type) === 'rejection').map((s) => s.date);
    expect(proposed.length).toBeGreaterThan(0);
    expect(dismissed.some((later) => proposed.some((earlier) => earlier < later))).toBe(true);
  });
});
