/**
 * The extractor, pure: from an article's sentences and the graph's names to a draft source
 * payload with provenance. It reads the article once, in order, keeping who spoke last and what
 * was talked about last, so "he added" and "the idea" resolve the way a reader resolves them.
 *
 * The story of one sentence: attribute its quotes to speakers, find its stance cues, give each
 * cue an actor (subject, possessor, "by" phrase, pronoun) and a target (its object phrase, matched
 * to a known position or proposed), date it, read conditions and alternatives, and record the
 * evidence: the speaker's own words when quoted, else a summary marked as one.
 */
import nlp from 'compromise';
import type { ExtractDraft, ExtractRequest, MentionProvenance, QuoteProvenance, RelationProvenance, StanceProvenance } from '../../contract/extract.ts';
import {
  NameMatcher,
  STATES,
  findDates,
  findStanceCues,
  fold,
  isTitleWord,
  isSpeechVerb,
  shiftDay,
  type KnownName,
  type NameMention,
  type ResolvedDate,
  type Sentence,
  type StanceCue,
  type Token,
} from '../../language/index.ts';
import { STANCE_TYPES, type DatePrecision, type PositionRelation, type StanceType } from '../../contract/model.ts';
import type { PartyKind, PayloadEntity, PayloadStance } from '../../contract/sourcePayload.ts';
import type { ArticleText } from './articleText.ts';
import { bestMatch, categoryOf, slugId, type TargetCandidate } from './targets.ts';
import { offerAliases } from './aliasOffers.ts';

const ACTOR_TYPES = new Set(['Party', 'Official', 'Delegation']);
const OWN_REPORTING = "the article's own reporting (no named source)";
/** Words that end an object phrase or a subject search: a new clause or an adjunct begins. */
/** Words that open a new clause: a subject is not looked for beyond them. */
const CLAUSE_WORDS = new Set(['that', 'which', 'who', 'whom', 'whose', 'because', 'while', 'although', 'though', 'but', 'after', 'before', 'when', 'according', 'since', 'until', 'if', 'unless']);
/** Words that end an object phrase: a new clause or an adjunct begins. */
const OBJECT_END_WORDS = new Set([...CLAUSE_WORDS, 'as', 'at', 'in', 'on', 'during', 'from', 'with', 'amid', 'despite', 'instead', 'than', 'by', 'over', 'saying', 'adding', 'so']);
const BOUNDARY_PUNCT = /^[,;:.!?()"“”—–-]+$/;
const LEADING_WORDS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'any', 'some', 'to', 'on', 'upon', 'with', 'for', 'of', 'about', 'also', 'from']);
/** "Kiev's call for X", "the proposal of X": the stance is about X. */
const NOMINAL_HEAD = /^(?:(?:[\p{L}.]+(?:['’]s)?\s+)?(?:call|calls|proposal|proposals|demand|demands|offer|offers|plan|plans|push|bid|request|idea|prospect|possibility)\s+(?:for|of|to|on)\s+)/iu;
const ANAPHORA = /^(?:(?:the )?(?:idea|plan|proposal|initiative|offer|suggestion|move|prospect|announcement|decision|deal|step)|it|this|that|such (?:an? )?\w+)$/i;
/** "the Russian demand", "Kyiv's proposal": the last such stance of that party. */
/** An attack named after "in", "during" or "with": "in a rocket attack on the city of Sumy". */
const ATTACK = /\b(?:in|during|with|over|for)\s+((?:an?|the|its|their)\s+(?:[\w-]+\s+){0,3}(?:attack|strike|strikes|shelling|bombing|raid|assault|offensive)(?:\s+(?:on|in|against)\s+[^,;.]+)?)/i;
const NOUN_STANCE: Record<string, StanceType> = { demand: 'demanded', proposal: 'proposed', offer: 'offered', call: 'called_for', condition: 'demanded', term: 'demanded' };
const PARTY_PROPOSAL = /^(?:the )?([\p{Lu}][\p{L}.]*)(?:['’]s)? (demand|demands|proposal|proposals|offer|plan|call|conditions|terms)$/u;
const SIDES = /\b(?:the|both) (?:two )?(?:sides|parties)\b/i;

interface DraftContext {
  request: ExtractRequest;
  article: ArticleText;
  /** Everything the graph already names. */
  known: KnownName[];
}

interface Actor {
  entity: KnownName;
  /** How the actor was found: name, pronoun, possessive, passive, sides. */
  how: string;
  confidence: number;
}

interface Quote {
  start: number;
  end: number;
  speaker?: KnownName;
  cue: string;
  confidence: number;
}

interface Target {
  id: string;
  name: string;
  confidence: number;
}

/** The id a draft gives its source: the same title and day always name the same source. */
export function draftSourceId(request: Pick<ExtractRequest, 'title' | 'publishedAt'>): string {
  return slugId('source', `${request.title} ${request.publishedAt}`, 120);
}

export function buildDraft({ request, article, known }: DraftContext): ExtractDraft {
  return new DraftBuilder(request, article, known).build();
}

class DraftBuilder {
  private readonly text: string;
  private readonly graphIds: Set<string>;
  private readonly matcher: NameMatcher;
  private readonly mentions: NameMention[];
  private readonly quotes: Quote[] = [];
  private readonly quoteSpans: Array<[number, number]>;
  private readonly targets: TargetCandidate[];
  private readonly proposed = new Map<string, PayloadEntity>();
  private readonly stances = new Map<string, PayloadStance>();
  private readonly stanceProvenance = new Map<string, StanceProvenance>();
  private readonly relations: Array<{ type: PositionRelation; from: string; to: string; stance?: string }> = [];
  private readonly relationProvenance: RelationProvenance[] = [];
  private readonly dates: ResolvedDate[];
  private readonly partyCounts = new Map<string, number>();
  private lastOfficial: KnownName | undefined;
  private lastParty: KnownName | undefined;
  private lastTarget: Target | undefined;
  private lastStance: { id: string; sentence: number } | undefined;
  /** Every stance reading in article order, merged ones included. */
  private readonly history: Array<{ actor: string; type: StanceType; target: string; sentence: number }> = [];

  constructor(
    private readonly request: ExtractRequest,
    private readonly article: ArticleText,
    private readonly known: KnownName[],
  ) {
    this.text = article.text;
    this.graphIds = new Set(known.map((k) => k.id));
    const graphMatcher = new NameMatcher(known);
    // States the graph lacks come from general knowledge; those it has keep their demonyms for titles.
    const general = STATES.filter((state) => !this.graphIds.has(state.id) && graphMatcher.lookup(state.name).every((k) => k.type !== 'Party'));
    const names = [...known.map((entity) => withDemonyms(entity, graphMatcher)), ...general];
    const people = proposePeople(this.text, new NameMatcher(names));
    this.matcher = new NameMatcher([...names, ...people]);
    this.mentions = withGroupMentions(this.text, this.matcher, this.matcher.find(this.text));
    for (const mention of this.mentions) {
      const party = actorOf(mention);
      if (party?.type === 'Party') this.partyCounts.set(party.id, (this.partyCounts.get(party.id) ?? 0) + 1);
    }
    this.quoteSpans = [...this.text.matchAll(/["“]([^"“”\n]{1,4000}?)["”]/g)]
      // A comma before the closing mark is the reporter's punctuation, not the speaker's words.
      .map((m): [number, number] => [m.index + 1, m.index + 1 + m[1]!.replace(/[,\s]+$/, '').length])
      .filter(([s, e]) => /\p{L}/u.test(this.text.slice(s, e)));
    this.dates = findDates(this.text, request.publishedAt).filter((d) => !/\bdays? (?:after|before|later|earlier)\b/i.test(d.text));
    this.targets = known.filter((k) => k.type === 'Position' || k.type === 'Event').map((k) => ({ id: k.id, type: k.type, names: [k.name, ...k.aliases] }));
  }

  build(): ExtractDraft {
    this.article.sentences.forEach((sentence, index) => this.readSentence(sentence, index));
    const payload = {
      source: {
        id: draftSourceId(this.request),
        title: this.request.title,
        kind: this.request.kind ?? 'news-article',
        publishedAt: this.request.publishedAt,
        ...(this.request.publisher ? { publisher: this.request.publisher } : {}),
        ...(this.request.url ? { url: this.request.url } : {}),
        language: 'en',
        // Kept with the source, so every quote can later be shown in its context.
        text: this.text,
      },
      entities: this.declaredEntities(),
      stances: [...this.stances.values()],
      relations: this.relations,
    };
    const mentions = this.mentionProvenance();
    const quotes = this.quotes.map((q) => this.quoteProvenance(q));
    return {
      payload,
      text: this.text,
      format: this.article.format,
      provenance: { mentions, quotes, stances: [...this.stanceProvenance.values()], relations: this.relationProvenance, dates: this.dates },
      summary: {
        sentences: this.article.sentences.length,
        mentions: mentions.length,
        quotes: quotes.length,
        stances: payload.stances.length,
        proposedEntities: payload.entities.length,
        relations: payload.relations.length,
      },
      matches: [],
      aliasOffers: offerAliases(mentions, this.known),
    };
  }

  // ------------------------------------------------------------------ one sentence

  private readSentence(sentence: Sentence, index: number): void {
    const own = this.mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    const sentenceDates = this.dates.filter((d) => d.start >= sentence.start && d.end <= sentence.end);
    const subject = this.sentenceSubject(sentence, own);
    for (const [start, end] of this.quoteSpans) {
      if (start - 1 >= sentence.start && start - 1 < sentence.end) this.attributeQuote(start, end, sentence);
    }
    const cues = findStanceCues(sentence.tokens).filter((cue, i, all) => !this.isComplement(cue, all[i - 1], sentence));
    let stancesHere = 0;
    let previous: Actor[] = [];
    for (const [i, cue] of cues.entries()) {
      const quote = this.longQuoteAround(cue);
      const actors = quote ? this.speakerInQuote(cue, sentence, quote) : this.actorsOf(cue, sentence, own, subject, previous);
      if (actors.length === 0) continue;
      previous = actors;
      const target = this.targetOf(cue, sentence);
      if (!target) continue;
      const when = this.dateOf(cue, sentence, sentenceDates);
      for (const actor of actors) {
        const id = this.addStance(actor, cue, target, when, sentence, index);
        this.readConditions(cue, cues[i + 1]?.start ?? sentence.end, sentence, index, actor, target, when, id);
        stancesHere += 1;
      }
      this.lastTarget = target;
    }
    if (stancesHere === 0 && this.lastStance && index - this.lastStance.sentence <= 2) this.readTrailingCondition(sentence, index);
    if (subject?.entity.type === 'Official') this.lastOfficial = subject.entity;
    if (subject?.entity.type === 'Party') this.lastParty = subject.entity;
  }

  /** The first actor named before the sentence's first verb, or a pronoun standing for the last one. */
  private sentenceSubject(sentence: Sentence, own: NameMention[]): Actor | undefined {
    const firstVerb = sentence.tokens.find((t) => (t.pos === 'VERB' || t.pos === 'AUX') && !this.inQuote(t.start));
    const limit = firstVerb?.start ?? sentence.end;
    const named = own.find((m) => m.end <= limit && !this.inQuote(m.start) && actorOf(m));
    if (named) return { entity: actorOf(named)!, how: 'name', confidence: 1 };
    const pronoun = sentence.tokens.find((t) => t.start < limit && /^(he|she)$/i.test(t.text));
    return pronoun && this.lastOfficial ? { entity: this.lastOfficial, how: 'pronoun', confidence: 0.85 } : undefined;
  }

  // ------------------------------------------------------------------ quotes

  private attributeQuote(start: number, end: number, sentence: Sentence): void {
    const closing = this.sentenceAt(end) ?? sentence;
    const region = { start: sentence.start, end: closing.end };
    const tokens = this.article.sentences
      .filter((s) => s.start >= region.start && s.end <= region.end)
      .flatMap((s) => s.tokens)
      .filter((t) => !this.inQuote(t.start));
    const mentions = this.mentions.filter((m) => m.start >= region.start && m.end <= region.end && !this.inQuote(m.start));
    let quote: Quote = { start, end, cue: 'quotation marks', confidence: 0.3 };
    const verbIndex = tokens.findIndex((t) => isSpeechVerb(t) || findStanceCues([t]).length > 0);
    if (verbIndex >= 0) {
      const verb = tokens[verbIndex]!;
      const speaker = this.speakerNear(tokens, verbIndex, mentions);
      if (speaker) quote = { start, end, speaker: speaker.entity, cue: `${speaker.how} + "${verb.text}"`, confidence: 0.9 * speaker.confidence };
    } else if (this.lastOfficial && tokens.length <= 2) {
      // A paragraph that is only a quote continues the last speaker's words.
      quote = { start, end, speaker: this.lastOfficial, cue: 'continues the last speaker', confidence: 0.7 };
    }
    if (quote.speaker?.type === 'Official') this.lastOfficial = quote.speaker;
    this.quotes.push(quote);
  }

  /** Who a reporting verb belongs to: a name just before or just after it, or a pronoun. */
  private speakerNear(tokens: Token[], verbIndex: number, mentions: NameMention[]): Actor | undefined {
    for (let k = verbIndex - 1; k >= Math.max(0, verbIndex - 5); k -= 1) {
      const t = tokens[k]!;
      if (BOUNDARY_PUNCT.test(t.text)) break;
      if (/^(he|she)$/i.test(t.text) && this.lastOfficial) return { entity: this.lastOfficial, how: 'pronoun', confidence: 0.85 };
      const named = mentions.find((m) => m.start <= t.start && m.end >= t.end && actorOf(m));
      if (named) return { entity: actorOf(named)!, how: 'name', confidence: 1 };
    }
    const after = tokens[verbIndex + 1];
    const named = after && mentions.find((m) => m.start <= after.start && m.end >= after.end && actorOf(m));
    if (named) return { entity: actorOf(named)!, how: 'name', confidence: 1 };
    return undefined;
  }

  // ------------------------------------------------------------------ actors

  private actorsOf(cue: StanceCue, sentence: Sentence, own: NameMention[], subject: Actor | undefined, previous: Actor[]): Actor[] {
    const tokens = sentence.tokens;
    // "Kyiv welcomed the truce but called for …": a verb joined by and/but shares the subject.
    let joined = tokens.findIndex((t) => t.start >= cue.start) - 1;
    while (joined >= 0 && ['ADV', 'AUX', 'PART'].includes(tokens[joined]!.pos)) joined -= 1;
    if (joined >= 0 && ['and', 'but'].includes(tokens[joined]!.text.toLowerCase())) {
      if (previous.length > 0) return previous.map((a) => ({ ...a, how: `${a.how}, shared subject` }));
      if (subject) return [{ ...subject, how: `${subject.how}, shared subject`, confidence: subject.confidence * 0.9 }];
    }
    if (cue.passive) {
      const by = tokens.findIndex((t, i) => i >= cue.objectFrom && t.text.toLowerCase() === 'by');
      const from = tokens[by + 1]?.start ?? sentence.end;
      const end = this.clauseEnd(tokens, by + 1, new Set(['that', 'which', 'who', 'because', 'while', 'after', 'before', 'when', 'as']));
      const holders = own.filter((m) => m.start >= from && m.end <= end && actorOf(m) && !/^['’]s\b/.test(this.text.slice(m.end, m.end + 3)));
      return uniqueActors(holders.map((m) => ({ entity: actorOf(m)!, how: 'passive "by"', confidence: 0.9 })));
    }
    if (cue.nominal) {
      const possessive = tokens[cue.head - 1];
      if (!possessive || !/^['’]s$/.test(possessive.text)) return [];
      const holder = own.find((m) => m.end === possessive.start && actorOf(m));
      return holder ? [{ entity: actorOf(holder)!, how: 'possessive', confidence: 0.85 }] : [];
    }
    // The subject: names (joined by "and") just before the cue, within its clause.
    const found: Actor[] = [];
    for (let k = cue.head - 1; k >= 0; k -= 1) {
      const t = tokens[k]!;
      if (t.start >= cue.start) continue;
      if (/^["“”]$/.test(t.text)) continue;
      if (BOUNDARY_PUNCT.test(t.text) && t.text !== ',') break;
      // ", however," and ", meanwhile," sit between a subject and its verb.
      if (t.text === ',' && tokens[k - 1]?.pos === 'ADV' && tokens[k - 2]?.text === ',') {
        k -= 2;
        continue;
      }
      if (t.text === ',' && found.length === 0) break;
      if (/^(country|government)$/i.test(t.text) && /^(his|her)$/i.test(tokens[k - 1]?.text ?? '') && subject?.entity.party) {
        const party = this.matcher.known.find((e) => e.id === subject.entity.party);
        if (party && found.length === 0) return [{ entity: party, how: `${tokens[k - 1]!.text} ${t.text}`, confidence: 0.8 }];
      }
      if (CLAUSE_WORDS.has(t.text.toLowerCase())) break;
      if (/^(he|she)$/i.test(t.text)) {
        if (this.lastOfficial && found.length === 0) found.push({ entity: this.lastOfficial, how: 'pronoun', confidence: 0.85 });
        break;
      }
      if (/^(it|they)$/i.test(t.text)) {
        if (this.lastParty && found.length === 0) found.push({ entity: this.lastParty, how: 'pronoun', confidence: 0.75 });
        break;
      }
      const named = own.find((m) => m.start <= t.start && m.end >= t.end);
      if (named) {
        const entity = actorOf(named);
        const next = tokens[k + 1];
        if (entity && !(next && /^['’]s$/.test(next.text) && next.start === named.end)) found.push({ entity, how: 'name', confidence: 1 });
        k = tokens.findIndex((x) => x.start >= named.start);
        if (tokens[k - 1]?.text.toLowerCase() !== 'and' && tokens[k - 1]?.text !== ',') break;
        continue;
      }
      if (found.length > 0 && !['and', ','].includes(t.text.toLowerCase())) break;
      if (t.pos === 'VERB' && found.length === 0 && k < cue.head - 1) break;
    }
    if (found.length > 0) return uniqueActors(found);
    const before = this.text.slice(sentence.start, cue.start);
    if (SIDES.test(before.split(/[,;]/).pop() ?? '')) return this.sides();
    // "…, he added, calling for …": a participle takes the clause's subject.
    if (/ing$/i.test(tokens[cue.head]!.text) && subject) return [{ ...subject, how: `${subject.how}, participle`, confidence: subject.confidence * 0.9 }];
    return [];
  }

  /** "The sides", "both parties": the two parties the article names most. */
  private sides(): Actor[] {
    const top = [...this.partyCounts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2);
    const parties = top.flatMap(([id]) => this.matcher.known.filter((k) => k.id === id).slice(0, 1));
    return parties.map((entity) => ({ entity, how: 'the sides', confidence: 0.8 }));
  }

  // ------------------------------------------------------------------ targets

  private targetOf(cue: StanceCue, sentence: Sentence): Target | undefined {
    const tokens = sentence.tokens;
    if (cue.passive) return this.passiveTarget(cue, sentence);
    let from = cue.objectFrom;
    // "accused Russia of targeting civilians": the stance is about the charge.
    if (cue.type === 'accused') {
      // An accusation is about the attack it names ("… in a rocket attack on Sumy"), else about its charge.
      const attack = ATTACK.exec(this.text.slice(tokens[from]?.start ?? sentence.end, sentence.end));
      if (attack) return this.targetNamed(trimPhrase(attack[1]!), (tokens[from]?.start ?? 0) + attack.index + attack[0].length - attack[1]!.length);
      const of = tokens.findIndex((t, i) => i >= from && t.text.toLowerCase() === 'of');
      if (of >= 0) from = of + 1;
    }
    while (from < tokens.length && LEADING_WORDS.has(tokens[from]!.text.toLowerCase())) from += 1;
    let start = tokens[from]?.start ?? sentence.end;
    const head = NOMINAL_HEAD.exec(this.text.slice(start, sentence.end));
    if (head) {
      start += head[0].length;
      from = tokens.findIndex((t) => t.start >= start);
      while (from >= 0 && from < tokens.length && LEADING_WORDS.has(tokens[from]!.text.toLowerCase())) from += 1;
      if (from < 0 || from >= tokens.length) return undefined;
      start = tokens[from]!.start;
    }
    const end = this.clauseEnd(tokens, from, OBJECT_END_WORDS);
    const phrase = this.text.slice(start, end).replace(/["“”]/g, '').trim();
    if (!phrase || !/\p{L}{2}/u.test(phrase)) return undefined;
    if (ANAPHORA.test(phrase)) return this.lastTarget ? { ...this.lastTarget, confidence: 0.8 } : undefined;
    const partys = PARTY_PROPOSAL.exec(phrase);
    if (partys) {
      const party = this.matcher.demonym(partys[1]!) ?? this.matcher.lookup(partys[1]!).find((e) => e.type === 'Party');
      const theirs = party ? [...this.history].reverse().filter((h) => (h.actor === party.id || this.partyOfId(h.actor) === party.id) && STANCE_TYPES[h.type].family === 'proposal') : [];
      const noun = partys[2]!.toLowerCase().replace(/s$/, '');
      const earlier = theirs.find((h) => h.type === NOUN_STANCE[noun]) ?? theirs[0];
      if (earlier) return { id: earlier.target, name: this.nameOf(earlier.target), confidence: 0.75 };
    }
    return this.targetNamed(phrase, start);
  }

  /** "…, which is backed by …": what is backed comes before the cue, or is what was just discussed. */
  private passiveTarget(cue: StanceCue, sentence: Sentence): Target | undefined {
    const before = this.text.slice(sentence.start, cue.start);
    const relative = /(?:^|[,;]\s*)(?:which|that|who)\b[^,;]*$/i.test(before);
    const subject = /^(?:.*[,;]\s*)?([^,;]+?)\s+(?:is|are|was|were|has been|have been|had been)(?:\s+\w+ly|\s+also|\s+not)?\s*$/i.exec(before);
    if (relative || !subject) return this.lastTarget ? { ...this.lastTarget, confidence: 0.8 } : undefined;
    const phrase = trimPhrase(subject[1]!);
    if (ANAPHORA.test(phrase)) return this.lastTarget ? { ...this.lastTarget, confidence: 0.8 } : undefined;
    return this.targetNamed(phrase, sentence.start + before.lastIndexOf(subject[1]!));
  }

  /** The position or event a phrase names: a name in it, a close known one, or a new position. */
  private targetNamed(phrase: string, at: number): Target {
    const named = this.mentions.find((m) => m.start >= at && m.end <= at + phrase.length && m.entities.some((e) => e.type === 'Position' || e.type === 'Event'));
    const entity = named?.entities.find((e) => e.type === 'Position' || e.type === 'Event');
    if (entity) return { id: entity.id, name: entity.name, confidence: 1 };
    const close = bestMatch(phrase, this.targets);
    if (close) return { id: close.candidate.id, name: close.candidate.names[0]!, confidence: 0.7 + 0.3 * close.score };
    const name = capitalise(trimPhrase(phrase));
    let id = slugId('position', name);
    if (this.graphIds.has(id)) id = `${id}-${this.request.publishedAt}`;
    this.proposed.set(id, { id, type: 'Position', name, aliases: [], description: `Named from the article's words: ${name}`, category: categoryOf(name) });
    this.targets.push({ id, type: 'Position', names: [name] });
    return { id, name, confidence: 0.75 };
  }

  private clauseEnd(tokens: Token[], from: number, stopWords: Set<string>): number {
    let end = tokens[from]?.start ?? tokens[tokens.length - 1]!.end;
    for (let k = from; k < tokens.length && k < from + 14; k += 1) {
      const t = tokens[k]!;
      const word = t.text.toLowerCase();
      if (k > from && (stopWords.has(word) || (BOUNDARY_PUNCT.test(t.text) && !/^["“”-]$/.test(t.text)))) break;
      if (k > from && word === 'and' && ['VERB', 'AUX'].includes(tokens[k + 1]?.pos ?? '')) break;
      // "demanded Ukraine pull its troops out": a named subject and its verb are the demand itself.
      const namedSubject = k <= from + 3 && tokens.slice(from, k).every((x) => x.pos === 'PROPN');
      // "help restore the plant": a verb right after the phrase's first word continues it.
      const chained = k === from + 1 && tokens[from]!.pos === 'VERB';
      if (k > from && t.pos === 'VERB' && !/(ing|ed)$/.test(word) && tokens[k - 1]?.pos !== 'PART' && !namedSubject && !chained) break;
      end = t.end;
    }
    return end;
  }

  // ------------------------------------------------------------------ dates

  private dateOf(cue: StanceCue, sentence: Sentence, sentenceDates: ResolvedDate[]): { date: string; precision: DatePrecision; cue: string } {
    const before = this.text.slice(sentence.start, cue.start);
    const relative = /\b(a|one|two|three|four|five|six|\d+) days? (after|before)\b[^,;]*$/i.exec(before);
    const anchor = sentenceDates.filter((d) => d.end <= sentence.start + (relative?.index ?? before.length)).pop();
    if (relative) {
      const count = wordNumber(relative[1]!);
      const base = anchor?.date ?? this.request.publishedAt;
      return { date: shiftDay(base, relative[2]!.toLowerCase() === 'after' ? -count : count), precision: 'day', cue: relative[0] };
    }
    const nearest = [...sentenceDates].sort((a, b) => distance(a, cue) - distance(b, cue))[0];
    if (nearest) return { date: nearest.date, precision: nearest.precision, cue: nearest.text };
    return { date: this.request.publishedAt, precision: 'day', cue: 'publication date' };
  }

  // ------------------------------------------------------------------ stances and evidence

  private addStance(actor: Actor, cue: StanceCue, target: Target, when: { date: string; precision: DatePrecision }, sentence: Sentence, index: number, type = cue.type, extraConfidence = 1): string {
    this.declare(actor.entity);
    // One actor's stances of one family on one target are one stance with several pieces of evidence.
    const family = STANCE_TYPES[type].family;
    const same = [...this.stances.values()].find((s) => s.actor === actor.entity.id && s.target === target.id && STANCE_TYPES[s.type].family === family);
    const id = same?.id ?? slugId('stance', `${actor.entity.id.split(':')[1]} ${type} ${target.id.split(':')[1]} ${when.date}`, 190);
    const evidence = this.evidenceFor(actor, cue, target, sentence, type);
    // How sure the actor took this stance; how well the target was named is the provenance's own confidence,
    // so that extracting again once the draft's positions are in the graph drafts the same stance.
    const confidence = round(cue.confidence * actor.confidence * extraConfidence);
    const existing = this.stances.get(id);
    if (existing) {
      if (!existing.evidence.some((e) => e.quote === evidence.item.quote && e.summary === evidence.item.summary)) existing.evidence.push(evidence.item);
      existing.confidence = Math.max(existing.confidence ?? 0, confidence);
    } else {
      this.stances.set(id, { id, actor: actor.entity.id, type, target: target.id, date: when.date, datePrecision: when.precision, confidence, evidence: [evidence.item] });
      this.stanceProvenance.set(id, {
        stance: id,
        type,
        start: cue.start,
        end: cue.end,
        cue: `${cue.cue} (${actor.how})`,
        confidence: round(confidence * target.confidence),
        sentence: { start: sentence.start, end: sentence.end },
        ...(evidence.quote ? { quote: evidence.quote } : {}),
      });
    }
    this.lastStance = { id, sentence: index };
    this.history.push({ actor: actor.entity.id, type, target: target.id, sentence: index });
    return id;
  }

  private evidenceFor(actor: Actor, cue: StanceCue, target: Target, sentence: Sentence, type: StanceType): { item: PayloadStance['evidence'][number]; quote?: { start: number; end: number } } {
    const own = this.quotes.find((q) => ((q.start >= sentence.start && q.end <= sentence.end) || (cue.start >= q.start && cue.start < q.end)) && q.speaker?.id === actor.entity.id);
    const via = this.viaOf(sentence, actor, cue);
    // Our own wording only: the UI adds the "Summary:" label, and the cue stays in the draft's `cue` field.
    const summary = `${actor.entity.name} ${STANCE_TYPES[type].verb} ${lowerFirst(target.name)}.`;
    if (own && !via) {
      return { item: { quote: this.text.slice(own.start, own.end), summary, reporting: 'first-hand' }, quote: { start: own.start, end: own.end } };
    }
    return { item: { summary, reporting: 'second-hand', via: via ?? OWN_REPORTING } };
  }

  /** Through whom the article learned it: "according to …", or someone else's reporting verb. */
  private viaOf(sentence: Sentence, actor: Actor, cue: StanceCue): string | undefined {
    const according = /\baccording to ([^,;.]+(?:[^,;]*?))(?:[,;]|\.?$)/i.exec(sentence.text);
    if (according) return according[1]!.trim();
    const tokens = sentence.tokens;
    for (let i = 0; i < tokens.length; i += 1) {
      const t = tokens[i]!;
      if (!isSpeechVerb(t) || this.inQuote(t.start)) continue;
      // A reporting verb before the cue reports it only when no clause boundary comes between.
      if (t.end <= cue.start && /[,;]/.test(this.text.slice(t.end, cue.start))) continue;
      let k = i - 1;
      while (k >= 0 && ['AUX', 'ADV', 'PART'].includes(tokens[k]!.pos)) k -= 1;
      let first = k;
      while (first >= 0 && !BOUNDARY_PUNCT.test(tokens[first]!.text) && !CLAUSE_WORDS.has(tokens[first]!.text.toLowerCase()) && tokens[first]!.pos !== 'VERB') first -= 1;
      if (first >= k) continue;
      const speaker = this.text.slice(tokens[first + 1]!.start, tokens[k]!.end);
      const names = this.matcher.find(speaker).flatMap((m) => m.entities.map((e) => e.id));
      if (/^(he|she|it|they)$/i.test(speaker) || names.includes(actor.entity.id)) continue;
      if (names.length > 0 || /\b(office|spokes\w*|minister|negotiator|official|media|army|ministry|agency|document|statement)\b/i.test(speaker)) return speaker;
    }
    return undefined;
  }

  // ------------------------------------------------------------------ conditions and alternatives

  /** Conditions read between this cue and the next one (`until`), so each condition belongs to one stance. */
  private readConditions(cue: StanceCue, until: number, sentence: Sentence, index: number, actor: Actor, target: Target, when: { date: string; precision: DatePrecision }, stance: string): void {
    const rest = this.text.slice(cue.end, until);
    const at = (m: RegExpExecArray) => cue.end + m.index;
    const precondition = /\bas (?:a |the )?(?:pre)?condition (?:to|for) ([^,;.]+)/i.exec(rest);
    if (precondition) {
      // "A demanded B as a precondition to C": A will only do C once B is done.
      const other = this.targetNamed(trimPhrase(precondition[1]!), at(precondition) + precondition[0].length - precondition[1]!.length);
      const offer = this.addStance(actor, cue, other, when, sentence, index, 'offered', 0.85);
      const stanceRow = this.stances.get(offer)!;
      stanceRow.condition = `only if ${lowerFirst(target.name)}`;
      stanceRow.conditionPosition = target.id;
      this.addRelation('HAS_PRECONDITION', other.id, target.id, stance, at(precondition), precondition[0], 0.75);
      this.lastStance = { id: stance, sentence: index };
    }
    const exchange = /\bin exchange for ([^,;.]+)/i.exec(rest);
    if (exchange) {
      const other = this.targetNamed(trimPhrase(exchange[1]!), at(exchange) + exchange[0].length - exchange[1]!.length);
      this.addRelation('HAS_PRECONDITION', target.id, other.id, stance, at(exchange), exchange[0], 0.7);
    }
    const instead = /\binstead(?: of ([^,;.]+))?/i.exec(this.text.slice(sentence.start, sentence.end));
    if (instead) {
      const other = instead[1] ? this.targetNamed(trimPhrase(instead[1]), sentence.start + instead.index + instead[0].length - instead[1].length) : this.previousTarget(target, actor, index);
      if (other && other.id !== target.id) this.addRelation('ALTERNATIVE_TO', target.id, other.id, stance, sentence.start + instead.index, instead[0], 0.7);
    }
    this.readConditionClause(rest, cue.end, stance, target);
  }

  /** A sentence with no stance of its own may set the condition of the one just before ("adding that … could only happen after …"). */
  private readTrailingCondition(sentence: Sentence, index: number): void {
    const stance = this.stances.get(this.lastStance!.id)!;
    const target: Target = { id: stance.target, name: stance.target, confidence: 1 };
    if (this.readConditionClause(sentence.text, sentence.start, stance.id, target)) this.lastStance = { id: stance.id, sentence: index };
  }

  private readConditionClause(text: string, offset: number, stanceId: string, target: Target): boolean {
    const condition = /\b(only (?:happen |take place |be held |come )?(?:after|if|once|when)|in the event (?:of|that)|on condition that|provided that) ([^,;.]+)/i.exec(text);
    if (!condition) return false;
    const stance = this.stances.get(stanceId)!;
    const phrase = trimPhrase(condition[2]!.replace(/["“”]/g, ''));
    const other = this.targetNamed(phrase, offset + condition.index + condition[0].length - condition[2]!.length);
    if (other.id === target.id) return false;
    stance.condition = `${condition[1]!.replace(/^only (?:happen|take place|be held|come) /i, 'only ')} ${phrase}`;
    stance.conditionPosition = other.id;
    this.addRelation('CONDITIONAL_ON', target.id, other.id, stanceId, offset + condition.index, condition[0], 0.65);
    return true;
  }

  /** What "instead" sets a position against: the last target another actor took a stance on. */
  private previousTarget(current: Target, actor: Actor, sentence: number): Target | undefined {
    const previous = [...this.history].reverse().find((s) => s.sentence < sentence && s.target !== current.id && s.actor !== actor.entity.id);
    return previous ? { id: previous.target, name: previous.target, confidence: 1 } : undefined;
  }

  private addRelation(type: PositionRelation, from: string, to: string, stance: string, start: number, cue: string, confidence: number): void {
    if (!from.startsWith('position:') || !to.startsWith('position:') || from === to) return;
    if (this.relations.some((r) => r.type === type && r.from === from && r.to === to)) return;
    this.relationProvenance.push({ index: this.relations.length, start, end: start + cue.length, cue, confidence });
    this.relations.push({ type, from, to, stance });
  }

  // ------------------------------------------------------------------ entities

  /** Declares an actor new to the graph, and the party it needs. */
  private declare(entity: KnownName): void {
    if (this.graphIds.has(entity.id) || this.proposed.has(entity.id)) return;
    if (entity.type === 'Official' && entity.party) {
      const party = this.matcher.known.find((k) => k.id === entity.party);
      if (party) this.declare(party);
      const { role, title } = entity as KnownName & { role?: string; title?: string };
      this.proposed.set(entity.id, { id: entity.id, type: 'Official', name: entity.name, aliases: entity.aliases, role: role ?? 'named in the article', ...(title ? { title } : {}), party: entity.party });
    } else if (entity.type === 'Party') {
      const kind = (entity as KnownName & { kind?: PartyKind }).kind ?? 'state';
      this.proposed.set(entity.id, { id: entity.id, type: 'Party', name: entity.name, aliases: entity.aliases, kind });
    }
  }

  private declaredEntities(): PayloadEntity[] {
    const used = new Set<string>();
    for (const s of this.stances.values()) [s.actor, s.target, s.conditionPosition].forEach((id) => id && used.add(id));
    for (const r of this.relations) [r.from, r.to].forEach((id) => used.add(id));
    for (const id of [...used]) {
      const entity = this.proposed.get(id);
      if (entity && 'party' in entity && typeof entity.party === 'string') used.add(entity.party);
    }
    return [...this.proposed.values()].filter((e) => used.has(e.id));
  }

  private mentionProvenance(): MentionProvenance[] {
    return this.mentions.map((m) => {
      const entity = actorOf(m) ?? m.entities[0]!;
      const proposed = !this.graphIds.has(entity.id);
      return { start: m.start, end: m.end, text: m.text, entity: entity.id, type: entity.type, proposed, cue: fold(m.text) === fold(entity.name) ? 'name' : 'alias', confidence: proposed ? 0.7 : 1 };
    });
  }

  private quoteProvenance(q: Quote): QuoteProvenance {
    return {
      start: q.start,
      end: q.end,
      text: this.text.slice(q.start, q.end),
      speaker: q.speaker?.id ?? null,
      reporting: 'first-hand',
      cue: q.cue,
      confidence: round(q.confidence),
    };
  }

  // ------------------------------------------------------------------ helpers

  private partyOfId(id: string): string | undefined {
    return this.matcher.known.find((e) => e.id === id)?.party;
  }

  private nameOf(id: string): string {
    return this.targets.find((t) => t.id === id)?.names[0] ?? id;
  }

  private inQuote(offset: number): boolean {
    return this.quoteSpans.some(([s, e]) => offset >= s && offset < e);
  }

  /** A quote of several words around the cue: its words are the speaker's; a one-word quote ("open") is the reporter's framing. */
  private longQuoteAround(cue: StanceCue): Quote | undefined {
    return this.quotes.find((q) => cue.start >= q.start && cue.start < q.end && this.text.slice(q.start, q.end).trim().split(/\s+/).length > 2);
  }

  /** Inside a quote, "we" and "I" are the speaker (or the speaker's party); other subjects are not read. */
  private speakerInQuote(cue: StanceCue, sentence: Sentence, quote: Quote): Actor[] {
    if (!quote.speaker) return [];
    let k = sentence.tokens.findIndex((t) => t.start >= cue.start) - 1;
    while (k >= 0 && ['ADV', 'AUX', 'PART'].includes(sentence.tokens[k]!.pos)) k -= 1;
    const subject = sentence.tokens[k]?.text.toLowerCase();
    // "the parties decided to …" in someone's quote: the sides, as the speaker reports them.
    if (SIDES.test(this.text.slice(sentence.tokens[Math.max(0, k - 2)]?.start ?? cue.start, cue.start))) return this.sides();
    if (subject !== 'we' && subject !== 'i') return [];
    return [{ entity: quote.speaker, how: `"${sentence.tokens[k]!.text}" in the speaker's quote`, confidence: 0.8 }];
  }

  /** "urged Moscow to accept …": an infinitive right after another cue is that cue's object, not a stance. */
  private isComplement(cue: StanceCue, before: StanceCue | undefined, sentence: Sentence): boolean {
    if (!before) return false;
    const between = this.text.slice(before.end, cue.start);
    return /\bto\s*$/.test(between) && !/[,;.]/.test(between) && between.split(/\s+/).length <= 6 && sentence.start <= before.start;
  }

  private sentenceAt(offset: number): Sentence | undefined {
    return this.article.sentences.find((s) => offset >= s.start && offset <= s.end);
  }
}

/** Nouns for a party's people or bodies: "Ukraine's delegation", "the Russian side". */
const GROUP_NOUNS = '(?:delegation|side|government|negotiators|negotiating team|team|foreign ministry|ministry|officials|leadership|army|military|forces|troops|navy)';

/**
 * Adds "Ukraine's delegation" and "the Russian side" as mentions of the party: the possessive
 * name or demonym plus a group noun stands for the party in reporting.
 */
function withGroupMentions(text: string, matcher: NameMatcher, mentions: NameMention[]): NameMention[] {
  const added: NameMention[] = [];
  for (const m of text.matchAll(new RegExp(`\\b(?:[Tt]he )?([\\p{Lu}][\\p{L}.]*(?:\\s[\\p{Lu}][\\p{L}.]*)?)(['’]s)? ${GROUP_NOUNS}\\b`, 'gu'))) {
    const word = m[1]!;
    const party = m[2] ? matcher.lookup(word).find((e) => e.type === 'Party') : matcher.demonym(word);
    if (!party) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (mentions.some((x) => x.start < end && x.end > start && !(x.start >= start && x.end <= end))) continue;
    added.push({ start, end, text: m[0], entities: [party] });
  }
  const inside = (x: NameMention) => added.some((a) => x.start >= a.start && x.end <= a.end);
  return [...mentions.filter((x) => !inside(x)), ...added].sort((a, b) => a.start - b.start);
}

/** A graph party that is a known state gets the state's demonyms ("Ukrainian" → Ukraine). */
function withDemonyms(entity: KnownName, graphMatcher: NameMatcher): KnownName {
  if (entity.type !== 'Party') return entity;
  const state = STATES.find((s) => s.id === entity.id || graphMatcher.lookup(s.name).some((k) => k.id === entity.id));
  return state ? { ...entity, demonyms: state.demonyms } : entity;
}

/** The actor a mention names: an official, party or delegation; a place stands for its state. */
function actorOf(mention: NameMention): KnownName | undefined {
  return mention.entities.find((e) => ACTOR_TYPES.has(e.type));
}

function uniqueActors(actors: Actor[]): Actor[] {
  return actors.filter((a, i) => actors.findIndex((b) => b.entity.id === a.entity.id) === i);
}

/**
 * People the graph does not know, from compromise's person names, each with the party and role
 * the article gives them: a title before a name ("Turkish Foreign Minister") or a possessive
 * ("Ukraine's Volodymyr Zelensky"). A person without a party is not proposed: an official must
 * speak for someone.
 */
function proposePeople(text: string, matcher: NameMatcher): Array<KnownName & { role?: string; title?: string }> {
  const byLastName = new Map<string, { names: Set<string>; party?: KnownName; role?: string; title?: string }>();
  // Capitalised names after a title ("Foreign Minister Hakan Fidan") or, when compromise knows
  // them as people, after a party's possessive ("Ukraine's Volodymyr Zelensky").
  const found: Array<{ text: string; offset: { start: number; length: number } }> = [];
  const isPerson = new Map<string, boolean>();
  // A run of capitalised words may start with a title ("Deputy Foreign Minister Grigory Lavrin"):
  // the name is what follows the title words, two or three words long.
  for (const run of text.matchAll(/(?<![\p{L}'’])\p{Lu}[\p{Ll}.-]*(?:\s\p{Lu}[\p{Ll}-]+)+(?![\p{L}'’])/gu)) {
    const words = run[0].split(/\s/);
    let first = 0;
    const leading = (word: string) => isTitleWord(word) || /^\p{Lu}\.$/u.test(word) || matcher.demonym(word) !== undefined || matcher.lookup(word).length > 0;
    while (first < words.length - 2 && leading(words[first]!)) first += 1;
    const rest = words.slice(first);
    if (rest.length < 2 || rest.length > 3 || rest.some(isTitleWord)) continue;
    const name = rest.join(' ');
    const start = run.index + run[0].length - name.length;
    const title = matcher.titleBefore(text, start);
    const titled = title && /\b(minister|president|spokes\w+|envoy|negotiator|adviser|advisor|aide|ambassador|secretary|chancellor|commander|chief|premier|leader|commissioner|ombudsman)\b/i.test(title.title);
    if (!titled && !isPerson.has(name)) isPerson.set(name, nlp(name).has('#Person'));
    if (titled || isPerson.get(name)) found.push({ text: name, offset: { start, length: name.length } });
  }
  for (const person of found) {
    const raw = text.slice(person.offset.start, person.offset.start + person.offset.length);
    const words = raw.replace(/['’]s\b/g, '').replace(/[^\p{L}\s.-]/gu, ' ').trim().split(/\s+/);
    while (words.length > 1 && /^(president|minister|prime|foreign|defen[cs]e|spokesman|spokeswoman|envoy|secretary|chancellor|general|mr|mrs|ms|dr)\.?$/i.test(words[0]!)) words.shift();
    const name = words.join(' ').replace(/\.$/, '');
    if (!/^\p{Lu}/u.test(name) || matcher.lookup(name).length > 0 || matcher.find(name).some((m) => m.text === name)) continue;
    const last = fold(words[words.length - 1]!);
    const entry = byLastName.get(last) ?? { names: new Set<string>() };
    entry.names.add(name);
    byLastName.set(last, entry);
  }
  const people: Array<KnownName & { role?: string; title?: string }> = [];
  for (const [, entry] of byLastName) {
    const full = [...entry.names].sort((a, b) => b.length - a.length)[0]!;
    const surname = full.split(' ').pop()!;
    for (const occurrence of text.matchAll(new RegExp(`\\b${escape(full)}\\b|\\b${escape(surname)}\\b`, 'g'))) {
      const title = matcher.titleBefore(text, occurrence.index);
      const possessive = /(\S+)['’]s\s+$/.exec(text.slice(Math.max(0, occurrence.index - 40), occurrence.index));
      const owner = possessive ? matcher.lookup(possessive[1]!).find((k) => k.type === 'Party') : undefined;
      entry.party ??= title?.party ?? owner;
      if (title && !entry.role) {
        entry.role = title.title;
        entry.title = title.role;
      }
    }
    if (!entry.party) continue;
    people.push({
      id: slugId('official', full),
      type: 'Official',
      name: full,
      aliases: full.includes(' ') ? [surname] : [],
      party: entry.party.id,
      ...(entry.role ? { role: entry.role, title: entry.title } : {}),
    });
  }
  return people;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase without leading articles and possessives, trailing punctuation or quotes, at most twelve words. */
function trimPhrase(phrase: string): string {
  const words = phrase.replace(/["“”]/g, '').trim().split(/\s+/);
  while (words.length > 1 && LEADING_WORDS.has(words[0]!.toLowerCase())) words.shift();
  return words.slice(0, 12).join(' ').replace(/[,.;:!?]+$/, '');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) && !/^\p{Lu}\p{Ll}+ \p{Lu}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function wordNumber(word: string): number {
  const words: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
  return words[word.toLowerCase()] ?? Number(word);
}

function distance(date: { start: number; end: number }, cue: { start: number; end: number }): number {
  return date.end <= cue.start ? cue.start - date.end : Math.max(0, date.start - cue.end);
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}
