/**
 * Parley's language layer: pure, deterministic, in process, no database. Shared by article
 * extraction (server/domain/extract.ts) and question reading.
 *
 * - `readSentences(text)`: sentences and tokens (lemma, part of speech) with [start, end) offsets (wink-nlp).
 * - `fold(text)`: case and diacritic folding that keeps offsets ("Erdoğan" → "erdogan").
 * - `findStanceCues(tokens)`: stance verbs and nouns mapped to the model's stance types, with negation.
 * - `isSpeechVerb(token)`: reporting verbs ("said", "told", "added").
 * - `NameMatcher`: known names and aliases in text, titles before a name, demonyms.
 * - `STATES`: general knowledge of states' capitals, seats and demonyms, for names the graph lacks.
 * - `findDates(text, reference)`: dates with precision, resolved against a reference day (chrono-node).
 */
export { fold } from './fold.ts';
export { readSentences, lemmasOf, isStopWord, type Sentence, type Token } from './text.ts';
export { findStanceCues, isSpeechVerb, type StanceCue } from './stanceLexicon.ts';
export { NameMatcher, isTitleWord, type KnownName, type NameMention } from './names.ts';
export { STATES } from './gazetteer.ts';
export { findDates, shiftDay, type ResolvedDate } from './dates.ts';
export { nameSimilarity } from './similarity.ts';
