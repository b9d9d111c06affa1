/**
 * Scores a draft against a gold payload (npm run eval:extract and its floor test).
 *
 * - Stances: a draft stance matches a gold one when the actors are the same or one is the
 *   other's party, the stance families are the same, and the targets are the same entity or
 *   close by name (the extractor's own closeness, server/domain/extract/targets.ts). Matching is
 *   one to one, in draft order.
 * - Quote attribution: every gold quote with a known speaker (the voice, else the actor of a
 *   first-hand stance) against the draft's quotes that share words with it; right when the
 *   speaker is the same and the draft quote is exactly the text at its offsets.
 * - Entity resolution: the distinct actors (parties, officials, delegations) the gold names
 *   against those the draft's mentions name, by id.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExtractDraft } from '../../contract/extract.ts';
import { STANCE_TYPES, type StanceType } from '../../contract/model.ts';
import { type SourcePayload, sourcePayloadSchema } from '../../contract/sourcePayload.ts';
import { closenessTo, contentLemmas } from './targets.ts';
import { STATES, fold } from '../../language/index.ts';

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ArticleScore {
  article: string;
  stances: Score;
  quotes: Score;
  entities: Score;
  /** Draft quotes whose text is not exactly the text at their offsets (must be 0). */
  quoteOffsetErrors: number;
  missed: string[];
  spurious: string[];
}

interface GoldArticle {
  name: string;
  text: string;
  gold: SourcePayload;
}

const ACTOR_TYPES = new Set(['Party', 'Official', 'Delegation']);

/** The gold set: tests/fixtures/articles/*.txt with their *.gold.json, and the seed article when its text is found. */
export function loadGoldSet(root: string, articlesDir: string | undefined): GoldArticle[] {
  const fixtures = path.join(root, 'tests', 'fixtures', 'articles');
  const articles: GoldArticle[] = [];
  const seed = path.join(root, 'cypher', 'seed', '010-istanbul-talks-2025-06-03.json');
  const seedGold = sourcePayloadSchema.parse(JSON.parse(fs.readFileSync(seed, 'utf8')));
  const seedText = articlesDir && fs.existsSync(articlesDir) ? findArticle(articlesDir, seedGold.source.title) : undefined;
  if (seedText) articles.push({ name: 'seed', text: seedText, gold: seedGold });
  for (const file of fs.readdirSync(fixtures).filter((f) => f.endsWith('.txt')).sort()) {
    const name = file.replace(/\.txt$/, '');
    const gold = sourcePayloadSchema.parse(JSON.parse(fs.readFileSync(path.join(fixtures, `${name}.gold.json`), 'utf8')));
    articles.push({ name, text: fs.readFileSync(path.join(fixtures, file), 'utf8'), gold });
  }
  return articles;
}

/** The text file in `dir` that carries the given headline. */
function findArticle(dir: string, title: string): string | undefined {
  for (const file of fs.readdirSync(dir)) {
    const full = path.join(dir, file);
    if (!fs.statSync(full).isFile()) continue;
    const text = fs.readFileSync(full, 'utf8');
    if (text.slice(0, 2000).includes(title)) return text;
  }
  return undefined;
}

export function scoreArticle(name: string, draft: ExtractDraft, gold: SourcePayload): ArticleScore {
  const payload = draft.payload as unknown as SourcePayload;
  type Named = { name: string; aliases: string[]; party?: string; type: string };
  const catalogue = (list: Array<{ id: string; name: string; aliases?: string[]; type: string; party?: string }>) => {
    const map = new Map<string, Named>(STATES.map((state) => [state.id, { name: state.name, aliases: state.aliases, type: 'Party' }]));
    for (const e of list) map.set(e.id, { name: e.name, aliases: e.aliases ?? [], type: e.type, ...(e.party ? { party: e.party } : {}) });
    return map;
  };
  // The draft may propose an id the gold also uses for something else: each side keeps its own names.
  const goldEntities = catalogue(gold.entities as Array<{ id: string; name: string; aliases?: string[]; type: string; party?: string }>);
  const draftEntities = catalogue((payload.entities ?? []) as Array<{ id: string; name: string; aliases?: string[]; type: string; party?: string }>);
  const partyOf = (id: string) => goldEntities.get(id)?.party ?? draftEntities.get(id)?.party;
  const sameActor = (a: string, b: string) => a === b || partyOf(a) === b || a === partyOf(b);
  const sameTarget = (draftTarget: string, goldTarget: string) => {
    const d = draftEntities.get(draftTarget) ?? goldEntities.get(draftTarget);
    const g = goldEntities.get(goldTarget);
    if (!d || !g) return draftTarget === goldTarget;
    return [d.name, ...d.aliases].some((n) => closenessTo(contentLemmas(n), { id: goldTarget, type: g.type, names: [g.name, ...g.aliases] }) >= 0.6);
  };
  const family = (type: StanceType) => STANCE_TYPES[type].family;

  const open = [...gold.stances];
  const spurious: string[] = [];
  for (const stance of payload.stances ?? []) {
    const at = open.findIndex((g) => sameActor(stance.actor, g.actor) && family(stance.type) === family(g.type) && sameTarget(stance.target, g.target));
    if (at >= 0) open.splice(at, 1);
    else spurious.push(`${stance.actor} ${stance.type} ${stance.target}`);
  }
  const stanceScore = score((payload.stances?.length ?? 0) - spurious.length, spurious.length, open.length);

  const goldQuotes = new Map<string, string>();
  for (const stance of gold.stances) {
    for (const evidence of stance.evidence) {
      const speaker = stance.voicedBy ?? (evidence.reporting === 'first-hand' ? stance.actor : undefined);
      if (evidence.quote && speaker) goldQuotes.set(evidence.quote, speaker);
    }
  }
  const quoteOffsetErrors = draft.provenance.quotes.filter((q) => draft.text.slice(q.start, q.end) !== q.text).length;
  let quoteHits = 0;
  let quoteWrong = 0;
  for (const [quote, speaker] of goldQuotes) {
    const overlapping = draft.provenance.quotes.filter((q) => sharesWords(q.text, quote));
    if (overlapping.some((q) => q.speaker === speaker && draft.text.slice(q.start, q.end) === q.text)) quoteHits += 1;
    else if (overlapping.some((q) => q.speaker !== null)) quoteWrong += 1;
  }
  const quoteScore = score(quoteHits, quoteWrong, goldQuotes.size - quoteHits);

  const goldActors = new Set(gold.entities.filter((e) => ACTOR_TYPES.has(e.type)).map((e) => e.id));
  const draftActors = new Set(draft.provenance.mentions.filter((m) => ACTOR_TYPES.has(m.type)).map((m) => m.entity));
  const actorHits = [...draftActors].filter((id) => goldActors.has(id)).length;
  const entityScore = score(actorHits, draftActors.size - actorHits, goldActors.size - actorHits);

  return {
    article: name,
    stances: stanceScore,
    quotes: quoteScore,
    entities: entityScore,
    quoteOffsetErrors,
    missed: open.map((g) => `${g.actor} ${g.type} ${g.target}`),
    spurious,
  };
}

/** Sums the counts of several articles' scores (micro average). */
export function overall(scores: Score[]): Score {
  const sum = (key: 'truePositives' | 'falsePositives' | 'falseNegatives') => scores.reduce((n, s) => n + s[key], 0);
  return score(sum('truePositives'), sum('falsePositives'), sum('falseNegatives'));
}

function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}

function sharesWords(a: string, b: string): boolean {
  const x = fold(a).replace(/[^a-z0-9 ]/g, ' ').trim();
  const y = fold(b).replace(/[^a-z0-9 ]/g, ' ').trim();
  return x.includes(y) || y.includes(x);
}
