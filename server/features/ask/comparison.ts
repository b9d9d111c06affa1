/**
 * Ask about a comparison of documents: "How do the Russian and Ukrainian memorandums differ on
 * the ceasefire?", "Where do the two memorandums agree?". A question is one when it speaks of
 * documents (a document noun, or a document's name) and either names two or more documents that
 * hold points or speaks of them together ("the two plans", "each memorandum", "which
 * memorandum"). The documents are found by the graph's names: a document's own names and
 * aliases, and its author's (an author named in the question, or by an adjective that shares the
 * name's stem, "Russian" for Russia, names the author's document). An optional topic narrows the
 * rows: the question's remaining words matched against each row's position names and aliases
 * and its topic's words. The answer is the compare domain function's rows (features/documents),
 * each side's point in words and its evidence as citations. A document it cannot find is said.
 */
import type { Database } from '../../db/database.ts';
import type { AskCitation } from '../../contract/ask.ts';
import type { GradeFilter } from '../../contract/common.ts';
import type { CompareRow, DocumentComparison, DocumentPoint } from '../../contract/documents.ts';
import { MAX_COMPARED_DOCUMENTS } from '../../contract/documents.ts';
import { type PointTopic, STANCE_TYPES, type StanceType } from '../../contract/model.ts';
import type { NameRow } from '../../core/namesData.ts';
import { STATES, isStopWord } from '../../language/index.ts';
import { compareDocuments } from '../documents/documents.ts';
import { type ComparedDocumentRow, readComparableDocuments } from './comparisonData.ts';
import { type Reading, nameWords } from './reading.ts';
import { QUESTION_WORDS } from './vocabulary.ts';

export interface ComparisonAnswer {
  status: 'answered' | 'not_found';
  answer: string;
  confidence: number;
  citations: AskCitation[];
}

/** Nouns that speak of a document; the singular is matched against the graph's document kinds. */
const DOCUMENT_NOUNS: Record<string, string> = {
  memorandum: 'memorandum', memorandums: 'memorandum', memoranda: 'memorandum',
  plan: 'plan', plans: 'plan', proposal: 'plan', proposals: 'plan', counterproposal: 'plan', roadmap: 'memorandum', roadmaps: 'memorandum',
  draft: 'plan', drafts: 'plan', document: '', documents: '',
};
const PLURAL = new Set(['memorandums', 'memoranda', 'plans', 'proposals', 'drafts', 'documents', 'roadmaps']);
/** Words before a plural document noun that speak of the documents together ("the two plans"). */
const PLURAL_DETERMINERS = new Set(['the', 'two', 'three', 'four', 'five', 'both', 'all', 'these', 'those']);
/** Words before a document noun that speak of each of them ("each memorandum", "which plan"). */
const SINGLE_DETERMINERS = new Set(['each', 'either', 'which', 'every', 'both']);
/** "which of the memorandums", "only one of the plans". */
const OF_THE = new Set(['which', 'each', 'both', 'either', 'one', 'all', 'two', 'neither', 'none']);
/** Words that speak of the documents together, and so say nothing of the topic. */
const TOGETHER = new Set([...PLURAL_DETERMINERS, ...SINGLE_DETERMINERS, ...OF_THE, 'other']);
const AGREE = new Set(['agree', 'agreement', 'common', 'ground', 'share', 'shared', 'same', 'overlap']);
const CONTRADICT = new Set(['contradict', 'contradicts', 'contradiction', 'contradictions', 'opposite', 'oppose', 'opposed', 'clash', 'conflict', 'incompatible']);
const DIFFER = new Set(['differ', 'differs', 'different', 'differently', 'difference', 'differences', 'compare', 'comparison', 'contrast', 'versus', 'vs', 'treat', 'diverge']);
const ONLY = new Set(['only', 'alone', 'solely']);
/** Words of a question that say what is asked of a document, not what about. */
const ASKING = new Set(['say', 'says', 'said', 'ask', 'asks', 'call', 'calls', 'propose', 'proposes', 'put', 'puts', 'want', 'wants', 'would', 'accept', 'any', 'there', 'does', 'do', 'each', 'under', 'side']);

/**
 * The words of each point topic (docs/model.md, "A document's points"): the topic's own name and
 * the common words for it, as an analyst asks.
 */
const TOPIC_WORDS: Record<PointTopic, string[]> = {
  ceasefire: ['ceasefire', 'truce', 'hostilities', 'armistice'],
  withdrawal: ['withdrawal', 'withdraw', 'pullback', 'pull'],
  territory: ['territory', 'territorial', 'border', 'annexation', 'regions', 'land'],
  prisoners_missing: ['prisoners', 'prisoner', 'exchange', 'swap', 'missing', 'detained', 'bodies', 'captives'],
  humanitarian: ['humanitarian', 'children', 'civilians', 'refugees', 'aid', 'displaced'],
  security_guarantees: ['security', 'guarantee', 'guarantees', 'protection'],
  military_limits: ['army', 'armed', 'forces', 'military', 'mobilisation', 'mobilization', 'weapons', 'nuclear'],
  alliances_neutrality: ['neutrality', 'neutral', 'nato', 'alliance', 'alliances', 'eu', 'membership', 'bloc'],
  sanctions: ['sanctions', 'sanction'],
  elections_governance: ['elections', 'election', 'vote', 'governance', 'martial'],
  rights_identity: ['language', 'rights', 'church', 'identity', 'nazism', 'minority'],
  justice_accountability: ['compensation', 'reparations', 'damage', 'justice', 'accountability', 'amnesty', 'claims'],
  economy_reconstruction: ['reconstruction', 'economy', 'economic', 'assets', 'trade', 'investment'],
  implementation_monitoring: ['monitor', 'monitoring', 'observers', 'supervision', 'verification', 'oversight'],
  process_talks: ['talks', 'meeting', 'summit', 'negotiations', 'treaty'],
};

/** Rows an answer describes before it says "and N more". */
const SHOWN_ROWS = 8;
const ACTOR_TYPES = new Set(['Party', 'Official', 'Delegation']);

/** A word's first five letters, plural "s" off (as ask's reading compares words). */
const stem = (word: string) => word.replace(/(?<=\p{L}{3})s$/u, '').slice(0, 5);
const stemsOf = (text: string) => new Set(nameWords(text).filter((w) => w.length > 1 && !isStopWord(w)).map(stem));

export type ComparisonIntent = 'agree' | 'contradict' | 'differ' | 'describe';

export interface ComparisonQuestion {
  /** The documents to compare, in the order the question names them; fewer than two when it cannot find them. */
  documents: string[];
  /** The documents the question names (by their names or their authors'), outright ones first. */
  named: string[];
  /** The one document the question is about, when it names one before a singular noun ("Ukraine's memorandum"). */
  subject: string | null;
  intent: ComparisonIntent;
  only: boolean;
  /** The question's words left to say what the comparison is about (stems). */
  topicWords: string[];
  /** Positions the question names outright. */
  positions: string[];
  /** Parties the question asks for a document of ("Türkiye's memorandum", "the Turkish plan") that holds no points. */
  missing: string[];
}

/** One-word names of states (name, aliases, demonyms) from the language layer's gazetteer, as stems. */
function stateStems(id: string): string[] {
  const state = STATES.find((s) => s.id === id);
  if (!state) return [];
  return [state.name, ...(state.aliases ?? []), ...(state.demonyms ?? [])].map((n) => nameWords(n)).filter((w) => w.length === 1 && w[0]!.length > 1).map((w) => stem(w[0]!));
}

/**
 * Reads a question as a comparison of documents, or null when it is none. Pure: the reading,
 * the documents that hold points and nothing else.
 */
export function readComparison(reading: Reading, documents: ComparedDocumentRow[]): ComparisonQuestion | null {
  const words = nameWords(reading.question);
  const nouns = words.filter((w) => w in DOCUMENT_NOUNS);
  const mentioned = reading.mentions.filter((m) => m.entity.type === 'Document').map((m) => m.entity.id);
  if (nouns.length === 0 && mentioned.length === 0) return null;

  // Each document's naming stems: its author's names, and the words of its own names that share a stem with them.
  const naming = new Map(
    documents.map((d) => {
      const author = new Set([
        ...d.authorNames.flatMap((n) => nameWords(n)).filter((w) => w.length > 1 && !isStopWord(w)).map(stem),
        ...(d.author ? stateStems(d.author) : []),
      ]);
      const own = d.names.flatMap((n) => nameWords(n)).map(stem).filter((s) => author.has(s));
      return [d.id, new Set([...author, ...own])];
    }),
  );
  const demonyms = new Set([
    ...STATES.flatMap((st) => (st.demonyms ?? []).flatMap((n) => nameWords(n))),
    ...documents.flatMap((d) => {
      const author = new Set(d.authorNames.flatMap((n) => nameWords(n)));
      return d.names.flatMap((n) => nameWords(n)).filter((w) => !author.has(w) && naming.get(d.id)!.has(stem(w)));
    }),
  ]);
  const partyStems = new Set(STATES.flatMap((st) => stateStems(st.id)));
  const names = (w: string) => documents.filter((d) => naming.get(d.id)!.has(stem(w))).map((d) => d.id);
  const isNaming = (w: string) => names(w).length > 0 || partyStems.has(stem(w));
  /** The index of the document noun a naming word stands before ("Russian and Ukrainian memorandums"), or -1. */
  const nounAfter = (i: number) => {
    let j = i + 1;
    while (j < words.length && (words[j] === 'and' || words[j] === 'or' || isNaming(words[j]!))) j += 1;
    return j < words.length && words[j]! in DOCUMENT_NOUNS ? j : -1;
  };
  // Named outright: by a document's name, by its author before a document noun, or by a demonym
  // ("the Russian ban"); an author named otherwise ("give Ukraine …") names its document only weakly.
  const strong = new Map<string, number>();
  const weak = new Map<string, number>();
  const adjacent: { id: string; noun: string }[] = [];
  for (const m of reading.mentions) if (m.entity.type === 'Document') strong.set(m.entity.id, reading.question.indexOf(m.text));
  words.forEach((w, i) => {
    for (const id of names(w)) {
      const noun = nounAfter(i);
      if (noun >= 0) adjacent.push({ id, noun: words[noun]! });
      if (noun >= 0 || demonyms.has(w)) {
        if (!strong.has(id)) strong.set(id, i);
      } else if (!weak.has(id)) weak.set(id, i);
    }
  });
  for (const m of reading.mentions) {
    if (!ACTOR_TYPES.has(m.entity.type)) continue;
    const party = m.entity.party ?? m.entity.id;
    for (const d of documents) if ((d.party === party || d.author === m.entity.id) && !weak.has(d.id)) weak.set(d.id, words.length);
  }
  const byPlace = (map: Map<string, number>) => [...map].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  const strongIds = byPlace(strong);
  const named = [...strongIds, ...byPlace(weak).filter((id) => !strong.has(id))];
  const adjacentIds = [...new Set(adjacent.map((a) => a.id))];
  const subject = adjacentIds.length === 1 && !PLURAL.has(adjacent.find((a) => a.id === adjacentIds[0])!.noun) ? adjacentIds[0]! : null;

  const kinds = new Set(nouns.map((n) => DOCUMENT_NOUNS[n]).filter(Boolean));
  const ofKind = documents.filter((d) => d.kind !== null && kinds.has(d.kind));
  const pool = ofKind.length >= 2 ? ofKind : documents;
  // Speaking of the documents together: "the two plans", "each memorandum", "which of the memorandums".
  const together = words.some((w, k) => {
    if (!(w in DOCUMENT_NOUNS)) return false;
    let j = k - 1;
    while (j >= 0 && (words[j] === 'and' || words[j] === 'or' || isNaming(words[j]!))) j -= 1;
    const before = words[j];
    if (before === undefined) return false;
    if (PLURAL.has(w) && PLURAL_DETERMINERS.has(before)) return true;
    if (SINGLE_DETERMINERS.has(before)) return true;
    return before === 'the' && words[j - 1] === 'of' && OF_THE.has(words[j - 2] ?? '');
  });
  const has = (set: Set<string>) => words.some((w) => set.has(w));
  const intent: ComparisonIntent = has(CONTRADICT) ? 'contradict' : has(AGREE) ? 'agree' : has(DIFFER) ? 'differ' : 'describe';
  const only = has(ONLY) || words.includes('which');

  let chosen: string[];
  if (together && pool.length >= 2 && pool.length <= MAX_COMPARED_DOCUMENTS) {
    chosen = [...named.filter((id) => pool.some((d) => d.id === id)), ...pool.map((d) => d.id).filter((id) => !named.includes(id))];
  } else if (strongIds.length >= 2) {
    chosen = strongIds.slice(0, MAX_COMPARED_DOCUMENTS);
  } else if (together || (strongIds.length === 1 && intent !== 'describe')) {
    chosen = strongIds;
  } else {
    return null;
  }

  const namingStems = new Set(chosen.flatMap((id) => [...naming.get(id)!]));
  const mentionStems = new Set(reading.mentions.filter((m) => ACTOR_TYPES.has(m.entity.type) || m.entity.type === 'Document').flatMap((m) => [...stemsOf(m.text)]));
  const cue = (w: string) => w in DOCUMENT_NOUNS || TOGETHER.has(w) || AGREE.has(w) || CONTRADICT.has(w) || DIFFER.has(w) || ONLY.has(w) || ASKING.has(w) || QUESTION_WORDS.has(w);
  const topicWords = [...new Set(words.filter((w) => w.length > 1 && !isStopWord(w) && !cue(w)).map(stem).filter((s) => !namingStems.has(s) && !mentionStems.has(s)))];
  const positions = reading.mentions.filter((m) => m.entity.type === 'Position').map((m) => m.entity.id);
  return { documents: chosen, named, subject: subject !== null && chosen.includes(subject) ? subject : null, intent, only, topicWords, positions, missing: missingAuthors(reading, words, documents) };
}

/**
 * Parties the question asks for a document of that holds no points: a party's name or demonym
 * (the graph's, or the gazetteer's) followed by a document noun, with only other such names and
 * "and"/"or" between ("the Turkish and Russian plans").
 */
function missingAuthors(reading: Reading, words: string[], documents: ComparedDocumentRow[]): string[] {
  const parties = new Map<string, string>();
  for (const state of STATES) for (const s of stateStems(state.id)) parties.set(s, state.name);
  for (const m of reading.mentions) if (m.entity.type === 'Party') for (const s of stemsOf(m.text)) parties.set(s, m.entity.label);
  const authors = new Set(documents.flatMap((d) => [d.author, d.party, ...d.authorNames].filter((x): x is string => x !== null)));
  const authorStems = new Set(documents.flatMap((d) => [...d.authorNames.flatMap((n) => nameWords(n)).map(stem), ...(d.author ? stateStems(d.author) : [])]));
  const missing: string[] = [];
  words.forEach((word, i) => {
    const party = parties.get(stem(word));
    if (party === undefined || authorStems.has(stem(word)) || authors.has(party)) return;
    let j = i + 1;
    while (j < words.length && (words[j] === 'and' || words[j] === 'or' || parties.has(stem(words[j]!)))) j += 1;
    if (j < words.length && words[j]! in DOCUMENT_NOUNS && !missing.includes(party)) missing.push(party);
  });
  return missing;
}


/**
 * The rows a comparison question is about: every row when it names no topic; else the rows its
 * words fit best (a word of a row's position names counts twice a word of its topic; a position
 * the question names outright, most), down to half the best fit.
 */
export function rowsAbout(rows: CompareRow[], asked: Pick<ComparisonQuestion, 'topicWords' | 'positions'>, positionNames: Map<string, string[]>): CompareRow[] {
  const scored = scoreRows(rows, asked, positionNames);
  const best = Math.max(0, ...scored.map((s) => s.score));
  if (best === 0) return [];
  return scored.filter((s) => s.score * 2 >= best).map((s) => s.row);
}

/** Each row with how well the question's words fit it (every row fits 1 when the question names no topic). */
export function scoreRows(rows: CompareRow[], asked: Pick<ComparisonQuestion, 'topicWords' | 'positions'>, positionNames: Map<string, string[]>): { row: CompareRow; score: number }[] {
  if (asked.topicWords.length === 0 && asked.positions.length === 0) return rows.map((row) => ({ row, score: 1 }));
  const words = new Set(asked.topicWords);
  return rows.map((row) => {
    const strong = new Set(row.positions.flatMap((p) => [p.label, ...(positionNames.get(p.id) ?? [])]).flatMap((n) => [...stemsOf(n)]));
    const weak = new Set(TOPIC_WORDS[row.topic].map(stem));
    const named = row.positions.some((p) => asked.positions.includes(p.id)) ? 10 : 0;
    const score = named + [...words].reduce((sum, w) => sum + (strong.has(w) ? 2 : weak.has(w) ? 1 : 0), 0);
    return { row, score };
  });
}

const verbOf = (type: string) => STANCE_TYPES[type as StanceType]?.verb ?? type;

/** One document's point in words: "Russian memorandum, point 26: proposed a thirty-day ceasefire (30 days from …)". */
function pointStatement(document: string, point: DocumentPoint): string {
  return `${document}, point ${point.order}: ${verbOf(point.type)} ${point.position.label}${point.condition ? ` (${point.condition})` : ''}`;
}

/** The point's first quote and who reports it, when the answer has room for its words. */
function quoted(point: DocumentPoint): string {
  const e = point.evidence.find((x) => x.quote !== null);
  return e ? `, reported as “${e.quote}”${e.sourcePublisher ? ` (${e.sourcePublisher})` : ''}` : '';
}

/** Rows an answer quotes each side of (more are named without their words). */
const QUOTED_ROWS = 3;

function list(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function rowSentence(row: CompareRow, comparison: DocumentComparison, quote: boolean): string {
  const label = (id: string) => comparison.documents.find((d) => d.id === id)?.label ?? id;
  const held = row.sides.filter((s) => s.point !== null);
  const statements = held.map((s) => `${pointStatement(label(s.document), s.point!)}${quote ? quoted(s.point!) : ''}`);
  const all = comparison.documents.length === 2 ? 'Both' : `All ${comparison.documents.length}`;
  const positions = list(row.positions.map((p) => p.label));
  switch (row.kind) {
    case 'common':
      return `${all} documents hold ${positions} on the same terms: ${statements.join('; ')}.`;
    case 'gap': {
      const missing = row.sides.filter((s) => s.point === null).map((s) => label(s.document));
      return `Only ${list(held.map((s) => label(s.document)))} ${held.length === 1 ? 'has' : 'have'} ${positions} (${statements.join('; ')}); ${list(missing)} ${missing.length === 1 ? 'has' : 'have'} no point on it.`;
    }
    case 'contradiction':
      return row.positions.length > 1
        ? `They contradict each other, putting opposed positions forward on one matter: ${statements.join('; whereas ')}.`
        : `They contradict each other on ${positions}: ${statements.join('; whereas ')}.`;
    case 'difference':
      return `${all} documents hold ${positions}, with a different ${list(row.differences)}: ${statements.join('; ')}.`;
  }
}

function citationsOf(rows: CompareRow[], comparison: DocumentComparison): AskCitation[] {
  return rows.flatMap((row) =>
    row.sides.flatMap((side) => {
      if (side.point === null) return [];
      const document = comparison.documents.find((d) => d.id === side.document)!;
      const statement = pointStatement(document.label, side.point);
      return side.point.evidence.map((e) => ({
        statement,
        stanceId: side.point!.stance,
        entityIds: [document.id, side.point!.position.id, ...(document.author ? [document.author.id] : [])],
        date: document.date,
        quote: e.quote,
        summary: e.summary,
        via: e.via,
        sourceId: e.source,
        sourceTitle: e.sourceTitle,
        sourceDate: null,
        sourceUrl: null,
        sourceGrade: e.sourceGrade,
        sourcePublisher: e.sourcePublisher,
      }));
    }),
  );
}

/** Yes or no, where the question asks it and the rows settle it; null otherwise. */
function yesNo(reading: Reading, asked: ComparisonQuestion, rows: CompareRow[]): boolean | null {
  if (reading.asks !== 'yes/no' || rows.length === 0) return null;
  if (asked.only) return rows.every((r) => r.kind === 'gap' && r.sides.filter((s) => s.point !== null).length === 1);
  if (asked.intent === 'agree') return rows.some((r) => r.kind === 'common');
  if (asked.intent === 'contradict') return rows.some((r) => r.kind === 'contradiction');
  if (asked.intent === 'differ') return rows.some((r) => r.kind !== 'common');
  // "Would X's memorandum accept …": the first document the question names, on the best row.
  const subject = asked.named[0];
  const point = rows[0]!.sides.find((s) => s.document === subject)?.point;
  if (!point || reading.stanceTypes === null) return null;
  const asksFamilies = new Set(reading.stanceTypes.map((t) => STANCE_TYPES[t].family));
  if (point.family === 'other') return null;
  return asksFamilies.has(point.family) || (point.family !== 'rejection' && (asksFamilies.has('support') || asksFamilies.has('proposal')));
}

/**
 * Answers a comparison question from the compare domain function, or returns null when the
 * question is not one. `names` are the graph's names (for the positions' aliases).
 */
export async function answerComparison(db: Database, reading: Reading, names: NameRow[], grading: GradeFilter): Promise<ComparisonAnswer | null> {
  const documents = await readComparableDocuments(db);
  const asked = readComparison(reading, documents);
  if (asked === null) return null;
  if (documents.length === 0) {
    return { status: 'not_found', answer: 'The graph holds no document with points, so there is nothing to compare.', confidence: 0, citations: [] };
  }
  if (asked.missing.length > 0) {
    const known = list(documents.map((d) => d.label));
    return {
      status: 'not_found',
      answer: `The graph holds no document by ${list(asked.missing)} with points, so I cannot compare it.${known ? ` Documents with points: ${known}.` : ''}`,
      confidence: 0,
      citations: [],
    };
  }
  if (asked.documents.length < 2) {
    const known = documents.map((d) => d.label);
    const found = asked.documents.map((id) => documents.find((d) => d.id === id)!.label);
    const answer =
      documents.length === 0
        ? 'The graph holds no document with points, so there is nothing to compare.'
        : `I could not find two documents to compare. ${found.length ? `The question names ${list(found)}; the other document it asks about is not one whose points the graph holds.` : 'The question names no document whose points the graph holds.'} Documents with points: ${list(known)}.`;
    return { status: 'not_found', answer, confidence: 0, citations: [] };
  }
  const comparison = await compareDocuments(db, asked.documents, grading);
  const positionNames = new Map(names.filter((n) => n.type === 'Position').map((n) => [n.id, n.names]));
  const about = rowsAbout(comparison.rows, asked, positionNames);
  const docs = list(comparison.documents.map((d) => d.label));
  if (about.length === 0) {
    return { status: 'not_found', answer: `Neither ${docs} holds a point on what the question asks about.`, confidence: 0, citations: [] };
  }
  // A question about one document ("What did Ukraine's memorandum say about …") that it holds no point on.
  const subject = asked.subject === null ? null : comparison.documents.find((d) => d.id === asked.subject)!;
  const scored = scoreRows(about, asked, positionNames);
  const bestFit = scored.filter((s) => s.score === Math.max(...scored.map((x) => x.score))).map((s) => s.row);
  if (subject && bestFit.every((r) => r.sides.find((s) => s.document === subject.id)?.point === null)) {
    const others = bestFit.slice(0, SHOWN_ROWS).map((r) => rowSentence(r, comparison, false));
    return { status: 'not_found', answer: `${subject.label} holds no point on what the question asks about. ${others.join(' ')}`, confidence: 0, citations: [] };
  }
  let rows = about;
  let lead = '';
  if (asked.intent === 'agree') {
    const common = about.filter((r) => r.kind === 'common');
    if (common.length > 0) rows = common;
    else {
      const shared = about.filter((r) => r.kind === 'difference');
      lead = `No point is held on the same terms by ${comparison.documents.length === 2 ? 'both' : 'all'} documents${shared.length ? '; these are in each, on different terms' : ''}.`;
      rows = shared.length ? shared : about;
    }
  } else if (asked.intent === 'contradict') {
    const opposed = about.filter((r) => r.kind === 'contradiction');
    if (opposed.length > 0) rows = opposed;
    else lead = 'They do not contradict each other on this.';
  }
  const shown = rows.slice(0, SHOWN_ROWS);
  const more = rows.length > shown.length ? ` And ${rows.length - shown.length} more.` : '';
  const verdict = yesNo(reading, asked, rows);
  const body = [lead, ...shown.map((r) => rowSentence(r, comparison, reading.saying || shown.length <= QUOTED_ROWS))].filter(Boolean).join(' ') + more;
  const answer = `${verdict === null ? '' : verdict ? 'Yes: ' : 'No: '}${comparison.documents.length === 2 ? '' : `Comparing ${docs}: `}${body}`;
  const citations = citationsOf(shown, comparison);
  const evidenced = shown.filter((r) => r.sides.some((s) => s.point !== null && s.point.evidence.length > 0)).length / shown.length;
  return { status: 'answered', answer, confidence: Math.round((0.5 + 0.4 * evidenced) * 100) / 100, citations };
}
