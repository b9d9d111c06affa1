/** What the extraction passes hand each other. Every item keeps its character offsets. */
import type { StanceType } from '../../../contract/model.ts';
import type { PartyKind } from '../../../contract/sourcePayload.ts';

export type ActorType = 'Party' | 'Official' | 'Delegation';

/** An actor the extraction can name: from the graph, the gazetteer, or proposed from the text. */
export interface ActorEntry {
  id: string;
  type: ActorType;
  name: string;
  aliases: string[];
  party?: string;
  partOf?: string;
  kind?: PartyKind;
  role?: string;
  title?: string;
  demonyms?: string[];
  /** New to the graph: declared in the draft's payload when a stance uses it. */
  proposed: boolean;
}

/** Words in the text that name an actor. */
export interface Mention {
  start: number;
  end: number;
  /** Token range [tokStart, tokEnd) and the token the phrase hangs on. */
  tokStart: number;
  tokEnd: number;
  head: number;
  entity: string;
  /** name, alias, ner, title, pronoun, description. */
  cue: string;
  confidence: number;
}

export interface Clause {
  verb: number;
  lemma: string;
  /** Subject tokens (several when joined by "and"). */
  subjects: number[];
  passive: boolean;
  agent?: number;
  /** Object-like complements: direct objects, attributes, objects of the verb's prepositions. */
  objects: Array<{ token: number; prep?: string }>;
  /** The infinitive or clausal complement ("agreed to sign"). */
  xcomp?: number;
  negated: boolean;
  /** Under "if", "unless", "whether": a condition, not a stance taken. */
  hypothetical: boolean;
  modal?: string;
  /** "has yet to", "falls on X to": the clause states no stance of its subject. */
  pending: boolean;
  /** The verb of speech whose complement this clause is ("X said that Y rejected …"). */
  reportedBy?: number;
  particle?: string;
  segment: number;
}

export interface QuoteSpan {
  start: number;
  end: number;
  speaker?: string;
  cue: string;
  confidence: number;
}

export interface TargetRef {
  id: string;
  name: string;
  /** The words in the text. */
  start: number;
  end: number;
}

export interface StanceCandidate {
  actor: string;
  type: StanceType;
  target: TargetRef;
  /** The cue word(s). */
  cueStart: number;
  cueEnd: number;
  cue: string;
  confidence: number;
  segment: number;
  /** Who relayed it, when second-hand. */
  via?: string;
  /** The quote it was read from, when inside one. */
  quote?: QuoteSpan;
  /** Span of the clause (actor to target), for evidence. */
  clauseStart: number;
  clauseEnd: number;
}
