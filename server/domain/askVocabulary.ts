/**
 * Ask's vocabulary: which word lemmas (as wink-nlp's lemmatizer gives them) signal which stance
 * types, structural relations and question forms. Lemmas, not inflected forms: the lemmatizer
 * turns "rejected", "rejects" and "rejecting" into "reject".
 */
import { STANCE_TYPE_NAMES, STANCE_TYPES, type StanceFamily, type StanceType } from './model.ts';

const ofFamily = (...families: StanceFamily[]): StanceType[] => STANCE_TYPE_NAMES.filter((t) => families.includes(STANCE_TYPES[t].family));
const REJECTING: StanceType[] = ['rejected', 'dismissed', 'opposed'];
const SUPPORTING = ofFamily('support');
const PROPOSING = ofFamily('proposal');

/** Stance verbs and nouns by lemma. Backing something includes having proposed it. */
export const STANCE_LEMMAS: Record<string, StanceType[]> = {
  reject: REJECTING, refuse: REJECTING, dismiss: REJECTING, oppose: REJECTING, rebuff: REJECTING, decline: REJECTING,
  rejection: REJECTING, opposition: REJECTING, against: REJECTING,
  accuse: ['accused'], blame: ['accused'], accusation: ['accused'],
  back: [...SUPPORTING, ...PROPOSING], support: [...SUPPORTING, ...PROPOSING], endorse: [...SUPPORTING, ...PROPOSING],
  favour: [...SUPPORTING, ...PROPOSING], favor: [...SUPPORTING, ...PROPOSING], want: [...SUPPORTING, ...PROPOSING],
  welcome: ['welcomed', 'praised', 'backed'],
  accept: SUPPORTING, agree: ['agreed', 'backed', 'welcomed', 'open_to'],
  propose: PROPOSING, suggest: PROPOSING, urge: PROPOSING, seek: PROPOSING,
  proposal: PROPOSING,
  demand: ['demanded'], insist: ['demanded'], require: ['demanded'],
  offer: ['offered'],
  claim: ['claimed'],
  praise: ['praised'], hail: ['praised'],
  open: ['open_to'],
};

/** Two-word stance verbs (lemma, particle) whose meaning differs from their first word's. */
export const STANCE_PHRASES: [string, string, StanceType[]][] = [
  ['turn', 'down', REJECTING], ['rule', 'out', REJECTING], ['say', 'no', REJECTING], ['push', 'back', REJECTING],
  ['call', 'for', PROPOSING], ['press', 'for', PROPOSING], ['push', 'for', PROPOSING], ['put', 'forward', PROPOSING],
  ['hold', 'off', ['held_off']], ['sign', 'up', SUPPORTING],
];

/** Words that ask for what someone said: every stance type, answered with its quotes. */
export const SAYING_LEMMAS = new Set(['say', 'quote', 'word', 'tell', 'statement', 'remark']);

/** Words that ask about a stance without naming one ("Where does Russia stand on …"). */
export const ANY_STANCE_LEMMAS = new Set(['stance', 'stand', 'position', 'view', 'think', 'attitude']);

export type StructureCue = 'leader' | 'represents' | 'membership' | 'participants' | 'host' | 'happened' | 'identity';

export const STRUCTURE_LEMMAS: Record<string, StructureCue> = {
  lead: 'leader', head: 'leader', chair: 'leader', leader: 'leader',
  represent: 'represents', speak: 'represents', spokesman: 'represents', spokesperson: 'represents',
  belong: 'membership', member: 'membership', part: 'membership',
  participate: 'participants', attend: 'participants', participant: 'participants',
  host: 'host',
  happen: 'happened', occur: 'happened',
  describe: 'identity',
};

export const QUESTION_WORDS = new Set(['who', 'whom', 'whose', 'what', 'which', 'when', 'where', 'why', 'how']);

// "common ground": both words say the same.
export const BOTH_LEMMAS = new Set(['both', 'together', 'jointly', 'common', 'share', 'ground']);
export const ONLY_LEMMAS = new Set(['only', 'alone', 'solely']);
export const COMPARE_LEMMAS = new Set(['compare', 'versus', 'vs', 'contrast', 'differ', 'difference', 'disagree', 'disagreement']);
/** Comparison words that ask only for where the actors differ. */
export const DIFFER_LEMMAS = new Set(['differ', 'difference', 'disagree', 'disagreement']);
/** Words that ask for positions some back and others reject. */
export const CONTESTED_LEMMAS = new Set(['contest', 'contested', 'dispute', 'disputed', 'controversial', 'divisive', 'divide', 'divided']);
/** Words that ask for the stances on something in date order. */
export const TIMELINE_LEMMAS = new Set(['timeline', 'history', 'chronology', 'evolve', 'unfold', 'sequence']);
export const CONDITION_LEMMAS = new Set(['condition', 'precondition', 'prerequisite', 'term', 'unless', 'price']);
export const NEGATION_LEMMAS = new Set(['not', "n't", 'never', 'no']);
export const LATEST_LEMMAS = new Set(['latest', 'recent', 'newest', 'last']);
export const EARLIEST_LEMMAS = new Set(['first', 'earliest']);
/** Two-word phrases (lemmas) after which a name is what something was put forward instead of. */
export const INSTEAD_PHRASES = [['instead', 'of'], ['rather', 'than'], ['in', 'place'], ['alternative', 'to']];
