/** Runs the extraction passes over a hand-written parse, as draft.ts does. */
import { readClauses } from '../../../server/features/extract/passes/clauses.ts';
import { resolveCoreference } from '../../../server/features/extract/passes/coref.ts';
import { Catalogue, findMentions } from '../../../server/features/extract/passes/mentions.ts';
import { findQuotes } from '../../../server/features/extract/passes/quotes.ts';
import { segmentsOf } from '../../../server/features/extract/passes/segments.ts';
import { readStances } from '../../../server/features/extract/passes/stances.ts';
import { TargetNamer } from '../../../server/features/extract/passes/targets.ts';
import type { KnownName } from '../../../server/language/index.ts';
import type { ParsedDoc } from '../../../server/nlp/parsedDoc.ts';

export function runPasses(doc: ParsedDoc, known: KnownName[] = []) {
  const segments = segmentsOf(doc);
  const catalogue = new Catalogue(known);
  const named = findMentions(doc, catalogue);
  const mentions = [...named, ...resolveCoreference(doc, named, catalogue, segments)].sort((a, b) => a.start - b.start);
  const quotes = findQuotes(doc, mentions, segments);
  const clauses = readClauses(doc, segments);
  const targets = new TargetNamer(known.filter((k) => k.type === 'Position').map((k) => ({ id: k.id, type: k.type, names: [k.name, ...k.aliases] })));
  const stances = readStances({ doc, clauses, mentions, quotes, catalogue, targets });
  return { segments, catalogue, mentions, quotes, clauses, stances, targets };
}
