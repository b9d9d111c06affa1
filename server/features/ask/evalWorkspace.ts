/**
 * The workspace ask's question set is asked of: the seed plus the reports of
 * tests/fixtures/ask/sources.json, each brought in as the workbench brings a report in. For a
 * report with extraction gold, the analyst's reviewed draft is that gold (the stances an analyst
 * marks in it, each with its verbatim quote); a report without gold goes in as the extractor
 * drafted it. Pure: the eval command reads the files and sends the payloads.
 */
import type { SourcePayloadInput } from '../../contract/sourcePayload.ts';
import { categoryOf, slugId } from '../extract/targets.ts';

type EntityDraft = NonNullable<SourcePayloadInput['entities']>[number];
type StanceDraft = NonNullable<SourcePayloadInput['stances']>[number];

/** One report of the set, as sources.json lists it. */
export interface EvalReport {
  id: string;
  negotiation: string;
  url: string;
  outlet: string;
  originalPublisher: string;
  publishedAt: string;
  title: string;
  language: string;
  text: { file: string; sha256: string; chars: number };
  gold: string | null;
}

/** The gold fields the reviewed draft is built from (tests/gold/extraction/*.json). */
export interface ReviewedGold {
  actors: Array<{ id: string; type: string; name: string; party?: string; role?: string; kind?: string; aliases?: string[] }>;
  stances: Array<{
    actor: string;
    type: string;
    target: { id: string; name: string; words: string[] };
    date: string;
    quote: string | null;
    firstHand: boolean;
    via: string | null;
    condition: string | null;
  }>;
}

/** Words that mark a party as an organisation rather than a state (the analyst's pick in the form). */
const ORGANISATION = /\b(hezbollah|hamas|group|movement|army|forces|council|committee|union|agency|organi[sz]ation|party|front|ministry|office|nations|iaea)\b/i;

/** The source fields every report carries, whichever way its claims were drafted. */
export function sourceOf(report: EvalReport, text: string): SourcePayloadInput['source'] {
  return {
    id: slugId('source', report.id, 120),
    title: report.title,
    kind: 'news-article',
    publishedAt: report.publishedAt,
    publisher: report.originalPublisher,
    url: report.url,
    language: report.language,
    text,
  };
}

/**
 * The reviewed draft of a report with gold: its actors and targets declared unless the graph
 * already holds them (`known`), one stance per gold stance with its quote as first- or
 * second-hand evidence, dated as the gold dates it.
 */
export function reviewedPayload(report: EvalReport, gold: ReviewedGold, text: string, known: ReadonlySet<string>): SourcePayloadInput {
  const entities: EntityDraft[] = [];
  const declared = new Set<string>();
  const declare = (entity: EntityDraft) => {
    if (known.has(entity.id) || declared.has(entity.id)) return;
    declared.add(entity.id);
    entities.push(entity);
  };
  for (const actor of gold.actors) {
    const aliases = (actor.aliases ?? []).filter((a) => a !== actor.name);
    if (actor.type === 'Party') {
      const kind = actor.kind === 'government-body' ? 'government-body' : ORGANISATION.test(actor.name) ? 'organisation' : 'state';
      declare({ id: actor.id, type: 'Party', name: actor.name, aliases, kind });
    } else if (actor.type === 'Official') {
      if (!actor.party) throw new Error(`${report.id}: official ${actor.id} has no party in its gold`);
      declare({ id: actor.id, type: 'Official', name: actor.name, aliases, role: actor.role ?? 'official', party: actor.party });
    }
  }
  const stances = gold.stances.map((stance, i): StanceDraft => {
    const { target } = stance;
    if (target.id.startsWith('event:')) {
      declare({ id: target.id, type: 'Event', name: target.name, aliases: target.words, kind: 'talks', date: stance.date, datePrecision: 'day' });
    } else {
      declare({ id: target.id, type: 'Position', name: target.name, aliases: target.words, description: target.name, category: categoryOf(`${target.name} ${target.words.join(' ')}`) });
    }
    const evidence: StanceDraft['evidence'][number] = {
      ...(stance.quote ? { quote: stance.quote } : { summary: `${report.outlet} reports this stance without a quote` }),
      reporting: stance.firstHand ? 'first-hand' : 'second-hand',
      ...(stance.via ? { via: stance.via } : {}),
    };
    return {
      id: slugId('stance', `${report.id} ${i + 1}`, 150),
      actor: stance.actor,
      type: stance.type as StanceDraft['type'],
      target: target.id,
      date: stance.date,
      datePrecision: 'day',
      ...(stance.condition ? { condition: stance.condition } : {}),
      evidence: [evidence],
    };
  });
  return { source: sourceOf(report, text), entities, stances };
}
