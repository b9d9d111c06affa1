/**
 * The passes in order over one read-only parse: mentions → coreference → quotes → clauses →
 * stance candidates, targets named against the graph's positions and events. draft.ts turns
 * what they find into a payload; the unit tests run them over hand-written parses.
 */
import type { KnownName } from '../../../language/index.ts';
import type { ParsedDoc } from '../../../nlp/parsedDoc.ts';
import { readClauses } from './clauses.ts';
import { resolveCoreference } from './coref.ts';
import { Catalogue, findMentions } from './mentions.ts';
import { findQuotes } from './quotes.ts';
import { segmentsOf } from './segments.ts';
import { readStances } from './stances.ts';
import { TargetNamer } from './targets.ts';

export function runPasses(doc: ParsedDoc, known: KnownName[] = []) {
  const segments = segmentsOf(doc);
  const catalogue = new Catalogue(known);
  const named = findMentions(doc, catalogue);
  const mentions = [...named, ...resolveCoreference(doc, named, catalogue, segments)].sort((a, b) => a.start - b.start);
  const quotes = findQuotes(doc, mentions, segments);
  const clauses = readClauses(doc, segments);
  const targets = new TargetNamer(known.filter((k) => k.type === 'Position' || k.type === 'Event').map((k) => ({ id: k.id, type: k.type, names: [k.name, ...k.aliases] })));
  const stances = readStances({ doc, clauses, mentions, quotes, catalogue, targets });
  return { segments, catalogue, mentions, quotes, clauses, targets, stances };
}
