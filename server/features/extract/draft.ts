/**
 * A draft from one parsed report: the passes run in order over the same read-only parse
 * (mentions → coreference → clauses → quotes → stances → targets → evidence), and their
 * findings become a source payload with provenance. Every offset points into `text`; every
 * evidence quote is the report's own words at those offsets.
 */
import type { ExtractDraft, ExtractRequest, MentionProvenance, QuoteProvenance, StanceProvenance } from '../../contract/extract.ts';
import type { PayloadEntity, PayloadStance } from '../../contract/sourcePayload.ts';
import { findDates, type KnownName, type ResolvedDate } from '../../language/index.ts';
import type { ParsedDoc } from '../../nlp/parsedDoc.ts';
import { offerAliases } from './aliasOffers.ts';
import type { ArticleText } from './articleText.ts';
import type { Catalogue } from './passes/mentions.ts';
import { runPasses } from './passes/pipeline.ts';
import type { ActorEntry, StanceCandidate } from './passes/types.ts';
import { categoryOf, slugId } from './targets.ts';

export interface DraftInput {
  request: ExtractRequest;
  article: Pick<ArticleText, 'text' | 'format'>;
  doc: ParsedDoc;
  known: KnownName[];
}

export function draftSourceId(request: Pick<ExtractRequest, 'title' | 'publishedAt'>): string {
  return slugId('source', `${request.title} ${request.publishedAt}`, 120);
}

export function buildDraft({ request, article, doc, known }: DraftInput): ExtractDraft {
  const text = doc.text;
  const { segments, catalogue, mentions, quotes, targets, stances: candidates } = runPasses(doc, known);
  const dates = findDates(text, request.publishedAt).filter((d) => !/\bdays? (?:after|before|later|earlier)\b/i.test(d.text));

  const fallbackParty = mostMentionedState(mentions.map((m) => catalogue.byId.get(m.entity)));
  const partyOf = (entry: ActorEntry) => entry.party ?? (entry.type === 'Official' ? fallbackParty : undefined);
  const segmentSpan = (segment: number, at: number) => spanOfSegment(doc, segments, segment >= 0 ? segment : segments[doc.tokens.findIndex((t) => t.end > at)] ?? 0);

  const stances = new Map<string, PayloadStance>();
  const provenance = new Map<string, StanceProvenance>();
  for (const c of candidates) {
    const actor = catalogue.byId.get(c.actor);
    if (!actor || (actor.type === 'Official' && !partyOf(actor))) continue;
    const sentence = segmentSpan(c.segment, c.cueStart);
    const when = dateOf(dates, sentence, c.cueStart) ?? { date: request.publishedAt, precision: 'day' as const };
    const id = slugId('stance', `${c.actor.split(':')[1]} ${c.type} ${c.target.id.split(':')[1]} ${when.date}`, 190);
    const evidence = evidenceOf(text, c, catalogue);
    const existing = stances.get(id);
    if (existing) {
      if (!existing.evidence.some((e) => e.quote === evidence.quote) && existing.evidence.length < 50) existing.evidence.push(evidence);
      continue;
    }
    stances.set(id, {
      id,
      actor: c.actor,
      type: c.type,
      target: c.target.id,
      date: when.date,
      datePrecision: when.precision,
      confidence: round(c.confidence),
      evidence: [evidence],
    });
    provenance.set(id, {
      stance: id,
      type: c.type,
      start: c.clauseStart,
      end: c.clauseEnd,
      cue: c.cue,
      confidence: round(c.confidence),
      sentence,
      ...(c.quote ? { quote: { start: c.quote.start, end: c.quote.end } } : {}),
    });
  }

  const used = new Set<string>();
  for (const s of stances.values()) used.add(s.actor).add(s.target);
  const entities: PayloadEntity[] = [];
  const declareActor = (id: string) => {
    const e = catalogue.byId.get(id);
    if (!e || !e.proposed || entities.some((x) => x.id === id)) return;
    if (e.type === 'Official') {
      const party = partyOf(e)!;
      declareActor(party);
      entities.push({ id, type: 'Official', name: e.name, aliases: e.aliases, role: e.role ?? 'named in the report', ...(e.title ? { title: e.title } : {}), party });
    } else if (e.type === 'Party') {
      entities.push({ id, type: 'Party', name: e.name, aliases: e.aliases, kind: e.kind ?? 'state' });
    }
  };
  for (const id of used) declareActor(id);
  for (const t of targets.named.values()) {
    if (t.known || !used.has(t.id)) continue;
    entities.push({ id: t.id, type: 'Position', name: t.name, aliases: [...t.aliases].slice(0, 20), description: t.name, category: categoryOf(t.name) });
  }

  const mentionProvenance: MentionProvenance[] = mentions.map((m) => {
    const e = catalogue.byId.get(m.entity)!;
    return { start: m.start, end: m.end, text: text.slice(m.start, m.end), entity: m.entity, type: e.type, proposed: e.proposed, cue: m.cue, confidence: round(m.confidence) };
  });
  const quoteProvenance: QuoteProvenance[] = quotes.map((q) => ({
    start: q.start,
    end: q.end,
    text: text.slice(q.start, q.end),
    speaker: q.speaker ?? null,
    reporting: 'first-hand',
    cue: q.cue,
    confidence: round(q.confidence),
  }));
  const payload = {
    source: {
      id: draftSourceId(request),
      title: request.title,
      kind: request.kind ?? 'news-article',
      publishedAt: request.publishedAt,
      ...(request.publisher ? { publisher: request.publisher } : {}),
      ...(request.url ? { url: request.url } : {}),
      language: 'en',
      // Kept with the source, so every quote can later be shown in its context.
      text,
    },
    entities,
    stances: [...stances.values()],
    relations: [],
  };
  return {
    payload,
    text,
    format: article.format,
    provenance: { mentions: mentionProvenance, quotes: quoteProvenance, stances: [...provenance.values()], relations: [], dates },
    summary: {
      sentences: new Set(segments).size,
      mentions: mentionProvenance.length,
      quotes: quoteProvenance.length,
      stances: payload.stances.length,
      proposedEntities: entities.length,
      relations: 0,
    },
    matches: [],
    aliasOffers: offerAliases(mentionProvenance, known),
  };
}

/** The report's words for a stance: the speaker's quote when it was read from one, else the clause itself. */
function evidenceOf(text: string, c: StanceCandidate, catalogue: Catalogue): PayloadStance['evidence'][number] {
  if (c.quote?.speaker) {
    const words = text.slice(c.quote.start, c.quote.end).trim();
    if (c.quote.speaker === c.actor) return { quote: words, reporting: 'first-hand' };
    return { quote: words, reporting: 'second-hand', via: catalogue.byId.get(c.quote.speaker)?.name ?? c.via ?? 'a quoted speaker' };
  }
  const words = text.slice(c.clauseStart, c.clauseEnd).trim().slice(0, 4000);
  return c.via ? { quote: words, reporting: 'second-hand', via: c.via } : { quote: words, reporting: 'first-hand' };
}

function mostMentionedState(entries: Array<ActorEntry | undefined>): string | undefined {
  const counts = new Map<string, number>();
  for (const e of entries) if (e?.type === 'Party' && e.kind === 'state') counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function spanOfSegment(doc: ParsedDoc, segments: readonly number[], segment: number): { start: number; end: number } {
  let start = doc.text.length;
  let end = 0;
  for (const t of doc.tokens) {
    if (segments[t.i] !== segment || t.pos === 'SPACE') continue;
    start = Math.min(start, t.start);
    end = Math.max(end, t.end);
  }
  return start <= end ? { start, end } : { start: 0, end: 0 };
}

/** The date nearest the cue in its sentence, if the sentence gives one. */
function dateOf(dates: ResolvedDate[], sentence: { start: number; end: number }, at: number): { date: string; precision: ResolvedDate['precision'] } | undefined {
  const inSentence = dates.filter((d) => d.start >= sentence.start && d.end <= sentence.end);
  inSentence.sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at));
  const d = inSentence[0];
  return d ? { date: d.date, precision: d.precision } : undefined;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
