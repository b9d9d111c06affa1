/**
 * Stance words by lemma, as news reports use them: verbs ("hailed", "insisted on", "turned
 * down"), adjectives of readiness ("ready to", "open to") and nouns that carry a stance ("X's
 * proposal for", "a demand of X"). Also what negation turns a stance into, the verbs that
 * report speech, and the verbs whose infinitive complement shares their subject.
 */
import type { StanceType } from '../../../contract/model.ts';

/** Verb lemma → stance; a preposition after it may be required ("call for", "insist on"). */
export const VERB_STANCES: Record<string, { type: StanceType; preps?: string[]; particle?: string }> = {
  agree: { type: 'agreed' },
  accept: { type: 'agreed' },
  approve: { type: 'agreed' },
  sign: { type: 'agreed' },
  ratify: { type: 'agreed' },
  initial: { type: 'agreed' },
  initiale: { type: 'agreed' },
  initialle: { type: 'agreed' },
  commit: { type: 'agreed' },
  pledge: { type: 'agreed' },
  adopt: { type: 'agreed' },
  endorse: { type: 'backed' },
  conclude: { type: 'agreed' },
  finalise: { type: 'agreed' },
  finalize: { type: 'agreed' },
  reach: { type: 'agreed' },
  ink: { type: 'agreed' },
  reaffirm: { type: 'agreed' },
  propose: { type: 'proposed' },
  suggest: { type: 'proposed' },
  float: { type: 'proposed' },
  submit: { type: 'proposed' },
  put: { type: 'proposed', particle: 'forward' },
  table: { type: 'proposed' },
  demand: { type: 'demanded' },
  insist: { type: 'demanded', preps: ['on', 'upon'] },
  require: { type: 'demanded' },
  stipulate: { type: 'demanded' },
  condition: { type: 'demanded' },
  call: { type: 'called_for', preps: ['for'] },
  urge: { type: 'called_for' },
  appeal: { type: 'called_for', preps: ['for'] },
  seek: { type: 'called_for' },
  push: { type: 'called_for', preps: ['for'] },
  press: { type: 'called_for', preps: ['for'] },
  advocate: { type: 'called_for' },
  request: { type: 'called_for' },
  ask: { type: 'called_for' },
  offer: { type: 'offered' },
  welcome: { type: 'welcomed' },
  hail: { type: 'welcomed' },
  applaud: { type: 'welcomed' },
  celebrate: { type: 'welcomed' },
  congratulate: { type: 'welcomed' },
  thank: { type: 'welcomed' },
  appreciate: { type: 'welcomed' },
  back: { type: 'backed' },
  support: { type: 'backed' },
  favour: { type: 'backed' },
  favor: { type: 'backed' },
  prefer: { type: 'backed' },
  consider: { type: 'open_to' },
  praise: { type: 'praised' },
  commend: { type: 'praised' },
  laud: { type: 'praised' },
  reject: { type: 'rejected' },
  refuse: { type: 'rejected' },
  decline: { type: 'rejected' },
  spurn: { type: 'rejected' },
  rebuff: { type: 'rejected' },
  veto: { type: 'rejected' },
  turn: { type: 'rejected', particle: 'down' },
  dismiss: { type: 'dismissed' },
  deride: { type: 'dismissed' },
  oppose: { type: 'opposed' },
  resist: { type: 'opposed' },
  object: { type: 'opposed', preps: ['to'] },
  condemn: { type: 'opposed' },
  criticise: { type: 'opposed' },
  criticize: { type: 'opposed' },
  denounce: { type: 'opposed' },
  slam: { type: 'opposed' },
  block: { type: 'opposed' },
  caution: { type: 'opposed', preps: ['against'] },
  stand: { type: 'opposed', preps: ['against'] },
  warn: { type: 'opposed', preps: ['against'] },
  accuse: { type: 'accused' },
  blame: { type: 'accused' },
  suspend: { type: 'held_off' },
  postpone: { type: 'held_off' },
  delay: { type: 'held_off' },
  boycott: { type: 'held_off' },
  skip: { type: 'held_off' },
  cancel: { type: 'held_off' },
  freeze: { type: 'held_off' },
  withdraw: { type: 'held_off', preps: ['from'] },
  pull: { type: 'held_off', particle: 'out' },
  end: { type: 'held_off' },
  halt: { type: 'held_off' },
  hand: { type: 'agreed', particle: 'over' },
  give: { type: 'agreed', particle: 'up' },
  disarm: { type: 'agreed' },
  announce: { type: 'agreed' },
  confirm: { type: 'agreed' },
  claim: { type: 'claimed' },
  allege: { type: 'claimed' },
};

/** Verbs of emphasis that, with a need as object, call for what is needed ("stressed the need for talks"). */
export const EMPHASIS_LEMMAS = new Set(['stress', 'emphasise', 'emphasize', 'underline', 'underscore', 'highlight', 'reiterate', 'note', 'affirm', 'reaffirm', 'point', 'cite']);
export const NEED_NOUNS = new Set(['need', 'necessity', 'importance', 'urgency']);

/** Verbs that state a stance only about an agreement they name ("announced an agreement on …"). */
export const ABOUT_AGREEMENT = new Set(['announce', 'confirm', 'reach', 'conclude']);
/** Objects that make such a verb an agreement. */
export const AGREEMENT_NOUNS = new Set(['agreement', 'deal', 'accord', 'understanding', 'consensus', 'treaty', 'truce', 'ceasefire', 'cease-fire', 'completion']);
/** Verbs whose stance needs no object: the verb names it ("will not disarm"). */
export const SELF_TARGETS = new Set(['disarm']);

/** Adjectives that, with an infinitive or "to", make readiness: "ready to sign", "open to talks". */
export const READY_ADJECTIVES: Record<string, StanceType> = {
  ready: 'open_to',
  willing: 'open_to',
  prepared: 'open_to',
  open: 'open_to',
  committed: 'agreed',
  opposed: 'opposed',
  available: 'open_to',
  satisfied: 'welcomed',
  pleased: 'welcomed',
};
/** The prepositions that bring an adjective's object: "open to talks", "available for talks", "satisfied with the outcome". */
export const ADJECTIVE_PREPS = new Set(['to', 'for', 'with']);

/** Nouns that carry a stance of their possessor or of their "of"/"by" complement. */
export const NOUN_STANCES: Record<string, StanceType> = {
  proposal: 'proposed',
  plan: 'proposed',
  initiative: 'proposed',
  offer: 'offered',
  demand: 'demanded',
  insistence: 'demanded',
  call: 'called_for',
  request: 'called_for',
  appeal: 'called_for',
  push: 'called_for',
  bid: 'called_for',
  readiness: 'open_to',
  willingness: 'open_to',
  refusal: 'rejected',
  rejection: 'rejected',
  opposition: 'opposed',
  support: 'backed',
  commitment: 'agreed',
};

/** What "not" does to a stance: not agreeing is rejecting, not rejecting leaves it open. */
export const NEGATED: Partial<Record<StanceType, StanceType>> = {
  agreed: 'rejected',
  backed: 'opposed',
  welcomed: 'opposed',
  open_to: 'rejected',
  rejected: 'open_to',
  opposed: 'open_to',
  dismissed: 'open_to',
};

/** Verbs that report speech: their clausal complement is what the subject said. */
export const SPEECH_LEMMAS = new Set([
  'say', 'tell', 'add', 'state', 'announce', 'declare', 'write', 'note', 'stress', 'emphasise', 'emphasize', 'warn',
  'explain', 'report', 'confirm', 'affirm', 'reiterate', 'underline', 'tweet', 'post', 'argue', 'assert', 'remark',
  'reply', 'respond', 'insist', 'vow', 'maintain', 'reveal', 'indicate', 'signal', 'believe', 'think', 'hope', 'continue',
  'complain', 'acknowledge', 'underscore', 'highlight', 'describe', 'quote',
]);

/** Verbs whose infinitive complement has their subject: "X agreed to sign" is X signing. */
export const CONTROL_LEMMAS = new Set([
  'agree', 'refuse', 'decline', 'pledge', 'promise', 'want', 'seek', 'offer', 'propose', 'decide', 'vow', 'commit',
  'hope', 'try', 'plan', 'prepare', 'threaten', 'aim', 'intend', 'expect', 'move', 'choose', 'wish', 'fail', 'continue',
  'attempt', 'resolve', 'undertake',
]);

/** Control verbs that only pass their subject on; the complement's own stance applies. */
export const PASS_THROUGH = new Set(['decide', 'want', 'hope', 'try', 'plan', 'prepare', 'aim', 'intend', 'expect', 'move', 'choose', 'wish', 'continue', 'attempt', 'resolve', 'undertake', 'seek', 'vow', 'promise', 'threaten']);
