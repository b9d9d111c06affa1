/**
 * Stance verbs of English news reporting, by lemma, mapped to the model's stance types
 * (server/contract/model.ts). A cue may need a following particle ("call for", "rule out") or
 * be a noun ("Kiev's call for", "the proposal"). Negation flips or drops a cue: "did not agree"
 * is not an agreement.
 */
import { STANCE_TYPES, type StanceType } from '../contract/model.ts';
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

/**
 * One cue a line: the head's lemma and any particles that must follow it, the stance type, and
 * how often this wording means the stance in reporting (0..1). Read once at load.
 */
const CUE_TABLE = `
  propose          proposed    0.85
  suggest          proposed    0.6
  put forward      proposed    0.8
  press for        proposed    0.75
  push for         proposed    0.75
  seek             proposed    0.6
  demand           demanded    0.85
  insist on        demanded    0.8
  require          demanded    0.6
  offer            offered     0.85
  pledge           offered     0.7
  call for         called_for  0.85
  urge             called_for  0.8
  appeal for       called_for  0.75
  back             backed      0.8
  support          backed      0.75
  endorse          backed      0.85
  favour           backed      0.7
  favor            backed      0.7
  welcome          welcomed    0.85
  open to          open_to     0.7
  ready to         open_to     0.6
  willing to       open_to     0.65
  agree            agreed      0.85
  accept           agreed      0.75
  sign             agreed      0.6
  decide to        agreed      0.7
  praise           praised     0.85
  hail             praised     0.8
  commend          praised     0.8
  reject           rejected    0.9
  refuse           rejected    0.8
  turn down        rejected    0.85
  rebuff           rejected    0.85
  dismiss          dismissed   0.85
  rule out         dismissed   0.85
  brush aside      dismissed   0.8
  oppose           opposed     0.85
  object to        opposed     0.75
  condemn          opposed     0.8
  criticise        opposed     0.7
  criticize        opposed     0.7
  accuse           accused     0.85
  blame            accused     0.8
  hold off         held_off    0.8
  refrain from     held_off    0.75
  claim            claimed     0.7
`;

function parseCue(line: string): Cue {
  const words = line.trim().split(/\s+/);
  const confidence = Number(words.pop());
  const type = words.pop() as StanceType;
  if (!(type in STANCE_TYPES) || !(confidence > 0 && confidence <= 1)) throw new Error(`stance lexicon: bad line "${line}"`);
  const [lemma, ...particle] = words;
  return { lemma: lemma!, ...(particle.length ? { particle } : {}), type, confidence };
}

const CUES: Cue[] = CUE_TABLE.split('\n').filter((line) => line.trim()).map(parseCue);

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

/** The stance a noun carries ("offer", "demands"), or null. */
export function nounStanceType(word: string): StanceType | null {
  const lower = word.toLowerCase();
  return NOUN_CUES[lower] ?? NOUN_CUES[lower.replace(/s$/, '')] ?? null;
}

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
