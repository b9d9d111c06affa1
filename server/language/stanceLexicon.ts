/**
 * Stance verbs of English news reporting, by lemma, mapped to the model's stance types
 * (server/domain/model.ts). A cue may need a following particle ("call for", "rule out") or
 * be a noun ("Kiev's call for", "the proposal"). Negation flips or drops a cue: "did not agree"
 * is not an agreement.
 */
import type { StanceType } from '../contract/model.ts';
import type { Token } from './text.ts';

interface Cue {
  /** Lemma of the head word. */
  lemma: string;
  /** Words that must follow the head (lower case), e.g. ["for"] for "call for". */
  particle?: string[];
  type: StanceType;
  /** How often this wording means the stance in reporting (0..1). */
  confidence: number;
}

const CUES: Cue[] = [
  { lemma: 'propose', type: 'proposed', confidence: 0.85 },
  { lemma: 'suggest', type: 'proposed', confidence: 0.6 },
  { lemma: 'put', particle: ['forward'], type: 'proposed', confidence: 0.8 },
  { lemma: 'press', particle: ['for'], type: 'proposed', confidence: 0.75 },
  { lemma: 'push', particle: ['for'], type: 'proposed', confidence: 0.75 },
  { lemma: 'seek', type: 'proposed', confidence: 0.6 },
  { lemma: 'demand', type: 'demanded', confidence: 0.85 },
  { lemma: 'insist', particle: ['on'], type: 'demanded', confidence: 0.8 },
  { lemma: 'require', type: 'demanded', confidence: 0.6 },
  { lemma: 'offer', type: 'offered', confidence: 0.85 },
  { lemma: 'pledge', type: 'offered', confidence: 0.7 },
  { lemma: 'call', particle: ['for'], type: 'called_for', confidence: 0.85 },
  { lemma: 'urge', type: 'called_for', confidence: 0.8 },
  { lemma: 'appeal', particle: ['for'], type: 'called_for', confidence: 0.75 },
  { lemma: 'back', type: 'backed', confidence: 0.8 },
  { lemma: 'support', type: 'backed', confidence: 0.75 },
  { lemma: 'endorse', type: 'backed', confidence: 0.85 },
  { lemma: 'favour', type: 'backed', confidence: 0.7 },
  { lemma: 'favor', type: 'backed', confidence: 0.7 },
  { lemma: 'welcome', type: 'welcomed', confidence: 0.85 },
  { lemma: 'open', particle: ['to'], type: 'open_to', confidence: 0.7 },
  { lemma: 'ready', particle: ['to'], type: 'open_to', confidence: 0.6 },
  { lemma: 'willing', particle: ['to'], type: 'open_to', confidence: 0.65 },
  { lemma: 'agree', type: 'agreed', confidence: 0.85 },
  { lemma: 'accept', type: 'agreed', confidence: 0.75 },
  { lemma: 'sign', type: 'agreed', confidence: 0.6 },
  { lemma: 'praise', type: 'praised', confidence: 0.85 },
  { lemma: 'hail', type: 'praised', confidence: 0.8 },
  { lemma: 'commend', type: 'praised', confidence: 0.8 },
  { lemma: 'reject', type: 'rejected', confidence: 0.9 },
  { lemma: 'refuse', type: 'rejected', confidence: 0.8 },
  { lemma: 'turn', particle: ['down'], type: 'rejected', confidence: 0.85 },
  { lemma: 'rebuff', type: 'rejected', confidence: 0.85 },
  { lemma: 'dismiss', type: 'dismissed', confidence: 0.85 },
  { lemma: 'rule', particle: ['out'], type: 'dismissed', confidence: 0.85 },
  { lemma: 'brush', particle: ['aside'], type: 'dismissed', confidence: 0.8 },
  { lemma: 'oppose', type: 'opposed', confidence: 0.85 },
  { lemma: 'object', particle: ['to'], type: 'opposed', confidence: 0.75 },
  { lemma: 'condemn', type: 'opposed', confidence: 0.8 },
  { lemma: 'criticise', type: 'opposed', confidence: 0.7 },
  { lemma: 'criticize', type: 'opposed', confidence: 0.7 },
  { lemma: 'accuse', type: 'accused', confidence: 0.85 },
  { lemma: 'blame', type: 'accused', confidence: 0.8 },
  { lemma: 'hold', particle: ['off'], type: 'held_off', confidence: 0.8 },
  { lemma: 'refrain', particle: ['from'], type: 'held_off', confidence: 0.75 },
  { lemma: 'claim', type: 'claimed', confidence: 0.7 },
];

/** Nouns that carry a stance ("Kiev's call for", "Moscow's proposal of", "rejection of"). */
const NOUN_CUES: Record<string, StanceType> = {
  call: 'called_for',
  proposal: 'proposed',
  demand: 'demanded',
  offer: 'offered',
  rejection: 'rejected',
  refusal: 'rejected',
  backing: 'backed',
  support: 'backed',
};

/** Reporting verbs: they introduce quotes and indirect speech, not stances of their own. */
const SPEECH_LEMMAS = new Set([
  'say', 'tell', 'add', 'announce', 'state', 'note', 'stress', 'warn', 'write', 'post', 'insist', 'argue', 'explain',
  'declare', 'reply', 'respond', 'remark', 'comment', 'tweet', 'affirm', 'confirm', 'report', 'emphasise', 'emphasize',
]);

const NEGATORS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor']);

/** What a negated stance means: refusing to support or propose is a rejection; not ruling out is openness. */
const NEGATED: Partial<Record<StanceType, StanceType>> = {
  agreed: 'rejected',
  backed: 'opposed',
  dismissed: 'open_to',
  rejected: 'open_to',
  open_to: 'dismissed',
  offered: 'held_off',
};

export interface StanceCue {
  type: StanceType;
  /** The words of the cue ("did not agree", "called for"). */
  cue: string;
  /** Index of the head token in the sentence's tokens; the object starts after `objectFrom`. */
  head: number;
  objectFrom: number;
  start: number;
  end: number;
  negated: boolean;
  /** A noun cue ("the call for …"): its holder is a possessive before it, not a subject. */
  nominal: boolean;
  /** Passive ("is backed by …"): the actors follow "by". */
  passive: boolean;
  confidence: number;
}

/** Finds the stance cues of one sentence's tokens, with negation applied. */
export function findStanceCues(tokens: Token[]): StanceCue[] {
  const found: StanceCue[] = [];
  tokens.forEach((token, i) => {
    const word = token.text.toLowerCase();
    const isVerbLike = token.pos === 'VERB' || token.pos === 'ADJ' || token.pos === 'AUX' || (token.pos === 'NOUN' && /(ed|ing)$/.test(word));
    for (const cue of CUES) {
      if (cue.lemma !== token.lemma && cue.lemma !== word) continue;
      if (!isVerbLike && !(cue.particle && token.pos !== 'NOUN')) continue;
      const after = particleEnd(tokens, i, cue.particle);
      if (after === undefined) continue;
      const built = buildCue(tokens, i, after, cue.type, cue.confidence, false);
      if (built) found.push(built);
      return;
    }
    const nounType = NOUN_CUES[token.lemma];
    if (nounType && token.pos === 'NOUN') {
      const next = tokens[i + 1]?.text.toLowerCase();
      const built = ['for', 'of', 'to', 'on'].includes(next ?? '') ? buildCue(tokens, i, i + 2, nounType, 0.7, true) : undefined;
      if (built) found.push(built);
    }
  });
  return found;
}

function particleEnd(tokens: Token[], head: number, particle: string[] | undefined): number | undefined {
  if (!particle) return head + 1;
  // The particle may follow the object ("ruled it out") within two words.
  for (let gap = 0; gap <= 2; gap += 1) {
    const at = head + 1 + gap;
    if (particle.every((p, k) => tokens[at + k]?.text.toLowerCase() === p)) return at + particle.length;
  }
  return undefined;
}

/** A negated cue without a clear opposite ("did not demand") is no stance at all. */
function buildCue(tokens: Token[], head: number, after: number, base: StanceType, confidence: number, nominal: boolean): StanceCue | undefined {
  let first = head;
  let negated = false;
  // Negation and auxiliaries within three words before the head: "did not agree", "has never backed".
  for (let k = head - 1; k >= Math.max(0, head - 3); k -= 1) {
    const t = tokens[k]!;
    const w = t.text.toLowerCase();
    if (NEGATORS.has(w)) {
      negated = true;
      first = k;
    } else if (t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART') {
      if (negated) first = k;
    } else break;
  }
  const passive = !nominal && tokens[after]?.text.toLowerCase() === 'by' && /ed$/.test(tokens[head]!.text.toLowerCase()) && isPassiveAux(tokens, head);
  const type = negated ? NEGATED[base] : base;
  if (type === undefined) return undefined;
  const start = tokens[first]!.start;
  const end = tokens[after - 1]!.end;
  return {
    type,
    cue: tokens.slice(first, after).map((t) => t.text).join(' '),
    head,
    objectFrom: after,
    start,
    end,
    negated,
    nominal,
    passive,
    confidence: negated ? confidence * 0.7 : confidence,
  };
}

function isPassiveAux(tokens: Token[], head: number): boolean {
  for (let k = head - 1; k >= Math.max(0, head - 3); k -= 1) {
    if (['be', 'get'].includes(tokens[k]!.lemma)) return true;
  }
  return false;
}

/** Whether the token is a reporting verb ("said", "told", "added"). */
export function isSpeechVerb(token: Token): boolean {
  return token.pos !== 'NOUN' && SPEECH_LEMMAS.has(token.lemma);
}
