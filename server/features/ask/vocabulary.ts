/**
 * Ask's vocabulary on top of the language layer (server/language): which stance types a question's
 * stance cue asks for, and which word lemmas signal structural relations and question forms.
 * Lemmas, not inflected forms: the lemmatizer turns "rejected" and "rejects" into "reject".
 */
import { STANCE_TYPE_NAMES, STANCE_TYPES, type StanceFamily, type StanceType } from '../../contract/model.ts';

const ofFamily = (...families: StanceFamily[]): StanceType[] => STANCE_TYPE_NAMES.filter((t) => families.includes(STANCE_TYPES[t].family));
const REJECTING: StanceType[] = ['rejected', 'dismissed', 'opposed'];
const SUPPORTING = ofFamily('support');
const PROPOSING = ofFamily('proposal');

/**
 * What a stance cue means in a question. The language layer's lexicon names the one stance a
 * verb reports; a question asks for its kind: "who rejected" also finds a dismissal, "who
 * backed" also finds a proposal, "who accepted" any support.
 */
export const ASKED_TYPES: Record<StanceType, StanceType[]> = {
  rejected: REJECTING, dismissed: REJECTING, opposed: REJECTING,
  accused: ['accused'],
  backed: [...SUPPORTING, ...PROPOSING],
  welcomed: ['welcomed', 'praised', 'backed'],
  agreed: ['agreed', 'backed', 'welcomed', 'open_to'],
  open_to: ['open_to'],
  praised: ['praised'],
  proposed: PROPOSING, called_for: PROPOSING,
  demanded: ['demanded'],
  offered: ['offered'],
  held_off: ['held_off'],
  claimed: ['claimed'],
  stated: ['stated'],
};

/**
 * Question wording the article lexicon has no use for: "said no to", "was against", "wanted".
 * Each is a lemma, an optional following word, and the stance it stands for.
 */
export const QUESTION_CUES: [string, string | null, StanceType][] = [
  ['say', 'no', 'rejected'],
  ['against', null, 'rejected'],
  ['decline', null, 'rejected'],
  ['want', null, 'backed'],
];

/** Words that ask for what someone said: every stance type, answered with its quotes. */
export const SAYING_LEMMAS = new Set(['say', 'quote', 'word', 'tell', 'statement', 'remark']);

/** Words that ask about a stance without naming one ("Where does a party stand on …"). */
export const ANY_STANCE_LEMMAS = new Set(['stance', 'stand', 'position', 'view', 'think', 'attitude']);

export type StructureCue = 'leader' | 'represents' | 'membership' | 'participants' | 'host' | 'happened' | 'identity' | 'connection';

export const STRUCTURE_LEMMAS: Record<string, StructureCue> = {
  lead: 'leader', head: 'leader', chair: 'leader', leader: 'leader',
  represent: 'represents', speak: 'represents', spokesman: 'represents', spokesperson: 'represents',
  belong: 'membership', member: 'membership', part: 'membership',
  participate: 'participants', attend: 'participants', participant: 'participants',
  host: 'host',
  happen: 'happened', occur: 'happened',
  describe: 'identity',
  connect: 'connection', connection: 'connection', link: 'connection', relate: 'connection',
};

/** "According to Qassem": the word says whose account it is, not what is asked. */
export const ATTRIBUTION_WORDS = new Set(['according']);

export const QUESTION_WORDS = new Set(['who', 'whom', 'whose', 'what', 'which', 'when', 'where', 'why', 'how']);
/** "What date", "which day": a question word and one of these ask when. */
export const TIME_UNITS = new Set(['date', 'day', 'month', 'year', 'week', 'time']);

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
/** With a word of disagreement, words that ask where the sources themselves conflict ("Where do sources disagree?"). */
export const REPORT_LEMMAS = new Set(['source', 'report', 'outlet', 'account', 'media']);
export const CONFLICT_LEMMAS = new Set([...DIFFER_LEMMAS, 'conflict', 'conflicting', 'contradict', 'contradictory']);
