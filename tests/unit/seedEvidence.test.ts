/**
 * The seed against the article it was curated from: every piece of evidence is either words
 * found verbatim in the article or our own summary (in `summary`, never in `quote`); background
 * knowledge lives in its own payload, every item of it marked; one person is one node.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type SourcePayload, sourcePayloadSchema } from '../../server/contract/sourcePayload.ts';
import { seedArticle } from '../support/articles.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SEED_DIR = path.join(ROOT, 'cypher', 'seed');
const ARTICLE = seedArticle() ?? '';
const needsArticle = ARTICLE === '';
const BACKGROUND_NOTE = /^Background knowledge, not stated in source:/;

const payloads: SourcePayload[] = fs
  .readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => sourcePayloadSchema.parse(JSON.parse(fs.readFileSync(path.join(SEED_DIR, f), 'utf8'))));
const article = payloads.find((p) => p.source.kind === 'news-article')!;
const background = payloads.filter((p) => p.source.kind === 'background');

describe('the seed against its article', () => {
  it('has the article payload and a background payload', () => {
    expect(article.source.id).toBe('source:russia-no-quick-breakthroughs-2025-06-03');
    expect(background).toHaveLength(1);
  });

  it.skipIf(needsArticle)('quotes only words found verbatim in the article, and says everything else as a summary', () => {
    for (const stance of article.stances) {
      expect(stance.evidence.length, stance.id).toBeGreaterThan(0);
      for (const evidence of stance.evidence) {
        if (evidence.quote) expect(ARTICLE.includes(evidence.quote), `${stance.id}: "${evidence.quote}"`).toBe(true);
        else expect(evidence.summary, stance.id).toBeTruthy();
      }
    }
  });

  it('keeps background knowledge in its own payload, every item of it marked, with no quotes', () => {
    for (const payload of background) {
      for (const entity of payload.entities) expect(entity.note, entity.id).toMatch(BACKGROUND_NOTE);
      for (const stance of payload.stances) {
        for (const evidence of stance.evidence) {
          expect(evidence.quote ?? null, stance.id).toBeNull();
          expect(evidence.note, stance.id).toMatch(BACKGROUND_NOTE);
        }
      }
      for (const relation of payload.relations) expect(relation.note, `${relation.from} → ${relation.to}`).toMatch(BACKGROUND_NOTE);
    }
  });

  it.skipIf(needsArticle)('marks a name the article does not give as background knowledge where the entity is declared', () => {
    for (const entity of article.entities) {
      if (entity.type !== 'Official') continue;
      if (!ARTICLE.includes(entity.name)) expect(entity.note, entity.id).toMatch(BACKGROUND_NOTE);
    }
  });

  it('declares each person once: the article\'s "top negotiator" is Medinsky, not a second node', () => {
    const ids = payloads.flatMap((p) => p.entities.map((e) => e.id));
    expect(ids).toContain('official:vladimir-medinsky');
    expect(ids).not.toContain('official:russia-top-negotiator');
    expect(ids.filter((id) => id === 'official:vladimir-medinsky')).toHaveLength(1);
  });

  it("records Trump's anger at both leaders as the article says, not as opposing Russia's offensive", () => {
    const trump = article.stances.filter((s) => s.actor === 'official:donald-trump');
    expect(trump.some((s) => s.type === 'opposed' && s.target === 'event:russian-offensive-in-ukraine')).toBe(false);
    const anger = trump.find((s) => s.evidence.some((e) => /anger at both Putin and Zelensky/.test(e.summary ?? '')));
    expect(anger?.type).toBe('stated');
  });
});
