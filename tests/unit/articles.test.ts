/** A fresh clone anywhere: the tests that read the seed article skip with a notice naming PARLEY_ARTICLES_DIR, except under CI. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEED_ARTICLE_FILE, articlesAvailable, seedArticle } from '../support/articles.ts';

afterEach(() => vi.restoreAllMocks());

describe('the seed article outside the checkout', () => {
  it('is skipped with a notice naming PARLEY_ARTICLES_DIR when the folder lacks it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-articles-'));
    expect(seedArticle(empty, {})).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/PARLEY_ARTICLES_DIR.*skipped/));
  });

  it('fails under CI instead, so CI always runs those tests', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-articles-'));
    expect(() => articlesAvailable(SEED_ARTICLE_FILE, empty, { CI: 'true' })).toThrow(/PARLEY_ARTICLES_DIR/);
  });

  it('reads it where the folder has it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-articles-'));
    fs.writeFileSync(path.join(dir, SEED_ARTICLE_FILE), 'text');
    expect(seedArticle(dir, { CI: 'true' })).toBe('text');
  });
});
