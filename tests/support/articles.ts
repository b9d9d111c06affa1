/**
 * The seed article's text lives outside the repository, in PARLEY_ARTICLES_DIR (by default
 * ../shared/sources beside the checkout: server/paths.ts). In a clone made anywhere else the tests
 * that read it skip, with a notice naming PARLEY_ARTICLES_DIR; under CI (`CI` set) its absence
 * fails the run instead, so CI always runs them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ARTICLES_DIR } from '../../server/paths.ts';

export const SEED_ARTICLE_FILE = '000_6178a817db1aea46.txt';

/** Whether the folder the gold set and the seed's checks read exists; the same notice (or CI failure) when not. */
export function articlesAvailable(file = SEED_ARTICLE_FILE, dir = ARTICLES_DIR, env: NodeJS.ProcessEnv = process.env): boolean {
  if (fs.existsSync(path.join(dir, file))) return true;
  const notice = `The seed article ${file} is not in ${dir}: set PARLEY_ARTICLES_DIR to the folder that holds it.`;
  if (env.CI) throw new Error(`${notice} CI must run the tests that read it.`);
  console.warn(`${notice} The tests that read it are skipped.`);
  return false;
}

/** The seed article's text, or null (after the notice) when it is absent outside CI. */
export function seedArticle(dir = ARTICLES_DIR, env: NodeJS.ProcessEnv = process.env): string | null {
  return articlesAvailable(SEED_ARTICLE_FILE, dir, env) ? fs.readFileSync(path.join(dir, SEED_ARTICLE_FILE), 'utf8') : null;
}
