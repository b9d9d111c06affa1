/**
 * Ask: a plain-English question answered from the graph, always with its citations.
 *
 * The question is read without the database (askReading.ts). Then three ways to an answer are
 * tried in order: the graph's structure (who leads, represents, what happened where), the
 * stances (who proposed or rejected what, with negation, "both", "only", comparisons,
 * conditions and time), and the evidence (full-text retrieval over quotes, summaries and
 * descriptions). A structured answer is kept when it is confident; otherwise the evidence
 * answers when its passages cover the question; otherwise the answer says plainly that the
 * sources do not hold it and shows the closest passages. Nothing here knows any particular
 * question, entity or source.
 */
import type { Database } from '../../db/database.ts';
import { type EntityFacts, type AskEvidenceRow, type PassageRow, type AskStanceRow, type StanceScope, readEntityFacts, readEventsInPlace, readStances, searchPassages, searchSourceTexts, type SourceTextRow } from './data.ts';
import type { GradeFilter } from '../../contract/common.ts';
import { admissibleSources } from '../../core/grading.ts';
import { type KnownNames, type NameRow, knownNames } from '../../core/namesData.ts';
import { runReadQuery } from '../questions/data.ts';
import { searchEntityNames } from '../graph/searchData.ts';
import { UnprocessableError } from '../../errors.ts';
import type { AskCitation, AskInterpretation, AskResponse } from '../../contract/ask.ts';
import { type Mention, type NameIndex, type Reading, buildNameIndex, nameWords, readQuestion } from './reading.ts';
import { STANCE_TYPE_NAMES, STANCE_TYPES, type StanceType } from '../../contract/model.ts';
import { findQuestion } from '../questions/questions.ts';
import { type ConflictRow, readConflicts } from '../analysis/conflictsData.ts';
import { corroborationOf } from '../../core/reports.ts';
import { escapeLucene, luceneQuery } from '../graph/search.ts';
import { readSentences } from '../../language/text.ts';
import { fold } from '../../language/fold.ts';
import { nounStanceType } from '../../language/stanceLexicon.ts';
import { findDates, spokenDate } from '../../language/dates.ts';
import { type FactJudgements, disputeSentence, factKey, judgeFacts, laterChange, stanceConfidence } from './facts.ts';
import { answerComparison } from './comparison.ts';
import { findScopePhrase } from './scope.ts';
import { negotiationScope } from '../../core/negotiations.ts';
import { readNegotiationNames, readNegotiationSources, readNegotiations } from '../../core/negotiationsData.ts';

/** Below this a structured answer gives way to the evidence. */
const CONFIDENT = 0.6;
/** Share of the question's names and words a passage must contain to answer on its own. */
const PASSAGE_COVERAGE = 0.6;
/** The most confidence a retrieved passage carries (times its coverage): below a structured answer's, and below even odds. */
const RETRIEVAL_CONFIDENCE = 0.45;
/** The most an answer claims that leaves words of the question unexplained. */
const UNSURE_CONFIDENCE = 0.45;
/** The most a stance answer claims without a verbatim quote behind it, or over a fact changed since. */
const STATED_CONFIDENCE = 0.7;
/** Source texts whose sentences a question's retrieval ranks. */
const SOURCE_TEXTS = 5;
/** The longest sentence a retrieved passage quotes whole. */
const MAX_PASSAGE = 400;
const NOT_FOUND = 'I could not find this in the sources.';
const CLOSEST_PASSAGES = 3;
const ACTOR_TYPES = new Set(['Party', 'Official', 'Delegation']);
const SUPPORT_OR_PROPOSAL = STANCE_TYPE_NAMES.filter((t) => STANCE_TYPES[t].family === 'support' || STANCE_TYPES[t].family === 'proposal');
const TARGET_TYPES = ['Position', 'Event'];
/** Stances an answer names before it says "and N more". */
const SHOWN_STANCES = 8;
/** The most a stance answer may claim that rests on the weaker side of a disputed fact, or asks yes or no over one. */
const DISPUTED_CONFIDENCE = 0.4;
/** The most a stance answer may claim that names the better-evidenced side of a disputed fact. */
const CONTESTED_CONFIDENCE = 0.75;
const unique = (items: string[]) => [...new Set(items)];

type Path = AskInterpretation['path'];
interface Draft {
  path: Path;
  answer: string;
  confidence: number;
  citations: AskCitation[];
  /** Question words this answer's rows contain (they need no other explanation). */
  covered?: string;
  /** For an answer that finds nothing: what the sources do hold nearby. */
  closest?: AskCitation[];
  /** The sources disagree on what it states: an answer however unsure, never replaced by a guess. */
  disputed?: boolean;
  /** No verbatim quote stands behind what it states (summaries only). */
  unquoted?: boolean;
  /** A later stance of another family changed what it states. */
  changed?: boolean;
  /** Its target was found by a loose word of the question, not by a name of it. */
  looseTarget?: boolean;
  /** The names as this answer read them, where it read them otherwise than the question's reading. */
  readAs?: Mention[];
}

const indexes = new WeakMap<KnownNames, NameIndex>();
function nameIndexOf(known: KnownNames): NameIndex {
  let index = indexes.get(known);
  if (!index) indexes.set(known, (index = buildNameIndex(known.names)));
  return index;
}

/** Answers a question from the sources the grade filter admits (every source without one). */
export async function askQuestion(db: Database, question: string, maxRows: number, grading: GradeFilter = {}, negotiationParam?: string): Promise<AskResponse> {
  const scoped = await scopeOf(db, question, negotiationParam);
  const answer = await answerQuestion(db, scoped.question, maxRows, grading, scoped.negotiation?.id ?? null);
  if (!scoped.negotiation) return answer;
  return { ...answer, question, interpretation: { ...answer.interpretation, negotiation: scoped.negotiation } };
}

/**
 * The negotiation a question is scoped to (the parameter, else a scope phrase in it: scope.ts)
 * and the question to read: without the phrase, which names the scope, not an entity.
 */
async function scopeOf(db: Database, question: string, param: string | undefined): Promise<{ question: string; negotiation: NonNullable<AskInterpretation['negotiation']> | null }> {
  const fromParam = await negotiationScope(db, param);
  const found = findScopePhrase(question, await readNegotiationNames(db));
  // A name that is also wholly a node's name is read as that node; the scope still holds. (A part
  // of it, "Istanbul" in "the Istanbul process", does not count: the phrase goes.)
  const names = found ? nameIndexOf(await knownNames(db)).matcher.find(question) : [];
  const phrase = found && names.some((m) => m.start <= found.start && m.end >= found.end) ? { ...found, rest: question } : found;
  if (fromParam !== null) {
    const [named] = await readNegotiations(db, fromParam);
    const same = phrase?.negotiation.id === fromParam;
    return { question: same ? phrase.rest : question, negotiation: { id: fromParam, name: named?.name ?? fromParam, text: same ? phrase.text : null } };
  }
  if (!phrase) return { question, negotiation: null };
  return { question: phrase.rest, negotiation: { id: phrase.negotiation.id, name: phrase.negotiation.name, text: phrase.text } };
}

async function answerQuestion(db: Database, question: string, maxRows: number, grading: GradeFilter, negotiation: string | null): Promise<AskResponse> {
  const known = await knownNames(db);
  const reading = readQuestion(question, nameIndexOf(known), known.latestDate);
  if (!reading.english) {
    throw new UnprocessableError('not_english', 'Ask reads questions in English; this one has no English words and names nothing in the graph.');
  }
  // A comparison of documents is answered from the comparison (comparison.ts), or said not found.
  const compared = await answerComparison(db, reading, known.names, grading);
  if (compared) return respond(reading, { path: 'compare', ...compared }, [], [], compared.status);
  const searched = await resolveUnnamedTargets(db, reading, known.names);
  const scope: StanceScope = { maxRows, sources: await admissibleSources(db, grading), negotiation };
  const structured = reading.sourcesDisagree
    ? await conflictingReports(db, reading, negotiation)
    : ((await answerFromStructure(db, reading, known.latestDate)) ?? (await answerFromStances(db, reading, scope, known.names)));
  const unexplained = structured ? unexplainedWords(reading, searched, structured) : reading.leftover.map((l) => l.word);
  if (structured && structured.citations.length > 0 && ((structured.disputed && unexplained.length === 0) || confidenceOf(structured, searched, unexplained) >= CONFIDENT)) {
    const kept = unsureWhereUnexplained({ ...structured, confidence: confidenceOf(structured, searched, unexplained) }, unexplained);
    return respond(reading, foundedOnly(kept, reading, searched), unexplained, []);
  }
  const evidence = await answerFromEvidence(db, reading, await passageSources(db, scope), known.names, known.latestDate);
  if (evidence.answered) return respond(reading, evidence.draft, [], []);
  // A structured statement that the sources hold nothing of the kind ("no one rejected …") is
  // itself an answer when every word of the question was understood.
  if (structured && unexplained.length === 0 && structured.citations.length === 0) {
    return respond(reading, structured, [], structured.closest?.length ? structured.closest : evidence.closest, 'not_found');
  }
  return respond(reading, { path: 'none', answer: NOT_FOUND, confidence: 0, citations: [] }, unexplained, evidence.closest, 'not_found');
}

function respond(reading: Reading, draft: Draft, unexplained: string[], closest: AskCitation[], status: AskResponse['status'] = 'answered'): AskResponse {
  return {
    question: reading.question,
    status,
    answer: draft.answer,
    confidence: Math.round(draft.confidence * 100) / 100,
    interpretation: {
      path: draft.path,
      reading: restate(draft.readAs ? { ...reading, mentions: draft.readAs } : reading),
      entities: (draft.readAs ?? reading.mentions).map((m) => ({ id: m.entity.id, label: m.entity.label, type: m.entity.type, role: m.role, text: m.text })),
      stanceTypes: reading.stanceTypes,
      negated: reading.negated,
      passive: reading.passive,
      both: reading.both,
      only: reading.only,
      compare: reading.compare,
      contested: reading.contested,
      timeline: reading.timeline,
      condition: reading.condition,
      after: reading.time.after,
      before: reading.time.before,
      order: reading.time.order,
      unexplained,
    },
    citations: draft.citations,
    closest,
  };
}

/** The reading in words, for the analyst to check what was understood. */
function restate(r: Reading): string {
  const names = (role: Mention['role']) => list(r.mentions.filter((m) => m.role === role).map((m) => m.entity.label));
  const parts = [
    r.asks ? `${r.asks}-question` : 'question',
    r.stanceTypes ? `stance: ${r.negated ? 'not ' : ''}${list(r.stanceTypes)}` : null,
    r.structure ? `structure: ${r.structure}` : null,
    r.saying ? 'asks for their words' : null,
    names('agent') ? `by ${names('agent')}` : null,
    names('object') ? `about ${names('object')}` : null,
    names('replaced') ? `instead of ${names('replaced')}` : null,
    r.both ? 'shared by all' : null,
    r.only ? 'taken by them alone' : null,
    r.compare ? (r.differ ? 'where they differ' : 'compared') : null,
    r.contested ? 'contested positions' : null,
    r.sourcesDisagree ? 'where the sources disagree' : null,
    r.timeline ? 'in date order' : null,
    r.anyStance ? 'any stance' : null,
    r.condition ? 'with its conditions' : null,
    r.time.after ? `from ${r.time.after}` : null,
    r.time.before ? `before ${r.time.before}` : null,
    r.time.order,
  ];
  return parts.filter(Boolean).join('; ');
}

// ---------------------------------------------------------------- names the aliases miss

/**
 * Words left over after names and intent may still name a position or event the aliases do not
 * spell out (a common noun, a typo): the name index's best few candidates become the
 * question's objects. Returns the words that were resolved this way.
 */
async function resolveUnnamedTargets(db: Database, reading: Reading, names: NameRow[]): Promise<string[]> {
  const needsTarget = reading.stanceTypes !== null || reading.saying || reading.anyStance || reading.timeline || reading.condition || reading.compare || reading.both;
  const hasObject = reading.mentions.some((m) => m.role !== 'agent');
  if (!needsTarget || hasObject || reading.leftover.length === 0) return [];
  for (const replaced of [true, false]) {
    const words = reading.leftover.filter((l) => l.replaced === replaced).map((l) => l.word);
    for (const attempt of [words.join(' '), ...words]) {
      const lucene = luceneQuery(attempt);
      if (!lucene) continue;
      const hits = await searchEntityNames(db, lucene, TARGET_TYPES, 3);
      if (hits.length === 0) continue;
      for (const hit of hits) {
        const entity = names.find((n) => n.id === hit.id) ?? { id: hit.id, label: hit.label, type: hit.type, names: [hit.label], party: null };
        reading.mentions.push({ entity, text: attempt, role: replaced ? 'replaced' : 'object' });
      }
      return attempt.split(' ');
    }
  }
  return [];
}

function confidenceOf(draft: Draft, searched: string[], unexplained: string[]): number {
  return Math.max(0, draft.confidence - (searched.length > 0 || draft.looseTarget ? 0.1 : 0) - 0.25 * unexplained.length);
}

/**
 * An answer that leaves words of the question unaccounted for may answer another question: it
 * says which words it did not read, and claims less than even odds.
 */
function unsureWhereUnexplained(draft: Draft, unexplained: string[]): Draft {
  if (unexplained.length === 0) return draft;
  // Nor does it say yes to a question it did not wholly read: it gives what the sources record.
  const answer = draft.answer.replace(/^Yes: /, 'Neither yes nor no can be read from the sources; they record: ');
  return {
    ...draft,
    answer: `${answer} (This answer does not account for “${unexplained.join('”, “')}” in the question.)`,
    confidence: Math.min(draft.confidence, UNSURE_CONFIDENCE),
  };
}

/**
 * High confidence needs strong footing: every target found by a name of it, a verbatim quote
 * behind what is stated, and no later contrary stance the question did not ask about. A target
 * found by words of the question its names do not all hold (the name index's nearest guess) may
 * be another position than the one meant: the answer says how it read them and claims less than
 * even odds. Without a quote,
 * or with a later change of stance, it claims at most STATED_CONFIDENCE.
 */
function foundedOnly(draft: Draft, reading: Reading, searched: string[]): Draft {
  if (draft.path !== 'stances') return draft;
  // Found by words its names do not all hold ("delegations meet" for "Further rounds of delegation-level talks").
  const held = (m: Mention) => {
    const stems = new Set(m.entity.names.flatMap((n) => nameWords(n).map(stem)));
    return nameWords(m.text).every((w) => stems.has(stem(w)));
  };
  const byWords = (draft.readAs ?? reading.mentions).filter((m) => m.role !== 'agent' && (searched.length > 0 || draft.looseTarget) && !held(m));
  if (byWords.length) {
    const read = unique(byWords.map((m) => m.text)).map((text) => `“${text}” as ${list(byWords.filter((m) => m.text === text).map((m) => m.entity.label))}`);
    return { ...draft, answer: `${draft.answer} (This answer reads ${list(read)}, found by its words rather than by a name.)`, confidence: Math.min(draft.confidence, UNSURE_CONFIDENCE) };
  }
  if (draft.unquoted || (draft.changed && !reading.timeline)) return { ...draft, confidence: Math.min(draft.confidence, STATED_CONFIDENCE) };
  return draft;
}

/** Leftover words that neither found a target nor appear in the answer's rows. */
function unexplainedWords(reading: Reading, searched: string[], draft: Draft): string[] {
  const covered = new Set(nameWords(`${draft.covered ?? ''} ${draft.answer} ${draft.citations.map((c) => `${c.quote ?? ''} ${c.summary ?? ''}`).join(' ')}`).map(stem));
  return reading.leftover.map((l) => l.word).filter((w) => !searched.includes(w) && !covered.has(stem(w)));
}

/** A word's first five letters, plural "s" off: enough to match "targeting" with "targeted", "set" with "sets". */
function stem(word: string): string {
  return word.replace(/(?<=\p{L}{3})s$/u, '').slice(0, 5);
}

// ---------------------------------------------------------------- sentences and citations

function list(items: string[]): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}

const verbOf = (type: string) => STANCE_TYPES[type as StanceType]?.verb ?? type;
const who = (row: AskStanceRow) => (row.party && row.party !== row.actor ? `${row.actor} (${row.party})` : row.actor);

function stanceStatement(row: AskStanceRow, withDate = true): string {
  const condition = row.condition ? `, ${row.condition}` : '';
  const voiced = row.voicedBy ? ` (voiced by ${row.voicedBy})` : '';
  return `${who(row)} ${verbOf(row.type)} ${row.target}${condition}${voiced}${withDate && row.date ? ` on ${spokenDate(row.date)}` : ''}`;
}

function evidenceCitation(statement: string, entityIds: string[], date: string | null, stanceId: string | null, e: Partial<AskEvidenceRow>): AskCitation {
  return {
    statement,
    stanceId,
    entityIds,
    date,
    quote: e.quote ?? null,
    summary: e.summary ?? null,
    via: e.via ?? null,
    sourceId: e.sourceId ?? null,
    sourceTitle: e.sourceTitle ?? null,
    sourceDate: e.sourceDate ?? null,
    sourceUrl: e.sourceUrl ?? null,
    sourceGrade: e.sourceGrade ?? null,
    sourcePublisher: e.sourcePublisher ?? null,
  };
}

/** One citation per piece of evidence behind a stance (one without evidence still cites the stance). */
function stanceCitations(rows: AskStanceRow[]): AskCitation[] {
  return rows.flatMap((row) => {
    const ids = [row.actorId, row.targetId];
    const items = row.evidence.length ? row.evidence : [{}];
    const corroboration = corroborationOf(row.evidence.map((e) => ({ source: e.sourceId, sourcePublisher: e.sourcePublisher, reporting: e.reporting ?? null })));
    return items.map((e) => ({ ...evidenceCitation(stanceStatement(row), ids, row.date, row.stanceId, e), corroboration }));
  });
}

/** The sources whose passages may answer: the admissible ones, and scoped, those that report on the negotiation. */
async function passageSources(db: Database, { sources, negotiation }: StanceScope): Promise<string[] | null> {
  if (negotiation === null) return sources;
  const reporting = await readNegotiationSources(db, negotiation);
  if (sources === null) return reporting;
  const admitted = new Set(sources);
  return reporting.filter((id) => admitted.has(id));
}

/** "Where do sources disagree?": each conflict with both sides, every report cited; limited to the actors and targets named. */
async function conflictingReports(db: Database, reading: Reading, negotiation: string | null): Promise<Draft> {
  const named = reading.mentions.map((m) => m.entity.id);
  const rows = (await readConflicts(db, null, negotiation)).filter((r) => named.length === 0 || named.includes(r.actorId) || named.includes(r.targetId));
  if (rows.length === 0) return { path: 'stances', answer: 'The sources record no conflicting reports.', confidence: 0.8, citations: [] };
  const side = (s: ConflictRow['a']) => `${verbOf(s.type)} per ${list(s.reports.map((r) => r.source.publisher ?? r.source.title ?? r.source.id))}`;
  const answer = `Sources disagree on ${rows.length === 1 ? 'one point' : `${rows.length} points`}: ${list(
    rows.map((r) => `${r.actorName} on ${r.target} (${spokenDate(r.a.date)}): ${side(r.a)}, against ${side(r.b)}`),
  )}.`;
  const citations = rows.flatMap((r) =>
    [r.a, r.b].flatMap((s) =>
      s.reports.map((report) =>
        evidenceCitation(`${r.actorName} ${verbOf(s.type)} ${r.target} on ${spokenDate(s.date)}, per ${report.source.title ?? report.source.id}`, [r.actorId, r.targetId], s.date, s.stanceId, {
          quote: report.quote,
          summary: report.quote ? null : report.summary,
          via: report.via,
          sourceId: report.source.id,
          sourceTitle: report.source.title,
          sourceUrl: report.source.url,
        }),
      ),
    ),
  );
  return { path: 'stances', answer, confidence: 0.9, citations };
}

function factCitation(statement: string, facts: Pick<EntityFacts, 'id' | 'date' | 'sources'>, summary: string | null, otherIds: string[] = []): AskCitation {
  const source = facts.sources[0];
  return evidenceCitation(statement, [facts.id, ...otherIds], facts.date, null, {
    summary,
    sourceId: source?.id ?? null,
    sourceTitle: source?.title ?? null,
    sourceDate: source?.date ?? null,
    sourceUrl: source?.url ?? null,
    sourceGrade: source?.grade ?? null,
    sourcePublisher: source?.publisher ?? null,
  });
}

// ---------------------------------------------------------------- 1. structure

async function answerFromStructure(db: Database, reading: Reading, latestDate: string | null): Promise<Draft | null> {
  const subject = reading.mentions[0];
  if (!subject || reading.stanceTypes || reading.saying || reading.anyStance || reading.timeline || reading.condition || reading.compare || reading.both) return null;
  const facts = await readEntityFacts(db, subject.entity.id);
  if (!facts) return null;
  const cue = reading.structure;
  if (cue === 'leader') return leaders(db, facts);
  if (cue === 'represents') return representatives(facts, reading);
  if (cue === 'membership') return memberships(facts);
  if (cue === 'connection' && reading.mentions[1]) return connection(db, facts, reading.mentions[1].entity);
  if (cue === 'participants') return participants(facts);
  if (cue === 'host') return hosts(db, facts);
  if (cue === 'happened' && facts.type === 'Place') return eventsIn(db, facts);
  if (reading.asks === 'where' && facts.type !== 'Place') return whereabouts(db, facts);
  // A question about when something will happen is not answered by a day already past when the sources end.
  if (reading.asks === 'when' && facts.date && FUTURE.test(reading.question) && latestDate !== null && facts.date.slice(0, 10) <= latestDate) return null;
  if (reading.asks === 'when' && facts.date) {
    return structureDraft(`${facts.label}: ${spokenDate(facts.date)}.`, [factCitation(`${facts.label} is dated ${spokenDate(facts.date)}`, facts, facts.description)]);
  }
  // "How did Erdoğan describe the meeting?" asks for his words on it, not who he is.
  const asksIdentity = (cue === 'identity' && reading.mentions.length === 1) || cue === 'happened' || (reading.mentions.length === 1 && reading.asks !== 'why' && reading.asks !== 'how');
  return asksIdentity ? identity(facts) : null;
}

const structureDraft = (answer: string, citations: AskCitation[], confidence = 0.9): Draft => ({ path: 'structure', answer, confidence, citations });

const linksOf = (facts: EntityFacts, relation: string, outgoing: boolean) => facts.links.filter((l) => l.relation === relation && l.outgoing === outgoing);

function identity(facts: EntityFacts): Draft {
  const what = facts.role ?? facts.title ?? facts.description ?? (facts.kind ? `a ${facts.kind}` : `a ${facts.type.toLowerCase()}`);
  const belongs = [...linksOf(facts, 'REPRESENTS', true), ...linksOf(facts, 'PART_OF', true), ...linksOf(facts, 'DELEGATION_OF', true), ...linksOf(facts, 'WITHIN', true)];
  const place = linksOf(facts, 'LOCATED_IN', true)[0];
  const extras = [
    belongs.length ? `of ${list(belongs.map((l) => l.label))}` : null,
    place ? `at ${place.label}` : null,
    facts.date ? `dated ${spokenDate(facts.date)}` : null,
  ].filter(Boolean);
  const answer = `${facts.label}: ${what}${extras.length ? ` (${extras.join(', ')})` : ''}.`;
  const outcomes = linksOf(facts, 'OUTCOME', true);
  const setsOut = linksOf(facts, 'SETS_OUT', true);
  const withOutcome = [
    answer.replace(/\.+$/, ''),
    outcomes.length ? `it led to ${list(outcomes.map((o) => o.label))}` : null,
    setsOut.length ? `it sets out ${list(setsOut.map((o) => o.label))}` : null,
  ].filter(Boolean).join('; ') + '.';
  return structureDraft(withOutcome, [factCitation(`${facts.label} is ${what}`, facts, facts.description ?? facts.role, belongs.map((l) => l.id))]);
}

async function leaders(db: Database, facts: EntityFacts): Promise<Draft | null> {
  // A party's delegations, or the delegation or event itself; an official's own headships.
  if (facts.type === 'Official') {
    const led = facts.links.filter((l) => (l.relation === 'MEMBER_OF' && l.outgoing && l.head) || (l.relation === 'PARTICIPANT' && !l.outgoing && /head|lead/i.test(l.role ?? '')));
    if (led.length === 0) return null;
    return structureDraft(`${facts.label} led ${list(led.map((l) => l.label))}.`, [factCitation(`${facts.label} led ${list(led.map((l) => l.label))}`, facts, facts.role, led.map((l) => l.id))]);
  }
  const groups = facts.type === 'Party' ? await Promise.all(linksOf(facts, 'DELEGATION_OF', false).map((l) => readEntityFacts(db, l.id))) : [facts];
  const heads = groups.flatMap((group) =>
    group
      ? group.links
          .filter((l) => (l.relation === 'MEMBER_OF' && !l.outgoing && l.head) || (l.relation === 'PARTICIPANT' && l.outgoing && /head|lead/i.test(l.role ?? '')))
          .map((l) => ({ group, head: l }))
      : [],
  );
  if (heads.length === 0) return null;
  const answer = `${list(heads.map(({ group, head }) => `${head.label} led ${group.label}`))}.`;
  return structureDraft(answer, heads.map(({ group, head }) => factCitation(`${head.label} led ${group.label}`, group, group.description, [head.id])));
}

function representatives(facts: EntityFacts, reading: Reading): Draft | null {
  if (facts.type !== 'Party') return memberships(facts);
  const officials = linksOf(facts, 'REPRESENTS', false);
  if (officials.length === 0) return null;
  const answer = `${list(officials.map((o) => o.label))} speak${officials.length === 1 ? 's' : ''} for ${facts.label}.`;
  return { ...structureDraft(answer, officials.map((o) => factCitation(`${o.label} represents ${facts.label}`, { ...facts, date: null }, null, [o.id]))), covered: reading.leftover.map((l) => l.word).join(' ') };
}

function memberships(facts: EntityFacts): Draft | null {
  const up = facts.links.filter((l) => l.outgoing && ['REPRESENTS', 'PART_OF', 'DELEGATION_OF', 'MEMBER_OF', 'WITHIN'].includes(l.relation));
  if (up.length === 0) return null;
  const draft = structureDraft(`${facts.label} belongs to ${list(up.map((l) => l.label))}.`, up.map((l) => factCitation(`${facts.label} → ${l.label}`, facts, facts.role ?? facts.description, [l.id])));
  return { ...draft, covered: up.map((l) => l.type).join(' ') };
}

/** Where an event or document took place: its place and everything that place lies within. */
async function placeChain(db: Database, facts: EntityFacts): Promise<EntityFacts[]> {
  const chain: EntityFacts[] = [];
  let next = linksOf(facts, 'LOCATED_IN', true)[0] ?? linksOf(facts, 'PRODUCED_AT', true)[0];
  while (next && chain.length < 5) {
    const place = await readEntityFacts(db, next.id);
    if (!place || chain.some((p) => p.id === place.id)) break;
    chain.push(place);
    next = place.type === 'Place' ? linksOf(place, 'WITHIN', true)[0] : linksOf(place, 'LOCATED_IN', true)[0];
  }
  return chain.filter((p) => p.type === 'Place');
}

async function whereabouts(db: Database, facts: EntityFacts): Promise<Draft | null> {
  const chain = await placeChain(db, facts);
  if (chain.length === 0) return null;
  return structureDraft(`${facts.label} took place at ${chain.map((p) => p.label).join(', ')}.`, [factCitation(`${facts.label} is located in ${chain[0]!.label}`, facts, facts.description, chain.map((p) => p.id))]);
}

function participants(facts: EntityFacts): Draft | null {
  const taking = facts.links.filter((l) => l.relation === 'PARTICIPANT' && l.outgoing);
  if (taking.length === 0) return null;
  const answer = `In ${facts.label}: ${list(taking.map((p) => `${p.label} (${p.role ?? 'participant'})`))}.`;
  return structureDraft(answer, [factCitation(`Participants of ${facts.label}`, facts, facts.description, taking.map((p) => p.id))]);
}

/** How two named things are linked: the shortest chains of stances and structural relationships. */
async function connection(db: Database, from: EntityFacts, to: NameRow): Promise<Draft | null> {
  const { rows } = await runReadQuery(db, findQuestion('shortest-path').cypher, { from: from.id, to: to.id, max: null }, 3);
  const paths = rows as { length: number; steps: string[]; ids: string[] }[];
  if (paths.length === 0) return structureDraft(`The graph shows no connection between ${from.label} and ${to.label}.`, [], 0.8);
  const answer = `${from.label} and ${to.label} are ${paths[0]!.length} steps apart: ${paths[0]!.steps.join(' → ')}.`;
  return structureDraft(answer, paths.map((p) => factCitation(p.steps.join(' → '), from, from.description ?? from.role, p.ids.slice(1))));
}

async function hosts(db: Database, facts: EntityFacts): Promise<Draft | null> {
  const named = facts.links.filter((l) => l.relation === 'PARTICIPANT' && l.outgoing && /host/i.test(l.role ?? ''));
  if (named.length) {
    return structureDraft(`${list(named.map((h) => h.label))} hosted ${facts.label}.`, [factCitation(`${list(named.map((h) => h.label))}: ${named[0]!.role}`, facts, facts.description, named.map((h) => h.id))]);
  }
  const chain = await placeChain(db, facts);
  if (chain.length === 0) return null;
  const answer = `The sources name no host for ${facts.label}; it took place at ${chain.map((p) => p.label).join(', ')}.`;
  return structureDraft(answer, [factCitation(`${facts.label} is located in ${chain[0]!.label}`, facts, facts.description, chain.map((p) => p.id))], 0.7);
}

async function eventsIn(db: Database, place: EntityFacts): Promise<Draft | null> {
  const events = await readEventsInPlace(db, place.id, 20);
  if (events.length === 0) return null;
  const answer = `In ${place.label} the sources record: ${list(events.map((e) => `${e.label}${e.date ? ` (${spokenDate(e.date)})` : ''}`))}.`;
  return structureDraft(answer, events.map((e) => factCitation(`${e.label}, in ${e.place}`, e, e.description, [place.id])));
}

// ---------------------------------------------------------------- 2. stances

async function answerFromStances(db: Database, reading: Reading, scope: StanceScope, names: NameRow[]): Promise<Draft | null> {
  const asksStance = reading.stanceTypes !== null || reading.saying || reading.anyStance || reading.compare || reading.both || reading.contested || reading.timeline ||
    (reading.condition && reading.mentions.length > 0);
  if (!asksStance) return null;
  const agents = reading.mentions.filter((m) => m.role === 'agent' && ACTOR_TYPES.has(m.entity.type)).map((m) => m.entity);
  const objects = reading.mentions.filter((m) => m.role === 'object');
  let targets = objects.filter((m) => !ACTOR_TYPES.has(m.entity.type)).map((m) => m.entity);
  const accusedActors = objects.filter((m) => ACTOR_TYPES.has(m.entity.type)).map((m) => m.entity);
  const replaced = reading.mentions.filter((m) => m.role === 'replaced').map((m) => m.entity.id);
  // "Common ground" without a verb asks for what they all support.
  const types = reading.stanceTypes ?? (reading.both ? SUPPORT_OR_PROPOSAL : null);
  // A negated question needs everyone's stances on the target, to say who did not.
  const filter = {
    actorIds: agents.length && !reading.negated ? agents.map((a) => a.id) : null,
    targetIds: targets.length ? targets.map((t) => t.id) : null,
    types: reading.negated || reading.compare ? null : types,
    before: reading.time.before,
    after: reading.time.after,
  };
  if (!filter.actorIds && !filter.targetIds && !replaced.length && !accusedActors.length && !reading.contested) return null;
  const read = async (f: typeof filter) => {
    let found = await readStances(db, f, scope);
    if (accusedActors.length) found = found.filter((r) => accusedActors.some((a) => isAbout(r, a)) && !accusedActors.some((a) => r.partyId === a.id || r.actorId === a.id));
    if (replaced.length) found = found.filter((r) => r.replaces.some((id) => replaced.includes(id)));
    return found;
  };
  let rows = await read(filter);
  // A target named only by a loose word of someone else's ("truce", an alias of another
  // negotiation's ceasefire) that finds nothing may mean another position with that word in its
  // name: those are read instead, and the answer claims less for it.
  let loose = false;
  let readAs: Mention[] | undefined;
  if (rows.length === 0 && filter.actorIds) {
    const wider = looseTargets(reading, names, targets);
    if (wider.length) {
      const found = await read({ ...filter, targetIds: wider.map((t) => t.id) });
      if (found.length) {
        rows = found;
        loose = true;
        targets = wider.filter((t) => found.some((r) => r.targetId === t.id));
        // The interpretation names what was read, not the alias that found nothing.
        const word = reading.mentions.find((m) => m.role === 'object' && !ACTOR_TYPES.has(m.entity.type) && /^\p{Ll}+$/u.test(m.text));
        readAs = [...reading.mentions.filter((m) => m !== word), ...targets.map((entity) => ({ entity, text: word?.text ?? entity.label, role: 'object' as const }))];
      }
    }
  }
  if (reading.condition && rows.some((r) => r.condition)) rows = rows.filter((r) => r.condition);
  if (reading.saying) rows = rows.filter((r) => r.evidence.some((e) => e.quote)).concat(rows.filter((r) => !r.evidence.some((e) => e.quote)));
  if (reading.time.order && rows.length) {
    const pick = reading.time.order === 'latest' ? rows.reduce((a, r) => ((r.date ?? '') > (a.date ?? '') ? r : a)) : rows.reduce((a, r) => ((r.date ?? '') < (a.date ?? '') ? r : a));
    rows = rows.filter((r) => r.date === pick.date);
  }
  const byAgent = (agent: NameRow) => rows.filter((r) => r.actorId === agent.id || r.partyId === agent.id);

  if (reading.contested) return contestedPositions(rows);
  if (reading.negated && types) return notTaking(reading, rows, types, targets);
  if (reading.compare && agents.length >= 2) return comparison(agents, byAgent, reading.differ);
  if (reading.both && agents.length >= 2) return shared(agents, byAgent, reading);
  if (reading.only && agents.length >= 1) return alone(db, reading, agents, rows, scope);
  if (rows.length === 0) return noneRecorded(db, reading, agents, targets, scope);
  const shown = rows.slice(0, SHOWN_STANCES);
  // Every stance the shown rows' parties took on their targets, of any type: a rejection the
  // question did not ask about can still dispute the agreement it did.
  const facts = judgeFacts(
    await readStances(db, { actorIds: unique(shown.map((r) => r.partyId)), targetIds: unique(shown.map((r) => r.targetId)), types: null, before: filter.before, after: filter.after }, scope),
  );
  // "Russia's offer of …": the stance the question takes for granted, checked and said when the sources hold it.
  const presumed = unique(reading.leftover.flatMap((l) => nounStanceType(l.word) ?? [])) as StanceType[];
  const premises = presumed.length && accusedActors.length
    ? await readStances(db, { actorIds: accusedActors.map((a) => a.id), targetIds: unique(shown.map((r) => r.targetId)), types: presumed, before: null, after: null }, scope)
    : [];
  const draft = stanceDraft(reading, rows, accusedActors, facts, premises);
  return loose ? { ...draft, looseTarget: true, readAs } : draft;
}

/**
 * For each target the question named by one lower-case word that is only an alias of it (not its
 * name), the other positions and events whose own names or aliases hold that word.
 */
function looseTargets(reading: Reading, names: NameRow[], targets: NameRow[]): NameRow[] {
  const loose = reading.mentions.filter((m) => m.role === 'object' && targets.some((t) => t.id === m.entity.id) && /^\p{Ll}+$/u.test(m.text) && fold(m.entity.label) !== fold(m.text));
  const words = new Set(loose.map((m) => fold(m.text)));
  if (words.size === 0) return [];
  const held = (n: NameRow) => n.names.some((name) => nameWords(name).some((w) => words.has(w)));
  return names.filter((n) => TARGET_TYPES.includes(n.type) && !targets.some((t) => t.id === n.id) && held(n));
}

/** Whether a stance is about an actor: the actor takes part in its target, or its evidence names them. */
function isAbout(row: AskStanceRow, actor: NameRow): boolean {
  if (row.participants.includes(actor.id)) return true;
  const words = ` ${row.evidence.map((e) => nameWords(`${e.quote ?? ''} ${e.summary ?? ''}`).join(' ')).join(' ')} `;
  return actor.names.some((name) => words.includes(` ${nameWords(name).join(' ')} `));
}

function stanceDraft(reading: Reading, rows: AskStanceRow[], accused: NameRow[], facts: FactJudgements, premises: AskStanceRow[] = []): Draft {
  const shown = rows.slice(0, SHOWN_STANCES);
  const more = rows.length > shown.length ? `, and ${rows.length - shown.length} more` : '';
  const datesMatter = reading.asks === 'when' || reading.timeline || reading.time.after !== null || reading.time.before !== null || reading.time.order !== null;
  // Each stance in its own type's verb: "accused" only for an accusation.
  const statement = (r: AskStanceRow) =>
    r.type === 'accused' && accused.length ? `${who(r)} accused ${list(accused.map((a) => a.label))} over ${r.target}${r.date ? ` on ${spokenDate(r.date)}` : ''}` : stanceStatement(r, datesMatter);
  let answer = `${list(shown.map(statement))}${more}.`;
  const disputes = [...new Set(shown.map(factKey))].flatMap((key) => {
    const judgement = facts.get(key);
    return judgement?.disputed ? [judgement] : [];
  });
  const changes = shown.flatMap((r) => laterChange(r, facts.get(factKey(r))) ?? []);
  let confidence = stanceConfidence(shown);
  if (disputes.length) {
    const sentences = disputes.map((j) => disputeSentence(j, (r) => stanceStatement(r)));
    // A yes/no over a disputed fact is answered "disputed", never "yes".
    answer = reading.asks === 'yes/no' ? sentences.join(' ') : `${answer} ${sentences.join(' ')}`;
    // Unsure when the answer asks yes or no, or names a stance only the weaker side reports;
    // naming the better-evidenced side of a dispute is still an answer, if a less certain one.
    const shownIds = new Set(shown.map((r) => r.stanceId));
    const restsOnWeaker = disputes.some((j) => j.sides![1].stances.some((s) => shownIds.has(s.id)));
    confidence = Math.min(confidence, reading.asks === 'yes/no' || restsOnWeaker ? DISPUTED_CONFIDENCE : CONTESTED_CONFIDENCE);
  } else if (reading.asks === 'yes/no') {
    answer = `Yes: ${answer}`;
  }
  // A later stance of another family is a change over time, said as one.
  if (changes.length) answer = `${answer} Later: ${list(changes.map((r) => stanceStatement(r)))}.`;
  const premised = premises.filter((p) => !shown.some((r) => r.stanceId === p.stanceId)).slice(0, 2);
  if (premised.length) answer = `${answer} (${list(premised.map((r) => stanceStatement(r)))}.)`;
  if (reading.saying) {
    const quoted = shown.flatMap((r) => r.evidence.filter((e) => e.quote).map((e) => `${r.actor} said “${e.quote}” (${verbOf(r.type)} ${r.target}${r.date ? `, ${spokenDate(r.date)}` : ''})`));
    if (quoted.length) answer = `${list(quoted.slice(0, 4))}.`;
  }
  if (reading.asks === 'why') {
    const conditions = shown.filter((r) => r.condition);
    answer = `${answer} ${conditions.length ? `The sources give a condition, not a reason: ${list(conditions.map((r) => r.condition!))}.` : 'The sources give no reason for it.'}`;
  }
  if (reading.condition) {
    const needs = new Map(shown.flatMap((r) => r.requires.map((n) => [`${r.targetId} ${n.id}`, `${r.target} ${n.relation === 'HAS_PRECONDITION' ? 'has the precondition' : 'can only happen after'} ${n.label}`])));
    if (needs.size) answer = `${answer} ${list([...needs.values()])}.`;
    else if (!shown.some((r) => r.condition)) answer = `${answer} The sources record no condition for it.`;
  }
  const cited = [...shown, ...disputes.flatMap((j) => j.sides!.flatMap((side) => side.stances.map((s) => s.row))), ...changes, ...premised];
  const citedOnce = [...new Map(cited.map((r) => [r.stanceId, r])).values()];
  return {
    path: 'stances',
    answer,
    confidence,
    citations: stanceCitations(citedOnce),
    covered: shown.map((r) => `${r.actor} ${r.target}`).join(' '),
    disputed: disputes.length > 0,
    unquoted: !shown.some((r) => r.evidence.some((e) => e.quote)),
    changed: changes.length > 0,
  };
}

/** Positions some actors are for and others against. */
function contestedPositions(rows: AskStanceRow[]): Draft {
  const byTarget = new Map<string, AskStanceRow[]>();
  for (const r of rows) byTarget.set(r.targetId, [...(byTarget.get(r.targetId) ?? []), r]);
  const contested = [...byTarget.values()].filter((rs) => rs.some(isFor) && rs.some((r) => r.family === 'rejection'));
  if (contested.length === 0) return { path: 'stances', answer: 'The sources record no position that some back and others reject.', confidence: 0.8, citations: [] };
  const answer = contested
    .map((rs) => `${rs[0]!.target}: for, ${list(rs.filter(isFor).map(who))}; against, ${list(rs.filter((r) => r.family === 'rejection').map(who))}.`)
    .join(' ');
  return { path: 'stances', answer: `Contested — ${answer}`, confidence: 0.85, citations: stanceCitations(contested.flat()) };
}

/** "Who did not agree to X": everyone with a recorded stance on X whose party took none of the asked types. */
function notTaking(reading: Reading, rows: AskStanceRow[], types: StanceType[], targets: NameRow[]): Draft {
  const took = new Set(rows.filter((r) => types.includes(r.type as StanceType)).map((r) => r.partyId));
  const others = rows.filter((r) => !took.has(r.partyId));
  const what = list(targets.map((t) => t.label)) || 'it';
  if (others.length === 0) {
    const answer = rows.length
      ? `Everyone the sources record on ${what} ${reading.stanceWord ?? 'took that stance'}; they name no one who did not.`
      : `The sources record no stance on ${what} at all.`;
    return { path: 'stances', answer, confidence: 0.8, citations: stanceCitations(rows) };
  }
  return { path: 'stances', answer: `Of those the sources record on ${what}: ${list(others.map((r) => stanceStatement(r, false)))}.`, confidence: 0.85, citations: stanceCitations(others) };
}

/** Families that count as being for something, against the rejection family. */
const isFor = (r: AskStanceRow) => r.family === 'support' || r.family === 'proposal';

function comparison(agents: NameRow[], byAgent: (a: NameRow) => AskStanceRow[], differOnly: boolean): Draft {
  const rows = agents.flatMap(byAgent);
  const targetsOf = (a: NameRow) => new Set(byAgent(a).map((r) => r.targetId));
  const differs = (target: string) => new Set(rows.filter((r) => r.targetId === target).map((r) => isFor(r))).size > 1;
  const sharedTargets = [...targetsOf(agents[0]!)].filter((t) => agents.every((a) => targetsOf(a).has(t)) && (!differOnly || differs(t)));
  const compared = sharedTargets.length ? rows.filter((r) => sharedTargets.includes(r.targetId)) : rows;
  if (compared.length === 0) return { path: 'stances', answer: `The sources record no stance by ${list(agents.map((a) => a.label))} to compare.`, confidence: 0.8, citations: [] };
  const byTarget = new Map<string, AskStanceRow[]>();
  for (const r of compared) byTarget.set(r.target, [...(byTarget.get(r.target) ?? []), r]);
  const answer = [...byTarget].map(([target, rs]) => `On ${target}: ${list(rs.map((r) => `${who(r)} ${verbOf(r.type)} it`))}.`).join(' ');
  const prefix = sharedTargets.length ? '' : `The sources record no position on which all of ${list(agents.map((a) => a.label))} took a stance. `;
  return { path: 'stances', answer: prefix + answer, confidence: 0.85, citations: stanceCitations(compared) };
}

function shared(agents: NameRow[], byAgent: (a: NameRow) => AskStanceRow[], reading: Reading): Draft {
  const targetsOf = (a: NameRow) => new Set(byAgent(a).map((r) => r.targetId));
  const common = [...targetsOf(agents[0]!)].filter((t) => agents.every((a) => targetsOf(a).has(t)));
  const rows = agents.flatMap(byAgent).filter((r) => common.includes(r.targetId));
  const names = list(agents.map((a) => a.label));
  const verb = reading.stanceWord ?? 'support';
  if (common.length === 0) return { path: 'stances', answer: `The sources record no position that ${names} all ${verb}.`, confidence: 0.8, citations: [] };
  const labels = [...new Set(rows.map((r) => r.target))];
  return { path: 'stances', answer: `${names} ${agents.length === 2 ? 'both' : 'all'} ${verb}: ${list(labels)}.`, confidence: 0.9, citations: stanceCitations(rows) };
}

async function alone(db: Database, reading: Reading, agents: NameRow[], rows: AskStanceRow[], scope: StanceScope): Promise<Draft> {
  const mine = rows.filter((r) => agents.some((a) => r.actorId === a.id || r.partyId === a.id));
  const targetIds = [...new Set(mine.map((r) => r.targetId))];
  const everyone = targetIds.length ? await readStances(db, { actorIds: null, targetIds, types: reading.stanceTypes, before: reading.time.before, after: reading.time.after }, scope) : [];
  const partiesOn = (target: string) => new Set(everyone.filter((r) => r.targetId === target).map((r) => r.partyId));
  const agentParties = new Set(mine.map((r) => r.partyId));
  const solo = mine.filter((r) => [...partiesOn(r.targetId)].every((p) => agentParties.has(p)));
  const names = list(agents.map((a) => a.label));
  if (solo.length === 0) return { path: 'stances', answer: `The sources record no such stance that ${names} took alone.`, confidence: 0.8, citations: [] };
  return { path: 'stances', answer: `Only ${names}: ${list(solo.map((r) => stanceStatement(r, false)))}.`, confidence: 0.85, citations: stanceCitations(solo) };
}

/** Nothing matched: say so, naming what the sources do record on the same target or by the same actor. */
async function noneRecorded(db: Database, reading: Reading, agents: NameRow[], targets: NameRow[], scope: StanceScope): Promise<Draft> {
  const subject = list(agents.map((a) => a.label)) || 'anyone';
  const object = list(targets.map((t) => t.label));
  const asked = `${subject} ${reading.stanceWord ?? 'took a stance on'}${object ? ` ${object}` : ' that'}`;
  const related = targets.length || agents.length
    ? await readStances(db, { actorIds: agents.length && !targets.length ? agents.map((a) => a.id) : null, targetIds: targets.length ? targets.map((t) => t.id) : null, types: null, before: null, after: null }, scope)
    : [];
  const window = reading.time.after || reading.time.before ? ' in that time' : '';
  const answer = related.length
    ? `The sources do not record that ${asked}${window}. They do record: ${list(related.slice(0, 6).map((r) => stanceStatement(r)))}.`
    : `The sources do not record that ${asked}${window}.`;
  // One passage per stance named: with many reports of one stance, its first report stands for them (the corroboration counts the rest).
  const nearby = related.slice(0, 6).map((row) => stanceCitations([row])[0]!);
  return { path: 'stances', answer, confidence: 0.7, citations: [], closest: nearby, covered: nearby.map((c) => c.statement).join(' ') };
}

// ---------------------------------------------------------------- 3. evidence

/** Words the question quotes (three or more, in straight or curly double quotes), or null. */
function quotedWords(question: string): string | null {
  const found = /["“]([^"”]+)["”]/u.exec(question)?.[1];
  return found && plainWords(found).length >= 3 ? found : null;
}

/** A text's words folded, with typographic apostrophes read as plain ones ("don’t" is "dont"). */
const plainWords = (text: string) => nameWords(text.replace(/[’‘]/g, "'"));

function holdsWords(text: string, quoted: string): boolean {
  return ` ${plainWords(text).join(' ')} `.includes(` ${plainWords(quoted).join(' ')} `);
}

/** The question as Lucene: each name expanded to all its aliases, each leftover word as itself. */
function passageQuery(reading: Reading, quoted: string | null): string | null {
  const phrase = (text: string) => `"${nameWords(text).map(escapeLucene).join(' ')}"`;
  const groups = [
    ...(quoted ? [`${phrase(quoted)}^4`] : []),
    ...reading.mentions.map((m) => `(${m.entity.names.filter((n) => nameWords(n).length).map(phrase).join(' OR ')})`),
    ...reading.leftover.map((l) => escapeLucene(l.word)),
  ].filter((g) => g !== '()');
  return groups.length ? groups.join(' OR ') : null;
}

function passageText(p: PassageRow): string {
  return [p.quote, p.summary, p.description, p.entity, p.actor, p.target].filter(Boolean).join(' ');
}

/**
 * What a passage must hold to answer the question at all, beyond its share of the words: the
 * actors a stance question asks about, each by any of its names or a name of one of its own
 * people ("What did Iran say …" is not answered by Hezbollah's words), and for a question about
 * when something will happen, a date or a day in the passage itself.
 */
interface PassageNeeds {
  agents: Array<{ ids: Set<string>; names: string[] }>;
  date: boolean;
  /** The newest stance date in the graph: where the sources end. */
  latestDate: string | null;
}

function passageNeeds(reading: Reading, names: NameRow[], latestDate: string | null): PassageNeeds {
  const asksStance = reading.stanceTypes !== null || reading.saying;
  const agents = asksStance ? reading.mentions.filter((m) => m.role === 'agent' && ACTOR_TYPES.has(m.entity.type)).map((m) => m.entity) : [];
  return {
    agents: agents.map((agent) => {
      const own = names.filter((n) => n.id === agent.id || n.party === agent.id);
      // A stance taken by an official's party may be the one the official voiced.
      return { ids: new Set([...own.map((n) => n.id), ...(agent.party ? [agent.party] : [])]), names: own.flatMap((n) => n.names).map((n) => nameWords(n).join(' ')).filter((n) => n.length > 1) };
    }),
    // A report's own date answers when something was said or done, never when it will be.
    date: reading.asks === 'when' && FUTURE.test(reading.question),
    latestDate,
  };
}

/** Words that report a claim contradicted: the passage itself says it is disputed. */
const CONTRADICTION = /\b(contradict(?:ed|s)?|refut(?:ed|es)|denied|denies|disputed by|disproved|cast doubt)\b/i;

/** A question about what is still to come: "will", or the present of "is … scheduled", "are … next". */
const FUTURE = /\b(will|shall|going to)\b|\b(is|are)\b.*\b(next|scheduled|planned|due|upcoming)\b/i;

function meetsNeeds(needs: PassageNeeds, passage: string, p: PassageRow | undefined, date: string | null): boolean {
  const text = ` ${nameWords(passage).join(' ')} `;
  const named = needs.agents.every((agent) => (p?.actorId != null && agent.ids.has(p.actorId)) || agent.names.some((n) => text.includes(` ${n} `)));
  // A date still to come when the passage was written ("last Thursday" is not one), and still
  // to come when the sources end (a round held since is not the next one).
  const reference = date?.slice(0, 10) ?? new Date().toISOString().slice(0, 10);
  const dated = !needs.date || findDates(passage, reference).some((d) => d.date > reference && (needs.latestDate === null || d.date > needs.latestDate));
  return named && dated;
}

/** Share of the question's names and words that a passage contains (its graph ids count as naming them). */
function coverage(reading: Reading, passage: string, p?: PassageRow, needs?: { needs: PassageNeeds; date: string | null }): number {
  const words = nameWords(passage);
  const text = ` ${words.join(' ')} `;
  const stems = new Set(words.map(stem));
  // A name the graph does not know ("Gaza") is what the question is about: a passage without it answers another question.
  if (reading.leftover.some((l) => l.name && !stems.has(stem(l.word)))) return 0;
  if (needs && !meetsNeeds(needs.needs, passage, p, needs.date)) return 0;
  const concepts = [
    ...reading.mentions.map((m) => (p !== undefined && (m.entity.id === p.actorId || m.entity.id === p.targetId || m.entity.id === p.id)) || m.entity.names.some((n) => text.includes(` ${nameWords(n).join(' ')} `))),
    ...reading.leftover.map((l) => stems.has(stem(l.word))),
  ];
  return concepts.length ? concepts.filter(Boolean).length / concepts.length : 0;
}

function passageCitation(p: PassageRow): AskCitation {
  const statement = p.stanceId ? `${p.actor} ${verbOf(p.stanceType ?? '')} ${p.target}` : `About ${p.entity}`;
  const ids = [p.actorId, p.targetId, p.isEvidence ? null : p.id].filter((id): id is string => Boolean(id));
  return evidenceCitation(statement, ids, p.date, p.stanceId, { ...p, summary: p.summary ?? p.description, via: null });
}

async function answerFromEvidence(db: Database, reading: Reading, sources: string[] | null, names: NameRow[], latestDate: string | null): Promise<{ answered: boolean; draft: Draft; closest: AskCitation[] }> {
  const quotedPhrase = quotedWords(reading.question);
  const lucene = passageQuery(reading, quotedPhrase);
  const [passages, texts] = lucene
    ? await Promise.all([searchPassages(db, lucene, 20, sources), searchSourceTexts(db, lucene, SOURCE_TEXTS, sources)])
    : [[], []];
  // A stance's evidence and an entity's description were written for the graph; a sentence of a
  // source's text was not, so at equal coverage the graph's own passage comes first.
  const needs = passageNeeds(reading, names, latestDate);
  const ranked = [
    ...passages.map((p) => ({ text: passageText(p), p, fromText: false, score: p.score, citation: passageCitation(p) })),
    ...texts.flatMap((t) => textPassages(t).map((p) => ({ text: p.quote, p: undefined, fromText: true, score: t.score, citation: p }))),
  ]
    .map((r) => ({ ...r, cover: coverage(reading, r.text, r.p), answers: coverage(reading, r.text, r.p, { needs, date: r.citation.date ?? r.citation.sourceDate }) }))
    // A question that quotes words ("Who said “…”?") is about the passage that holds them, and only
    // that one; when none holds them word for word (a quote given loosely) the words are ranked as usual.
    .map((r) => ({ ...r, holds: quotedPhrase !== null && holdsWords(r.text, quotedPhrase) }))
    .map((r, _, all) => (all.some((o) => o.holds) ? { ...r, answers: r.holds ? 1 : 0 } : r))
    .sort((a, b) => b.cover - a.cover || Number(a.fromText) - Number(b.fromText) || b.score - a.score);
  // The closest passages are shown whatever they hold; only one that holds what the question needs may answer.
  const answering = [...ranked].sort((a, b) => b.answers - a.answers || Number(a.fromText) - Number(b.fromText) || b.score - a.score);
  const best = answering.filter((r) => r.answers >= PASSAGE_COVERAGE && r.answers === answering[0]!.answers).slice(0, CLOSEST_PASSAGES);
  const closest = ranked.slice(0, CLOSEST_PASSAGES).map((r) => r.citation);
  const concepts = reading.mentions.length + reading.leftover.length;
  if (best.length === 0 || (concepts < 2 && !best[0]!.holds)) return { answered: false, draft: { path: 'evidence', answer: NOT_FOUND, confidence: 0, citations: [] }, closest };
  const citations = best.map((r) => r.citation);
  const quoted = (cs: AskCitation[]) => list(cs.map((c) => (c.quote ? `${c.statement}: “${c.quote}”` : `${c.statement} (summary: ${c.summary})`)));
  // A yes or no over a claim its own passage reports contradicted ("… claimed …, but those claims
  // have been contradicted by …") is neither: it is disputed, and said so.
  const contradicted = reading.asks === 'yes/no' ? citations.filter((c) => CONTRADICTION.test(`${c.quote ?? ''} ${c.summary ?? ''}`)) : [];
  const answer = contradicted.length
    ? `Disputed: a passage reports the claim and its contradiction (found by searching the sources' words, not read from their stances): ${quoted(contradicted)}.`
    : `Found by searching the sources' words, not read from their stances: ${quoted(citations)}.`;
  // Matching words is not understanding them: retrieval never claims to be more likely right than wrong.
  return { answered: true, draft: { path: 'evidence', answer, confidence: RETRIEVAL_CONFIDENCE * best[0]!.answers, citations }, closest };
}

/** The sentences of a source's text, each as a citation quoting it, marked as a passage of that source. */
function textPassages(row: SourceTextRow): Array<AskCitation & { quote: string }> {
  const by = row.sourcePublisher ?? row.sourceTitle ?? row.sourceId ?? 'a source';
  return readSentences(row.text)
    .filter((s) => s.text.length >= 20)
    .map((s) => ({ ...evidenceCitation(`A passage of ${by}${row.sourceDate ? ` (${spokenDate(row.sourceDate)})` : ''}`, [], row.sourceDate, null, row), quote: clip(s.text) }));
}

/** A sentence quoted whole up to a length, else cut at a word with an ellipsis. */
function clip(sentence: string): string {
  if (sentence.length <= MAX_PASSAGE) return sentence;
  const cut = sentence.slice(0, MAX_PASSAGE);
  return `${cut.slice(0, cut.lastIndexOf(' '))} …`;
}
