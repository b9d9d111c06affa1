/**
 * The negotiation a question is scoped to: the `negotiation` parameter, or a scope phrase in the
 * question ("in the Istanbul talks", "during the Istanbul process"): a preposition of scope
 * before a negotiation's name or alias, found with the language layer's name matcher. The phrase
 * is taken out of the question before it is read, so its words are not read as entities, unless
 * they are also wholly the name of something in the graph ("Who took part in the Istanbul talks?", where the talks
 * are an event): then the question is read whole, and scoped all the same.
 */
import { NameMatcher } from '../../language/index.ts';

export interface NegotiationName {
  id: string;
  name: string;
  aliases: string[];
}

export interface ScopePhrase {
  negotiation: NegotiationName;
  /** The words of the question that named it ("the Istanbul talks"). */
  text: string;
  /** The question without the phrase. */
  rest: string;
  /** Where the name starts and ends in the question. */
  start: number;
  end: number;
}

/** "in the", "during", "throughout the", "within the" just before the name. */
const SCOPE_BEFORE = /\b(?:in|during|throughout|within)\s+(?:the\s+)?$/i;

export function findScopePhrase(question: string, negotiations: NegotiationName[]): ScopePhrase | null {
  if (negotiations.length === 0) return null;
  const byId = new Map(negotiations.map((n) => [n.id, n]));
  const matcher = new NameMatcher(negotiations.map((n) => ({ id: n.id, type: 'Negotiation', name: n.name, aliases: n.aliases })));
  for (const mention of matcher.find(question)) {
    const lead = SCOPE_BEFORE.exec(question.slice(0, mention.start));
    // A name several negotiations share scopes to none of them.
    if (!lead || mention.entities.length !== 1) continue;
    const negotiation = byId.get(mention.entities[0]!.id)!;
    const rest = `${question.slice(0, lead.index).trimEnd()} ${question.slice(mention.end).trimStart()}`.replace(/\s+([?.!,;:])/g, '$1').trim();
    return { negotiation, text: question.slice(lead.index, mention.end).replace(/^\S+\s+/, ''), rest, start: mention.start, end: mention.end };
  }
  return null;
}
