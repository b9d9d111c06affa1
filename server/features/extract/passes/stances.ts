/**
 * Stances from clauses: a stance word by lemma, its actor from the subject (or the agent of a
 * passive, or the speaker for "we" and "I" inside a quote), its target from the object, with
 * negation, modality and infinitive chains read ("refused to sign" rejects the deal, "would
 * sign" is open to it, "has yet to sign" holds off, "it falls on X to accept" is no stance of
 * X). A clause reported by a verb of speech with another subject is second-hand, via that
 * speaker. Nouns carry stances too: "X's proposal for …", "a demand of X", "X's call for …".
 */
import type { ParsedDoc } from '../../../nlp/parsedDoc.ts';
import type { StanceType } from '../../../contract/model.ts';
import { ABOUT_AGREEMENT, ADJECTIVE_PREPS, AGREEMENT_NOUNS, EMPHASIS_LEMMAS, NEED_NOUNS, NEGATED, NOUN_STANCES, PASS_THROUGH, READY_ADJECTIVES, SELF_TARGETS, VERB_STANCES } from './lexicon.ts';
import { conjuncts, isInfinitive } from './clauses.ts';
import { type Catalogue, mentionAt } from './mentions.ts';
import { phraseOf, type TargetNamer } from './targets.ts';
import type { Clause, Mention, QuoteSpan, StanceCandidate, TargetRef } from './types.ts';

const FIRST_PERSON = new Set(['we', 'i', 'us', 'our']);
/** Nouns that, bare, stand for a position named just before. */
const ANAPHORIC_NOUNS = new Set(['idea', 'proposal', 'plan', 'offer', 'initiative', 'deal', 'agreement', 'arrangement', 'demand', 'suggestion', 'request']);
const SIDES = /^(sides|parties|countries|nations|neighbours|neighbors|governments|leaders)$/i;

export interface StanceInput {
  doc: ParsedDoc;
  clauses: readonly Clause[];
  mentions: readonly Mention[];
  quotes: readonly QuoteSpan[];
  catalogue: Catalogue;
  targets: TargetNamer;
}

export function readStances(input: StanceInput): StanceCandidate[] {
  const { doc, clauses } = input;
  const byVerb = new Map(clauses.map((c) => [c.verb, c]));
  const out: StanceCandidate[] = [];
  let recent: { target: TargetRef; segment: number } | undefined;
  for (const clause of clauses) {
    const reading = stanceOfClause(doc, clause, byVerb);
    if (!reading) continue;
    const actors = actorsOf(input, clause, reading.actorClause ?? clause);
    if (actors.length === 0) continue;
    const verb = doc.token(clause.verb);
    const quote = quoteAround(input.quotes, verb.start);
    const via = viaOf(input, reading.actorClause ?? clause, actors, quote);
    let targets = targetsOf(input, reading.objects);
    if (targets.length === 0 && recent && clause.segment - recent.segment <= 3) targets = anaphoricTarget(doc, reading.objects, recent.target);
    if (targets.length > 0) recent = { target: targets[targets.length - 1]!, segment: clause.segment };
    for (const target of targets) for (const actor of actors) {
      if (actor.entity === target.id) continue;
      const actorMention = actor.mention;
      const clauseStart = Math.min(actorMention && actorMention.start < verb.start && verb.start - actorMention.start < 300 ? actorMention.start : verb.start, verb.start);
      out.push({
        actor: actor.entity,
        type: reading.type,
        target,
        cueStart: verb.start,
        cueEnd: verb.end,
        cue: reading.cue,
        confidence: Math.min(actor.confidence, reading.confidence),
        segment: clause.segment,
        ...(via ? { via } : {}),
        ...(quote ? { quote } : {}),
        clauseStart,
        clauseEnd: Math.max(target.end, verb.end),
      });
    }
  }
  out.push(...nominalStances(input));
  return out;
}

interface Reading {
  type: StanceType;
  cue: string;
  confidence: number;
  objects: number[];
  /** The clause whose subject is the actor, when not this one (a chain's head). */
  actorClause?: Clause;
}

function stanceOfClause(doc: ParsedDoc, clause: Clause, byVerb: Map<number, Clause>): Reading | undefined {
  const verb = doc.token(clause.verb);
  if (clause.pending || clause.hypothetical) return undefined;
  // "calls for the group to disarm", "its refusal to disarm": the content of a stance noun, not a stance of its own.
  for (let t = verb, depth = 0; depth < 3 && t.head !== t.i; depth += 1) {
    t = doc.token(t.head);
    if (t.pos === 'NOUN' && NOUN_STANCES[t.lemma.toLowerCase()]) return undefined;
    if (t.pos === 'VERB') break;
  }
  // The complement of a stance verb is read with it ("agreed to sign", "refused to accept").
  const headClause = byVerb.get(verb.head);
  // "agreed to a ceasefire and to start talks": a second infinitive shares the stance before it.
  if (verb.dep === 'conj' && headClause && isInfinitive(doc, verb.i) && !VERB_STANCES[clause.lemma]) {
    const first = stanceOfClause(doc, headClause, byVerb);
    if (first) return { ...first, objects: [clause.verb], actorClause: first.actorClause ?? headClause };
  }
  if (headClause && headClause.xcomp === verb.i && (VERB_STANCES[headClause.lemma] || READY_ADJECTIVES[headClause.lemma]) && !PASS_THROUGH.has(headClause.lemma)) return undefined;
  let type: StanceType | undefined;
  let cue = verb.text;
  let objects = clause.objects.filter((o) => !o.prep || o.prep === 'to' || o.prep === 'on' || o.prep === 'for' || o.prep === 'against' || o.prep === 'from' || o.prep === 'upon').map((o) => o.token);
  const adjective = READY_ADJECTIVES[clause.lemma];
  const entry = VERB_STANCES[clause.lemma];
  const needed = neededBy(doc, clause);
  if (needed !== undefined) {
    type = 'called_for';
    objects = [needed];
  } else if (adjective && verb.pos === 'ADJ') {
    type = adjective;
    // "pleased to announce" is a way of speaking; "pleased with the outcome" is a stance.
    const withPrep = clause.objects.filter((o) => o.prep && ADJECTIVE_PREPS.has(o.prep) && (adjective !== 'welcomed' || o.prep === 'with')).map((o) => o.token);
    objects = clause.xcomp !== undefined && adjective !== 'welcomed' ? [clause.xcomp] : withPrep;
    // "was 'open' to the idea": the parser may hang "to" on the verb the adjective completes.
    if (objects.length === 0 && verb.dep === 'acomp') objects = byVerb.get(verb.head)?.objects.filter((o) => o.prep === 'to').map((o) => o.token) ?? objectsOfHead(doc, verb.head);
  } else if (entry) {
    if (entry.particle && clause.particle !== entry.particle) return undefined;
    // "announced an agreement on …": only about an agreement.
    if (ABOUT_AGREEMENT.has(clause.lemma) && !clause.objects.some((o) => !o.prep && AGREEMENT_NOUNS.has(doc.token(o.token).lemma.toLowerCase()))) return undefined;
    // "hand over weapons", "give up arms": disarming.
    if (entry.particle && (clause.lemma === 'hand' || clause.lemma === 'give')) {
      if (!clause.objects.some((o) => /^(weapon|arm|arsenal)s?$/i.test(doc.token(o.token).lemma))) return undefined;
      objects = [clause.verb];
    }
    // "call for", "insist on": the preposition is the cue ("Putin called it a buffer zone" is no call for it).
    if (entry.preps && !clause.objects.some((o) => o.prep && entry.preps!.includes(o.prep)) && clause.xcomp === undefined) return undefined;
    type = entry.type;
    if (entry.preps) {
      const withPrep = clause.objects.filter((o) => o.prep && entry.preps!.includes(o.prep)).map((o) => o.token);
      if (withPrep.length > 0) objects = withPrep;
    }
    // "thanked X for Y", "accused X of Y", "urged X to Y": the second complement is the target.
    if (['thank', 'congratulate', 'praise', 'commend', 'accuse', 'blame', 'criticise', 'criticize', 'condemn'].includes(clause.lemma)) {
      const about = clause.objects.filter((o) => o.prep === 'for' || o.prep === 'of' || o.prep === 'over').map((o) => o.token);
      if (about.length > 0) objects = about;
    }
    if (clause.lemma === 'urge' || clause.lemma === 'call' || clause.lemma === 'press' || clause.lemma === 'push' || clause.lemma === 'ask') {
      if (clause.xcomp !== undefined) objects = [clause.xcomp];
      // "asked Pakistan to abjure terrorism" calls for it; "asked about the talks" does not.
      else if (clause.lemma === 'ask') return undefined;
    }
    // A chain: "agreed to exchange prisoners", "refused to sign the deal", "offered to host talks";
    // after an actor as object too ("offered Kyiv to return the bodies").
    if (clause.xcomp !== undefined && !objects.includes(clause.xcomp)) objects = [...objects, clause.xcomp];
    if (objects.length === 0 && SELF_TARGETS.has(clause.lemma)) objects = [clause.verb];
    // "demanded (that) Ukraine pull its troops out", "proposed they meet": the clause is the target.
    if (objects.length === 0 && ['demanded', 'proposed', 'called_for'].includes(entry.type)) {
      const content = doc.children(clause.verb).find((c) => doc.token(c).dep === 'ccomp' && doc.token(c).pos === 'VERB');
      if (content !== undefined) objects = [content];
    }
  } else if (clause.lemma === 'prepare' && clause.xcomp !== undefined && doc.children(clause.verb).some((c) => doc.token(c).lemma === 'be')) {
    // "are prepared to trigger the mechanism": readiness, like "ready to".
    type = 'open_to';
    objects = [clause.xcomp];
  } else if (clause.xcomp !== undefined && !PASS_THROUGH.has(clause.lemma)) {
    return undefined;
  } else {
    return undefined;
  }
  if (clause.negated) {
    const flipped = NEGATED[type];
    if (!flipped) return undefined;
    type = flipped;
    cue = `not ${cue}`;
  }
  // "would sign", "could accept": readiness, not agreement.
  if (type === 'agreed' && clause.modal && ['would', 'could', 'might', 'may'].includes(clause.modal)) type = 'open_to';
  // A passive without an agent names no one ("a deal was signed").
  if (clause.passive && clause.agent === undefined) return undefined;
  // "the plan was backed by Kyiv", "the idea, which is backed by Kyiv": what the passive's subject names.
  if (clause.passive && objects.length === 0) objects = clause.subjects.map((t) => (/^(which|that)$/i.test(doc.token(t).text) && verb.dep === 'relcl' ? verb.head : t));
  if (objects.length === 0) return undefined;
  // "ready to": the adjective's subject comes from its verb ("is ready").
  const actorClause = verb.pos === 'ADJ' && verb.dep === 'acomp' ? byVerb.get(verb.head) : undefined;
  return { type, cue, confidence: clause.modal ? 0.6 : 0.75, objects, ...(actorClause ? { actorClause } : {}) };
}

/**
 * "stressed the need to activate the committee", "underlined the importance of a ceasefire": a
 * verb of emphasis whose object is a need names what its subject calls for.
 */
function neededBy(doc: ParsedDoc, clause: Clause): number | undefined {
  if (!EMPHASIS_LEMMAS.has(clause.lemma)) return undefined;
  for (const o of clause.objects) {
    if (o.prep || !NEED_NOUNS.has(doc.token(o.token).lemma.toLowerCase())) continue;
    for (const c of doc.children(o.token)) {
      const child = doc.token(c);
      if (child.dep === 'acl' && child.pos === 'VERB') return c;
      if (child.dep === 'prep' && /^(for|of)$/i.test(child.text)) {
        const pobj = doc.children(c).find((g) => doc.token(g).dep === 'pobj' || doc.token(g).dep === 'pcomp');
        if (pobj !== undefined) return pobj;
      }
    }
  }
  return undefined;
}

/** The objects of "to" on a token that is no clause of its own (an auxiliary "was"). */
function objectsOfHead(doc: ParsedDoc, head: number): number[] {
  const to = doc.children(head).find((c) => doc.token(c).dep === 'prep' && doc.token(c).text.toLowerCase() === 'to');
  return to === undefined ? [] : doc.children(to).filter((g) => doc.token(g).dep === 'pobj');
}

interface ActorRef {
  entity: string;
  confidence: number;
  mention?: Mention;
}

function actorsOf(input: StanceInput, clause: Clause, subjectClause: Clause): ActorRef[] {
  const { doc, mentions, quotes, catalogue } = input;
  const subjects = clause.passive && clause.agent !== undefined ? [clause.agent] : subjectClause.subjects.length > 0 ? subjectClause.subjects : clause.subjects;
  const out: ActorRef[] = [];
  for (const s of subjects) {
    const token = doc.token(s);
    if (FIRST_PERSON.has(token.text.toLowerCase())) {
      const quote = quoteAround(quotes, token.start);
      if (quote?.speaker) out.push({ entity: quote.speaker, confidence: 0.75 });
      continue;
    }
    const m = mentionAt(mentions, s) ?? ownerMention(doc, mentions, s);
    if (m && catalogue.byId.has(m.entity)) {
      out.push({ entity: m.entity, confidence: m.confidence, mention: m });
      continue;
    }
    // "the Governments of India and Pakistan": the parties named in the "of" phrase.
    const of = doc.children(s).find((c) => doc.token(c).dep === 'prep' && doc.token(c).text.toLowerCase() === 'of');
    const pobj = of !== undefined ? doc.children(of).find((c) => doc.token(c).dep === 'pobj') : undefined;
    if (pobj !== undefined && /^(government|leader|side|delegation|minister|president)s?$/i.test(token.lemma)) {
      for (const t of [pobj, ...conjuncts(doc, pobj)]) {
        const owner = mentionAt(mentions, t);
        if (owner && catalogue.byId.has(owner.entity)) out.push({ entity: owner.entity, confidence: owner.confidence * 0.9, mention: owner });
      }
      continue;
    }
    // "both sides", "the two countries": the two parties the report is most about.
    if (SIDES.test(token.text) && doc.children(s).some((c) => /^(both|two|the)$/i.test(doc.token(c).text))) {
      for (const id of mainParties(input)) out.push({ entity: id, confidence: 0.5 });
    }
  }
  return dedupe(out);
}

/** "Russia's delegation" without a group mention: the possessor. */
function ownerMention(doc: ParsedDoc, mentions: readonly Mention[], token: number): Mention | undefined {
  for (const c of doc.children(token)) if (doc.token(c).dep === 'poss') return mentionAt(mentions, c);
  return undefined;
}

function mainParties(input: StanceInput): string[] {
  const counts = new Map<string, number>();
  for (const m of input.mentions) {
    const e = input.catalogue.byId.get(m.entity);
    if (e?.type === 'Party' && e.kind !== 'organisation' && e.kind !== 'bloc') counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([id]) => id);
}

function dedupe(actors: ActorRef[]): ActorRef[] {
  const seen = new Set<string>();
  return actors.filter((a) => !seen.has(a.entity) && seen.add(a.entity));
}

/**
 * The first object that names a position, and each object joined to it by "and" ("called for a
 * ceasefire and the release of prisoners" is two calls).
 */
function targetsOf(input: StanceInput, objects: number[]): TargetRef[] {
  const { doc } = input;
  for (const o of objects) {
    const first = targetOfToken(input, o);
    if (!first) continue;
    const out = [first];
    for (const c of conjuncts(doc, o)) {
      const next = targetOfToken(input, c);
      if (next && !out.some((t) => t.id === next.id)) out.push(next);
    }
    return out;
  }
  return [];
}

/**
 * "Trump was open to the idea", "Kyiv rejected the proposal": a bare "the idea" refers back to
 * the position named last, a sentence or two before; it takes that position at its own words.
 */
function anaphoricTarget(doc: ParsedDoc, objects: number[], antecedent: TargetRef): TargetRef[] {
  for (const o of objects) {
    const token = doc.token(o);
    if (token.pos !== 'NOUN' || !ANAPHORIC_NOUNS.has(token.lemma.toLowerCase())) continue;
    const children = doc.children(o).map((c) => doc.token(c));
    if (!children.some((c) => c.dep === 'det' && /^(the|this|that|such)$/i.test(c.text))) continue;
    if (children.some((c) => ['prep', 'acl', 'compound', 'poss', 'amod'].includes(c.dep))) continue;
    return [{ ...antecedent, start: token.start, end: token.end }];
  }
  return [];
}

function targetOfToken(input: StanceInput, o: number): TargetRef | undefined {
  const { doc, mentions, catalogue, targets } = input;
  const m = mentionAt(mentions, o);
  // An actor as object ("welcomed Trump"): no position named.
  if (m && catalogue.byId.has(m.entity) && doc.token(o).pos !== 'VERB') return undefined;
  const phrase = phraseOf(doc, o);
  if (!phrase) return undefined;
  if (mentions.some((x) => x.start <= phrase.start && x.end >= phrase.end)) return undefined;
  return targets.name(phrase);
}

export function quoteAround(quotes: readonly QuoteSpan[], offset: number): QuoteSpan | undefined {
  return quotes.find((q) => offset >= q.start && offset < q.end);
}

/** Who relayed a stance: another speaker whose verb of speech frames it, or the speaker of the quote it stands in. */
function viaOf(input: StanceInput, clause: Clause, actors: ActorRef[], quote: QuoteSpan | undefined): string | undefined {
  const { doc, mentions, catalogue } = input;
  if (quote?.speaker && !actors.some((a) => a.entity === quote.speaker)) return catalogue.byId.get(quote.speaker)?.name;
  if (clause.reportedBy === undefined) return undefined;
  for (const c of doc.children(clause.reportedBy)) {
    if (doc.token(c).dep !== 'nsubj') continue;
    const m = mentionAt(mentions, c);
    if (m && !actors.some((a) => a.entity === m.entity)) return catalogue.byId.get(m.entity)?.name;
  }
  return undefined;
}

/** "Israel's proposal for a two-month ceasefire", "a longstanding demand of Baku", "the US call for talks". */
function nominalStances(input: StanceInput): StanceCandidate[] {
  const { doc, mentions, catalogue, targets } = input;
  const out: StanceCandidate[] = [];
  for (const t of doc.tokens) {
    if (t.pos !== 'NOUN') continue;
    const type = NOUN_STANCES[t.lemma.toLowerCase()];
    if (!type) continue;
    const children = doc.children(t.i).map((c) => doc.token(c));
    let owner: Mention | undefined;
    for (const c of children) {
      if (c.dep === 'poss' || c.dep === 'compound' || (c.dep === 'amod' && c.entType === 'NORP')) owner ??= mentionAt(mentions, c.i);
      if (c.dep === 'prep' && /^(of|by|from)$/i.test(c.text)) {
        const pobj = doc.children(c.i).find((g) => doc.token(g).dep === 'pobj');
        if (pobj !== undefined) owner ??= mentionAt(mentions, pobj);
      }
    }
    if (!owner || !catalogue.byId.has(owner.entity)) continue;
    let object: number | undefined;
    for (const c of children) {
      if (c.dep === 'prep' && /^(for|to|on)$/i.test(c.text)) object ??= doc.children(c.i).find((g) => doc.token(g).dep === 'pobj');
      if (c.dep === 'acl' || c.dep === 'relcl') object ??= c.pos === 'VERB' && doc.children(c.i).some((g) => doc.token(g).text.toLowerCase() === 'to') ? c.i : undefined;
    }
    // "the US proposal" without a complement: the proposal itself is the target of its author.
    const phrase = object !== undefined ? phraseOf(doc, object) : undefined;
    if (!phrase) continue;
    if (mentions.some((x) => x.start <= phrase.start && x.end >= phrase.end)) continue;
    const target = targets.name(phrase);
    if (target.id === owner.entity) continue;
    out.push({
      actor: owner.entity,
      type,
      target,
      cueStart: t.start,
      cueEnd: t.end,
      cue: `${doc.text.slice(owner.start, owner.end)} … ${t.text}`,
      confidence: 0.6,
      segment: -1,
      clauseStart: Math.min(owner.start, t.start),
      clauseEnd: Math.max(target.end, t.end),
      ...(quoteAround(input.quotes, t.start) ? { quote: quoteAround(input.quotes, t.start)! } : {}),
    });
  }
  return out;
}
