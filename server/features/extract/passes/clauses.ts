/**
 * Clauses from the dependency tree: for every verb (and every adjective of readiness) its
 * subjects, objects, infinitive complement, negation, modality, voice, and the verb of speech
 * it reports to. Nothing about stances yet; a pure reading of the parse.
 */
import type { ParsedDoc, Token } from '../../../nlp/parsedDoc.ts';
import { CONTROL_LEMMAS, READY_ADJECTIVES, SPEECH_LEMMAS } from './lexicon.ts';
import type { Clause } from './types.ts';

const SUBJECT = new Set(['nsubj', 'nsubjpass', 'csubj']);
const OBJECT = new Set(['dobj', 'attr', 'oprd', 'dative']);
const NEGATION = new Set(['not', "n't", 'never', 'no']);

export function readClauses(doc: ParsedDoc, segments: readonly number[]): Clause[] {
  const clauses: Clause[] = [];
  for (const t of doc.tokens) {
    const adjective = t.pos === 'ADJ' && READY_ADJECTIVES[t.lemma.toLowerCase()] !== undefined;
    if (t.pos !== 'VERB' && !adjective && !(t.pos === 'AUX' && t.dep === 'ROOT')) continue;
    const children = doc.children(t.i).map((c) => doc.token(c));
    const passive = children.some((c) => c.dep === 'nsubjpass' || c.dep === 'auxpass');
    const agentPrep = children.find((c) => c.dep === 'agent');
    const agent = agentPrep ? doc.children(agentPrep.i).find((c) => doc.token(c).dep === 'pobj') : undefined;
    const objects: Clause['objects'] = [];
    for (const c of children) {
      if (OBJECT.has(c.dep)) objects.push({ token: c.i });
      if (c.dep === 'prep') {
        const pobj = doc.children(c.i).find((g) => doc.token(g).dep === 'pobj' || doc.token(g).dep === 'pcomp');
        if (pobj !== undefined) objects.push({ token: pobj, prep: c.text.toLowerCase() });
      }
    }
    const xcomp = children.find((c) => c.dep === 'xcomp' || (c.dep === 'ccomp' && c.pos === 'VERB' && isInfinitive(doc, c.i)));
    clauses.push({
      verb: t.i,
      lemma: t.lemma.toLowerCase(),
      subjects: subjectsOf(doc, t),
      passive,
      ...(agent !== undefined ? { agent } : {}),
      objects,
      ...(xcomp ? { xcomp: xcomp.i } : {}),
      // "is not ready to": the negation sits on the verb the adjective completes.
      negated: children.some((c) => c.dep === 'neg' || NEGATION.has(c.text.toLowerCase())) || (adjective && t.dep === 'acomp' && doc.children(t.head).some((c) => doc.token(c).dep === 'neg')),
      hypothetical: isHypothetical(doc, t),
      ...(modalOf(doc, t) ? { modal: modalOf(doc, t)! } : {}),
      pending: isPending(doc, t),
      ...(reporter(doc, t) !== undefined ? { reportedBy: reporter(doc, t)! } : {}),
      ...(children.find((c) => c.dep === 'prt') ? { particle: children.find((c) => c.dep === 'prt')!.text.toLowerCase() } : {}),
      segment: segments[t.i]!,
    });
  }
  return clauses;
}

/** A verb marked as an infinitive by "to" ("to sign", "and to start talks"). */
export function isInfinitive(doc: ParsedDoc, verb: number): boolean {
  return doc.children(verb).some((c) => doc.token(c).dep === 'aux' && doc.token(c).text.toLowerCase() === 'to');
}

/** The verb's subjects: its own, or those of the verb it is joined to ("agreed and signed"), or its controller's. */
function subjectsOf(doc: ParsedDoc, verb: Token, depth = 0): number[] {
  const own = doc.children(verb.i).filter((c) => SUBJECT.has(doc.token(c).dep));
  if (own.length > 0) return own.flatMap((s) => [s, ...conjuncts(doc, s)]);
  if (depth > 4 || verb.head === verb.i) return [];
  const head = doc.token(verb.head);
  if (verb.dep === 'conj') return subjectsOf(doc, head, depth + 1);
  if ((verb.dep === 'xcomp' || verb.dep === 'ccomp') && (CONTROL_LEMMAS.has(head.lemma.toLowerCase()) || READY_ADJECTIVES[head.lemma.toLowerCase()])) return subjectsOf(doc, head, depth + 1);
  if (verb.dep === 'acomp' && head.lemma === 'be') return subjectsOf(doc, head, depth + 1);
  // "…, which rejected the plan": the relative clause's subject is the noun it describes.
  if (verb.dep === 'relcl' && doc.children(verb.i).some((c) => /^(which|who|that)$/i.test(doc.token(c).text))) return [verb.head];
  return [];
}

/** The words joined to a token by "and"/"or", and theirs in turn. */
export function conjuncts(doc: ParsedDoc, token: number): number[] {
  const out: number[] = [];
  for (const c of doc.children(token)) if (doc.token(c).dep === 'conj') out.push(c, ...conjuncts(doc, c));
  return out;
}

function modalOf(doc: ParsedDoc, verb: Token): string | undefined {
  const aux = doc.children(verb.i).map((c) => doc.token(c)).find((c) => c.tag === 'MD');
  if (aux) return aux.text.toLowerCase();
  if (verb.dep === 'xcomp' || verb.dep === 'conj') return verb.head !== verb.i ? modalOf(doc, doc.token(verb.head)) : undefined;
  return undefined;
}

/** "if Iran is not willing to …", "unless …": a condition, not a stance taken. */
function isHypothetical(doc: ParsedDoc, verb: Token): boolean {
  for (let t = verb, depth = 0; depth < 3; depth += 1) {
    if (doc.children(t.i).some((c) => doc.token(c).dep === 'mark' && /^(if|unless|whether)$/i.test(doc.token(c).text))) return true;
    if (t.head === t.i || !['acomp', 'xcomp', 'conj'].includes(t.dep)) return false;
    t = doc.token(t.head);
  }
  return false;
}

/** "has yet to accept", "it falls on Russia to accept", "is expected to sign": nothing taken yet. */
function isPending(doc: ParsedDoc, verb: Token): boolean {
  if (verb.dep !== 'xcomp') return false;
  const head = doc.token(verb.head);
  const lemma = head.lemma.toLowerCase();
  if (lemma === 'have' && doc.children(head.i).some((c) => doc.token(c).text.toLowerCase() === 'yet')) return true;
  return ['fall', 'expect', 'urge', 'ask', 'press', 'call', 'need', 'invite', 'force', 'pressure', 'push'].includes(lemma);
}

/** The verb of speech this clause is the content of: "X said (that) Y rejected …". */
function reporter(doc: ParsedDoc, verb: Token): number | undefined {
  let t = verb;
  for (let depth = 0; depth < 4 && t.head !== t.i; depth += 1) {
    const head = doc.token(t.head);
    if ((t.dep === 'ccomp' || t.dep === 'parataxis') && SPEECH_LEMMAS.has(head.lemma.toLowerCase())) return head.i;
    if (t.dep !== 'conj') return undefined;
    t = head;
  }
  return undefined;
}
