/**
 * Scores drafts against gold written by hand (npm run eval:extract and its floor test).
 *
 * The scorer is independent of the extractor: it calls none of its name or target matching. A
 * draft's ids are turned into names through the draft's own declarations (and the gazetteer of
 * states the draft may use without declaring), and those names are compared with the gold's
 * names and aliases after folding case, accents and punctuation. A target matches by the gold's
 * own id, or when its name holds one of the gold target's listed words.
 *
 * - Stances: same actor (or one is the other's party in the gold), same family of stance type,
 *   same target. One to one, in draft order.
 * - Actors: the gold's actors the draft names anywhere (a mention or a declared entity).
 * - Quotes: every draft quote must be exactly the text at its offsets; a gold quote with a
 *   speaker counts as attributed when a draft quote sharing its words names that speaker.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExtractDraft } from '../../contract/extract.ts';
import { STANCE_TYPES, type StanceType } from '../../contract/model.ts';
import type { SourcePayload } from '../../contract/sourcePayload.ts';
import { STATES } from '../../language/gazetteer.ts';
import { fold } from '../../language/fold.ts';

export interface GoldActor {
  id: string;
  type: string;
  name: string;
  party?: string;
  aliases?: string[];
}

export interface GoldStance {
  actor: string;
  type: StanceType;
  target: { id: string; name: string; words: string[] };
  quote?: string | null;
}

/** One report's gold, as tests/gold/extraction/*.json hold it (the fields the scorer reads). */
export interface Gold {
  id: string;
  negotiation: string;
  title: string;
  publishedAt: string;
  text: { file: string; sha256?: string; chars?: number };
  actors: GoldActor[];
  stances: GoldStance[];
  quotes?: Array<{ text: string; speaker: string | null }>;
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ReportScore {
  report: string;
  negotiation: string;
  stances: Score;
  /** Gold actors the draft recognised (recall). */
  actors: { found: number; total: number; missed: string[] };
  quotes: { attributed: number; total: number };
  /** Draft quotes whose text is not exactly the text at their offsets (must be 0). */
  quoteOffsetErrors: number;
  missed: string[];
  spurious: string[];
}

export interface GoldReport {
  gold: Gold;
  text: string;
}

/** The gold set split by negotiation, decided before any scoring (tests/gold/extraction/split.json). */
export interface Split {
  dev: string[];
  test: string[];
}

const GOLD_DIR = (root: string) => path.join(root, 'tests', 'gold', 'extraction');

export function readSplit(root: string): Split {
  const split = JSON.parse(fs.readFileSync(path.join(GOLD_DIR(root), 'split.json'), 'utf8')) as Split;
  return { dev: split.dev, test: split.test };
}

/** Every real report's gold; those whose text is in `textsDir` come with it, the others are named as missing. */
export function loadReports(root: string, textsDir: string): { present: GoldReport[]; missing: Gold[] } {
  const present: GoldReport[] = [];
  const missing: Gold[] = [];
  for (const file of fs.readdirSync(GOLD_DIR(root)).filter((f) => f.endsWith('.json') && f !== 'split.json').sort()) {
    const gold = JSON.parse(fs.readFileSync(path.join(GOLD_DIR(root), file), 'utf8')) as Gold;
    const at = path.join(textsDir, gold.text.file);
    if (fs.existsSync(at)) present.push({ gold, text: fs.readFileSync(at, 'utf8') });
    else missing.push(gold);
  }
  return { present, missing };
}

/** The seed article (its text in the shared sources folder) with its payload read as gold. */
export function loadSeed(root: string, articlesDir: string | undefined): GoldReport | undefined {
  const payload = JSON.parse(fs.readFileSync(path.join(root, 'cypher', 'seed', '010-istanbul-talks-2025-06-03.json'), 'utf8')) as SourcePayload;
  const text = articlesDir && fs.existsSync(articlesDir) ? findArticle(articlesDir, payload.source.title) : undefined;
  if (!text) return undefined;
  return { gold: payloadAsGold('seed', payload), text };
}

export function payloadAsGold(id: string, payload: SourcePayload): Gold {
  const entities = payload.entities as Array<{ id: string; type: string; name: string; aliases?: string[]; party?: string; partOf?: string }>;
  const byId = new Map(entities.map((e) => [e.id, e]));
  return {
    id,
    negotiation: id,
    title: payload.source.title,
    publishedAt: payload.source.publishedAt ?? '',
    text: { file: '' },
    actors: entities
      .filter((e) => ['Party', 'Official', 'Delegation'].includes(e.type))
      .map((e) => ({ id: e.id, type: e.type, name: e.name, aliases: e.aliases ?? [], ...(e.party ?? e.partOf ? { party: (e.party ?? e.partOf)! } : {}) })),
    stances: payload.stances.map((s) => {
      const target = byId.get(s.target);
      return {
        actor: s.actor,
        type: s.type,
        target: { id: s.target, name: target?.name ?? s.target, words: [target?.name ?? '', ...(target?.aliases ?? [])].filter(Boolean) },
        quote: s.evidence[0]?.quote ?? null,
      };
    }),
    quotes: payload.stances.flatMap((s) =>
      s.evidence.filter((e) => e.quote && (s.voicedBy || e.reporting === 'first-hand')).map((e) => ({ text: e.quote!, speaker: s.voicedBy ?? s.actor })),
    ),
  };
}

function findArticle(dir: string, title: string): string | undefined {
  for (const file of fs.readdirSync(dir)) {
    const full = path.join(dir, file);
    if (!fs.statSync(full).isFile()) continue;
    const text = fs.readFileSync(full, 'utf8');
    if (text.slice(0, 2000).includes(title)) return text;
  }
  return undefined;
}

/** Case, accents, quotes and punctuation folded away; a leading "the" dropped. */
export function normalName(name: string): string {
  return fold(name)
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

export function scoreReport(draft: ExtractDraft, gold: Gold): ReportScore {
  const payload = draft.payload as unknown as SourcePayload;
  const declared = new Map<string, string[]>(STATES.map((s) => [s.id, [s.name, ...s.aliases]]));
  for (const e of (payload.entities ?? []) as Array<{ id: string; name: string; aliases?: string[] }>) declared.set(e.id, [e.name, ...(e.aliases ?? [])]);
  const namesOf = (id: string) => (declared.get(id) ?? []).map(normalName);

  const goldNames = new Map(gold.actors.map((a) => [a.id, new Set([a.name, ...(a.aliases ?? [])].map(normalName))]));
  const goldParty = new Map(gold.actors.filter((a) => a.party).map((a) => [a.id, a.party!]));
  /** The gold actor a draft id stands for, by id or by name. */
  const goldActorOf = (draftId: string): string | undefined => {
    if (goldNames.has(draftId)) return draftId;
    const names = namesOf(draftId);
    for (const [id, gNames] of goldNames) if (names.some((n) => gNames.has(n))) return id;
    return undefined;
  };
  const sameActor = (draftId: string, goldId: string) => {
    const g = goldActorOf(draftId);
    return g !== undefined && (g === goldId || goldParty.get(g) === goldId || goldParty.get(goldId) === g);
  };
  const sameTarget = (draftId: string, target: GoldStance['target']) => {
    if (draftId === target.id) return true;
    const names = namesOf(draftId);
    const words = [target.name, ...target.words].map(normalName).filter((w) => w.length >= 3);
    return names.some((n) => words.some((w) => ` ${n} `.includes(` ${w} `)));
  };
  const family = (type: StanceType) => STANCE_TYPES[type].family;

  const open = [...gold.stances];
  const spurious: string[] = [];
  const stances = payload.stances ?? [];
  for (const stance of stances) {
    const at = open.findIndex((g) => sameActor(stance.actor, g.actor) && family(stance.type) === family(g.type) && sameTarget(stance.target, g.target));
    if (at >= 0) open.splice(at, 1);
    else spurious.push(`${stance.actor} ${stance.type} ${stance.target} (${namesOf(stance.target)[0] ?? '?'})`);
  }

  const recognised = new Set<string>();
  const draftIds = new Set([...draft.provenance.mentions.map((m) => m.entity), ...((payload.entities ?? []) as Array<{ id: string }>).map((e) => e.id)]);
  for (const id of draftIds) {
    const g = goldActorOf(id);
    if (g) recognised.add(g);
  }
  for (const m of draft.provenance.mentions) {
    const n = normalName(m.text);
    for (const [id, gNames] of goldNames) if (gNames.has(n)) recognised.add(id);
  }

  const quoteOffsetErrors = draft.provenance.quotes.filter((q) => draft.text.slice(q.start, q.end) !== q.text).length;
  const goldQuotes = (gold.quotes ?? []).filter((q) => q.speaker);
  const attributed = goldQuotes.filter((q) =>
    draft.provenance.quotes.some((d) => d.speaker && sharesWords(d.text, q.text) && (d.speaker === q.speaker || sameActor(d.speaker, q.speaker!))),
  ).length;

  return {
    report: gold.id,
    negotiation: gold.negotiation,
    stances: score(stances.length - spurious.length, spurious.length, open.length),
    actors: { found: recognised.size, total: gold.actors.length, missed: gold.actors.filter((a) => !recognised.has(a.id)).map((a) => a.id) },
    quotes: { attributed, total: goldQuotes.length },
    quoteOffsetErrors,
    missed: open.map((g) => `${g.actor} ${g.type} ${g.target.id}`),
    spurious,
  };
}

/** Sums the counts of several reports' scores (micro average). */
export function overall(scores: Score[]): Score {
  const sum = (key: 'truePositives' | 'falsePositives' | 'falseNegatives') => scores.reduce((n, s) => n + s[key], 0);
  return score(sum('truePositives'), sum('falsePositives'), sum('falseNegatives'));
}

export function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}

function sharesWords(a: string, b: string): boolean {
  const x = normalName(a);
  const y = normalName(b);
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}
