/** The README's inline commands (`…` spans), so tests run what the README tells users to run. */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../server/paths.ts';

export function readmeCommands(pattern: RegExp): string[] {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!).filter((code) => pattern.test(code) && code.startsWith('npm '));
}
