/** Where an eval command writes its figures: between its markers in a doc, the rest of the doc untouched. */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../paths.ts';

export function writeResultsInDoc(doc: string, begin: string, end: string, table: string): void {
  const text = fs.readFileSync(doc, 'utf8');
  const at = text.indexOf(begin);
  const until = text.indexOf(end);
  if (at < 0 || until < 0) throw new Error(`${path.relative(REPO_ROOT, doc)} lacks the markers ${begin} … ${end}`);
  fs.writeFileSync(doc, `${text.slice(0, at + begin.length)}\n${table}\n${text.slice(until)}`);
  console.log(`\nwritten to ${path.relative(REPO_ROOT, doc)}`);
}
