/**
 * Targets: what a stance is about, named from the object's head noun phrase ("the draft of a
 * peace deal" → "peace deal"), normalised into families ("30-day cease-fire", "truce" and
 * "ceasefire" are one ceasefire), and matched to positions the graph holds by meaning.
 */
import type { ParsedDoc, Token } from '../../../nlp/parsedDoc.ts';
import { bestMatch, slugId, type TargetCandidate } from '../targets.ts';
import { isInfinitive } from './clauses.ts';
import type { TargetRef } from './types.ts';

/** Families of targets: a phrase matching one is the same position, whatever its wording. */
const FAMILIES: Array<[string, string, RegExp]> = [
  ['ceasefire', 'Ceasefire', /\b(?:cease-?\s?fire|truce|armistice|cessation of hostilities|halt to (?:the )?fighting)\b/i],
  ['peace-agreement', 'Peace agreement', /\bpeace (?:deal|agreement|treaty|accord|pact|plan|declaration)\b|\bagreement on (?:the )?establishment of peace\b/i],
  ['prisoner-exchange', 'Prisoner exchange', /\b(?:prisoners?|captives?|pows?|detainees|captured \w+)\b.*\b(?:exchange|swap)\b|\b(?:exchange|swap)\b.*\b(?:prisoners?|captives?|pows?|detainees|captured \w+)\b/i],
  ['disarmament', 'Disarmament', /\bdisarm(?:ament|ing)?\b|\b(?:hand(?:ing)? over|giv(?:e|ing) up|surrender(?:ing)?)\b.{0,20}\b(?:weapons|arms|arsenal)\b/i],
  ['peace-talks', 'Peace talks', /\b(?:peace )?(?:talks|negotiations|dialogue)\b/i],
];
/**
 * Kinds of ceasefire that are positions of their own: a party can reject an unconditional
 * ceasefire and offer a partial one in the same breath, and one "Ceasefire" would read that as
 * a reversal.
 */
const CEASEFIRE_KINDS: Array<[string, string, RegExp]> = [
  ['partial-ceasefire', 'Partial ceasefire', /\b(?:partial|limited|local(?:i[sz]ed)?)\b/i],
  ['unconditional-ceasefire', 'Unconditional ceasefire', /\b(?:unconditional|full|complete|comprehensive|total)\b/i],
  ['permanent-ceasefire', 'Permanent ceasefire', /\b(?:permanent|lasting|durable)\b/i],
  ['energy-ceasefire', 'Energy ceasefire', /\benergy\b/i],
  ['maritime-ceasefire', 'Maritime ceasefire', /\b(?:maritime|naval|black sea)\b/i],
];
/** Verbs that keep something going or stop it: with a vague object they name the target together. */
const CONTINUING_VERBS = new Set(['continue', 'resume', 'maintain', 'keep', 'expand', 'extend', 'restore', 'stop', 'halt', 'end']);
/** Documents of a party's terms, named by their author when nothing else names them. */
const AUTHORED = /^(proposals?|plans?|offers?|initiatives?|roadmaps?|frameworks?|memorand(?:um|a)|terms|demands)$/i;
/** Head nouns too vague to name a position on their own. */
const VAGUE = new Set(['objectives', 'idea', 'suggestion', 'arrangement', 'plans', 'plan', 'contacts', 'communication', 'agreement', 'stance', 'proposal', 'wisdom', 'peace', 'position', 'approach', 'work', 'calls', 'call', 'demands', 'demand', 'offer', 'outcome', 'result', 'results', 'terrorists', 'rebels', 'militants', 'people', 'civilians', 'officials', 'leaders', 'troops', 'soldiers', 'it', 'this', 'that', 'move', 'step', 'decision', 'issue', 'matter', 'thing', 'idea', 'way', 'time', 'part', 'process', 'situation', 'effort', 'efforts', 'statement', 'remarks', 'comments', 'news', 'development', 'role', 'lot', 'something', 'anything', 'everything', 'one', 'what', 'all']);
/** Verbs that add nothing to what they act on: "sign the deal" is about the deal. */
const LIGHT_VERBS = new Set(['sign', 'hold', 'reach', 'accept', 'begin', 'start', 'conclude', 'put', 'make', 'take', 'have', 'get', 'implement', 'approve', 'ratify', 'initial', 'join', 'attend', 'enter', 'resume', 'continue', 'respect', 'honour', 'honor', 'observe', 'achieve', 'secure', 'seek', 'see', 'support', 'back', 'agree', 'discuss', 'consider', 'study', 'adopt', 'finalise', 'finalize', 'negotiate', 'establish', 'announce', 'declare', 'maintain', 'keep', 'do', 'bring', 'find', 'allow', 'give', 'receive', 'welcome', 'reject', 'accept']);
const KEEP_LEFT = new Set(['amod', 'compound', 'nmod', 'nummod', 'npadvmod', 'quantmod']);
const KEEP_PREP = new Set(['of', 'on', 'for', 'between', 'to', 'with']);

export interface TargetPhrase {
  /** The words naming the target, and where they are. */
  text: string;
  start: number;
  end: number;
}

/** The phrase an object token names: its head noun with modifiers, and one "of/on/for" complement. */
export function phraseOf(doc: ParsedDoc, head: number): TargetPhrase | undefined {
  let h = doc.token(head);
  // "to sign the deal", "to hold talks": the verb's object names the target; a bare verb names itself.
  if (h.pos === 'VERB' || h.pos === 'AUX') {
    const obj = doc.children(h.i).map((c) => doc.token(c)).find((c) => c.dep === 'dobj' || c.dep === 'attr');
    const particle = doc.children(h.i).map((c) => doc.token(c)).find((c) => c.dep === 'prt');
    if (obj && particle) {
      // "hand over weapons": the verb and its particle belong to what is named.
      const inner = phraseOf(doc, obj.i);
      if (inner) return { text: `${h.lemma.toLowerCase()} ${particle.text.toLowerCase()} ${inner.text}`, start: h.start, end: inner.end };
    }
    if (obj) {
      const inner = phraseOf(doc, obj.i);
      // "to extend the deadline": what is to be done is named with its verb, unless the verb is light ("sign the deal").
      if (inner && !LIGHT_VERBS.has(h.lemma.toLowerCase()) && obj.i - h.i <= 6) return { text: doc.text.slice(h.start, inner.end).replace(/\s+/g, ' '), start: h.start, end: inner.end };
      // "continue contacts", "resume talks": a vague object is named with the verb that keeps it going.
      if (!inner && obj.pos === 'NOUN' && CONTINUING_VERBS.has(h.lemma.toLowerCase()) && obj.i - h.i <= 3) return { text: `${h.lemma.toLowerCase()} ${obj.text.toLowerCase()}`, start: h.start, end: obj.end };
      return inner;
    }
    const prep = doc.children(h.i).map((c) => doc.token(c)).find((c) => c.dep === 'prep' && (KEEP_PREP.has(c.text.toLowerCase()) || c.text.toLowerCase() === 'in'));
    const pobj = prep ? doc.children(prep.i).find((g) => doc.token(g).dep === 'pobj') : undefined;
    if (pobj !== undefined && doc.token(pobj).pos !== 'PRON') {
      const inner = phraseOf(doc, pobj);
      if (inner) return { text: `${h.lemma} ${prep!.text.toLowerCase()} ${inner.text}`, start: h.start, end: inner.end };
    }
    // A bare verb names a target only when it names a family ("disarm").
    return h.pos === 'VERB' && familyOf(h.lemma) ? { text: h.lemma.toLowerCase(), start: h.start, end: h.end } : undefined;
  }
  if (h.pos === 'PRON' || h.pos === 'DET' || h.pos === 'NUM') return undefined;
  // "on Wednesday", "in August": a date is when, not what.
  if (['DATE', 'TIME', 'CARDINAL', 'ORDINAL', 'PERCENT', 'MONEY', 'QUANTITY'].includes(h.entType)) return undefined;
  // "an agreement on a ceasefire", "the completion of negotiations on the draft": the complement names it,
  // unless the head is already qualified ("peace agreement").
  const qualified = doc.children(h.i).some((c) => ['compound', 'amod', 'nmod'].includes(doc.token(c).dep) && doc.token(c).pos !== 'ADJ');
  const stanceNoun = /^(calls?|proposals?|demands?|offers?|push|bid|requests?|appeals?|readiness|willingness|refusal|support|commitment|opposition)$/i.test(h.text);
  if ((stanceNoun || (!qualified && /^(agreement|deal|accord|understanding|consensus|completion|progress|conclusion|finalisation|finalization)$/i.test(h.text)))) {
    const prep = doc.children(h.i).map((c) => doc.token(c)).find((c) => c.dep === 'prep' && /^(on|of|over|for|to)$/i.test(c.text));
    const pobj = prep ? doc.children(prep.i).find((g) => doc.token(g).dep === 'pobj') : undefined;
    // "his offer to help resolve the dispute": an infinitive complement names it too, unless an
    // author already does ("the US proposal to reach an agreement" is the US proposal).
    const authored = doc.children(h.i).some((c) => ['compound', 'poss'].includes(doc.token(c).dep) && doc.token(c).pos === 'PROPN');
    const infinitive = authored ? undefined : doc.children(h.i).find((c) => doc.token(c).dep === 'acl' && doc.token(c).pos === 'VERB' && isInfinitive(doc, c));
    const complement = pobj ?? (stanceNoun ? infinitive : undefined);
    if (complement !== undefined) {
      const inner = phraseOf(doc, complement);
      if (inner) return inner;
    }
  }
  // "Russia's proposal", "a proposal by the United States": a proposal named by nothing else is named by its author.
  if (AUTHORED.test(h.text)) {
    const by = doc.children(h.i).map((c) => doc.token(c)).find((c) => c.dep === 'prep' && /^(by|from)$/i.test(c.text));
    const author = doc.children(h.i).map((c) => doc.token(c)).find((c) => c.dep === 'poss' && c.pos !== 'PRON') ?? (by ? doc.children(by.i).map((g) => doc.token(g)).find((g) => g.dep === 'pobj' && g.pos === 'PROPN') : undefined);
    if (author) {
      const authorStart = doc.token(Math.min(author.i, ...doc.children(author.i).filter((c) => c < author.i && doc.token(c).dep === 'compound'))).start;
      const authorName = doc.text.slice(authorStart, author.end).replace(/['’]s?$/, '').replace(/\s+/g, ' ');
      return { text: `${authorName} ${h.text.toLowerCase()}`, start: Math.min(authorStart, h.start), end: Math.max(author.end, h.end) };
    }
  }
  // "the draft of a peace deal", "a text of the agreement": the complement names it.
  if (/^(draft|text|terms|signing|implementation|idea|prospect|possibility|details|part|round|version|negotiations|outcome|results?)$/i.test(h.text)) {
    const of = doc.children(h.i).map((c) => doc.token(c)).find((c) => c.dep === 'prep' && c.text.toLowerCase() === 'of');
    const pobj = of ? doc.children(of.i).find((g) => doc.token(g).dep === 'pobj') : undefined;
    if (pobj !== undefined) {
      const inner = phraseOf(doc, pobj);
      if (inner) return inner;
    }
  }
  let first = h.i;
  let last = h.i;
  const left = (t: Token) => {
    for (const c of doc.children(t.i)) {
      const child = doc.token(c);
      if (c < t.i && KEEP_LEFT.has(child.dep) && child.pos !== 'PRON') {
        first = Math.min(first, c);
        left(child);
      }
    }
  };
  left(h);
  // Hyphenated words and their parts ("U.S.-backed"): keep what lies between.
  const prep = doc.children(h.i).map((c) => doc.token(c)).find((c) => c.dep === 'prep' && KEEP_PREP.has(c.text.toLowerCase()) && c.i > h.i);
  if (prep) {
    const pobj = doc.children(prep.i).map((g) => doc.token(g)).find((g) => g.dep === 'pobj');
    if (pobj && pobj.pos !== 'PRON' && pobj.i - h.i <= 8) {
      last = pobj.i;
      // One more "of" ("the establishment of peace").
      const of = doc.children(pobj.i).map((g) => doc.token(g)).find((g) => g.dep === 'prep' && g.text.toLowerCase() === 'of');
      const inner = of ? doc.children(of.i).map((g) => doc.token(g)).find((g) => g.dep === 'pobj') : undefined;
      if (inner && inner.pos !== 'PRON' && inner.i - h.i <= 12) last = inner.i;
      // "the presidents of Russia, Ukraine and the United States": the whole list.
      for (let next = lastConjunct(doc, last); next !== last && next - h.i <= 16; next = lastConjunct(doc, last)) last = next;
      const pl = (t: Token) => {
        for (const c of doc.children(t.i)) if (c < t.i && c > prep.i && KEEP_LEFT.has(doc.token(c).dep)) pl(doc.token(c));
      };
      pl(pobj);
    }
  }
  while (first < h.i && /^(the|a|an|its|their|his|her|our|this|that|these|those|any|some|all)$/i.test(doc.token(first).text)) first += 1;
  while (first < h.i && doc.token(first).pos === 'PUNCT') first += 1;
  const start = doc.token(first).start;
  const end = doc.token(last).end;
  const text = doc.text.slice(start, end).replace(/\s+/g, ' ').trim();
  if (VAGUE.has(h.text.toLowerCase()) && first === h.i && last === h.i) return undefined;
  if (!/\p{L}{2}/u.test(text)) return undefined;
  return { text, start, end };
}

/** The last word joined to a token by "and"/"or", with its own modifiers ("Ukraine and the United States"). */
function lastConjunct(doc: ParsedDoc, token: number): number {
  const conj = doc.children(token).filter((c) => doc.token(c).dep === 'conj').pop();
  return conj === undefined ? token : conj;
}

/** The family a phrase belongs to, if any; a ceasefire of a named kind is a family of its own. */
export function familyOf(phrase: string): { slug: string; name: string } | undefined {
  for (const [slug, name, pattern] of FAMILIES) {
    if (!pattern.test(phrase)) continue;
    if (slug === 'ceasefire') for (const [kind, kindName, qualifier] of CEASEFIRE_KINDS) if (qualifier.test(phrase)) return { slug: kind, name: kindName };
    return { slug, name };
  }
  return undefined;
}

/** Names targets: a known position first, then a family, then the phrase itself. */
export class TargetNamer {
  readonly named = new Map<string, { id: string; name: string; aliases: Set<string>; known: boolean }>();

  constructor(private readonly known: TargetCandidate[]) {}

  name(phrase: TargetPhrase): TargetRef {
    const match = bestMatch(phrase.text, this.known);
    if (match) return this.keep(match.candidate.id, match.candidate.names[0]!, phrase, true);
    const family = familyOf(phrase.text);
    if (family) {
      const ref = this.keep(`position:${family.slug}`, phrase.text.charAt(0).toUpperCase() + phrase.text.slice(1), phrase, false);
      this.named.get(ref.id)!.aliases.add(family.name);
      return ref;
    }
    // A long phrase is cut to twelve words, never ending on a word that needs the next ("of", "and").
    const words = phrase.text.split(/\s+/).slice(0, 12).join(' ').replace(/(?:\s+(?:and|or|of|the|a|an|between|for|to|with|in|on|at|by))+$/i, '');
    return this.keep(slugId('position', words), words.charAt(0).toUpperCase() + words.slice(1), phrase, false);
  }

  private keep(id: string, name: string, phrase: TargetPhrase, known: boolean): TargetRef {
    const entry = this.named.get(id) ?? { id, name, aliases: new Set<string>(), known };
    if (phrase.text.toLowerCase() !== name.toLowerCase()) entry.aliases.add(phrase.text);
    this.named.set(id, entry);
    return { id, name: entry.name, start: phrase.start, end: phrase.end };
  }
}
