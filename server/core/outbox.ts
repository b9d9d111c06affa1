/**
 * Change events, written to the outbox in the transaction of the change itself: what an
 * ingestion, a deletion or a grade change means to a watch. An ingestion gives a new stance for
 * each stance the graph did not hold, a reversal where one turns round the actor's stance of an
 * earlier moment, a new conflict where another source gives the actor the opposite stance at the
 * same moment, and a new source when the source first arrives. A restore writes none (the audit
 * trail records it). Each event names its subjects (actor, its party, target, event, official,
 * the stance's negotiations),
 * which is what a watch matches on.
 */
import crypto from 'node:crypto';
import type { Transaction, WriteHook } from '../db/database.ts';
import { type ChangeEventRow, type StanceFactRow, appendChangeEvents, readBeforeChange, readSourceSubjects, readStanceFacts } from './outboxData.ts';
import { familiesDisagree, reversalsIn, sameMoment } from './reports.ts';
import { STANCE_TYPES, type StanceType } from '../contract/model.ts';

const verb = (type: StanceType) => STANCE_TYPES[type]?.verb ?? type;

/** A write path's hook into its own transaction: read what it needs before writing, append events after. */
export type ChangeHook = WriteHook;

export type ChangeKindName = 'new-stance' | 'new-conflict' | 'reversal' | 'new-source' | 'source-deleted' | 'grade-changed';

export interface ChangeLink {
  kind: 'trace' | 'conflict' | 'source' | 'node';
  id: string;
  href: string;
}

interface Draft {
  kind: ChangeKindName;
  title: string;
  sourceId: string | null;
  subjects: string[];
  links: ChangeLink[];
}

/** Changes that write nothing to the outbox (a restore). */
export const NO_CHANGES: ChangeHook = { before: async () => undefined, after: async () => undefined };

const sourceLink = (id: string): ChangeLink => ({ kind: 'source', id, href: `/api/sources/${encodeURIComponent(id)}` });

/** What a stance opens: the trace of its position, else its target node. */
function targetLink(stance: Pick<StanceFactRow, 'targetId' | 'targetType'>): ChangeLink {
  return stance.targetType === 'Position'
    ? { kind: 'trace', id: stance.targetId, href: `/api/positions/${encodeURIComponent(stance.targetId)}/trace` }
    : { kind: 'node', id: stance.targetId, href: `/api/nodes/${encodeURIComponent(stance.targetId)}` };
}

function subjectsOf(stance: StanceFactRow): string[] {
  return [...new Set([stance.actorId, stance.party, stance.targetId, ...stance.related, ...stance.negotiations].filter((id): id is string => id !== null))];
}

function toRow(draft: Draft, at: string): ChangeEventRow {
  return { id: `change:${crypto.randomUUID()}`, at, ...draft, links: JSON.stringify(draft.links) };
}

/** Appends one change's events, stamped with one commit time, as one change set. */
async function append(tx: Transaction, sourceId: string, drafts: Draft[]): Promise<void> {
  const at = new Date().toISOString();
  await appendChangeEvents(tx, { id: `changeset:${crypto.randomUUID()}`, at, sourceId }, drafts.map((d) => toRow(d, at)));
}

/** The events that the new stances of one ingestion make: new stance, reversal, new conflict. */
export function stanceEvents(sourceId: string, facts: StanceFactRow[]): Draft[] {
  const drafts: Draft[] = [];
  const seenConflicts = new Set<string>();
  for (const stance of facts) {
    const subjects = subjectsOf(stance);
    const words = `${stance.actorLabel} ${verb(stance.type)} ${stance.targetLabel}`;
    drafts.push({ kind: 'new-stance', title: words, sourceId, subjects, links: [targetLink(stance), sourceLink(sourceId)] });
    const others = stance.pair.filter((o) => o.id !== stance.id);
    const mine = { ...stance, sources: stance.sources };
    for (const { from, to } of reversalsIn([...others, mine])) {
      if (from.id !== stance.id && to.id !== stance.id) continue;
      drafts.push({
        kind: 'reversal',
        title: `${stance.actorLabel} reversed on ${stance.targetLabel}: ${verb(from.type)} (${from.date}) → ${verb(to.type)} (${to.date})`,
        sourceId,
        subjects,
        links: [targetLink(stance), sourceLink(sourceId)],
      });
    }
    for (const other of others) {
      const fromOtherSources = other.sources.some((s) => !stance.sources.includes(s));
      if (!fromOtherSources || !familiesDisagree(other.family, stance.family) || !sameMoment(other, stance)) continue;
      const [a, b] = [other.id, stance.id].sort();
      const id = `${a}|${b}`;
      if (seenConflicts.has(id)) continue;
      seenConflicts.add(id);
      drafts.push({
        kind: 'new-conflict',
        title: `New conflict between reports on ${stance.targetLabel}: ${stance.actorLabel} ${verb(other.type)} or ${verb(stance.type)}`,
        sourceId,
        subjects,
        links: [{ kind: 'conflict', id, href: '/api/conflicts' }, targetLink(stance), sourceLink(sourceId)],
      });
    }
  }
  return drafts;
}

/** The hook of an ingestion of `sourceId` whose payload names `stanceIds` (after placing them). */
export function ingestionChanges(sourceId: string, stanceIds: string[]): ChangeHook {
  let before = { sourceExisted: true, existingStances: [] as string[] };
  return {
    async before(tx) {
      before = await readBeforeChange(tx, sourceId, stanceIds);
    },
    async after(tx) {
      const existing = new Set(before.existingStances);
      const facts = await readStanceFacts(tx, stanceIds.filter((id) => !existing.has(id)));
      const drafts = stanceEvents(sourceId, facts);
      if (!before.sourceExisted) {
        const about = await readSourceSubjects(tx, sourceId);
        if (about) drafts.push({ kind: 'new-source', title: `New source: ${about.title}`, sourceId, subjects: about.subjects, links: [sourceLink(sourceId)] });
      }
      await append(tx, sourceId, drafts);
    },
  };
}

/** The hook of a deletion: what the source concerned is read before it goes. */
export function deletionChanges(sourceId: string): ChangeHook {
  let about: { title: string; subjects: string[] } | undefined;
  return {
    async before(tx) {
      about = await readSourceSubjects(tx, sourceId);
    },
    async after(tx) {
      if (!about) return;
      const draft: Draft = { kind: 'source-deleted', title: `Source deleted: ${about.title}`, sourceId, subjects: about.subjects, links: [sourceLink(sourceId)] };
      await append(tx, sourceId, [draft]);
    },
  };
}

/** The hook of a grade change. */
export function gradeChanges(sourceId: string, grade: string | null): ChangeHook {
  return {
    before: async () => undefined,
    async after(tx) {
      const about = await readSourceSubjects(tx, sourceId);
      if (!about) return;
      const draft: Draft = {
        kind: 'grade-changed',
        title: `${about.title} graded ${grade ?? 'ungraded'}`,
        sourceId,
        subjects: about.subjects,
        links: [sourceLink(sourceId)],
      };
      await append(tx, sourceId, [draft]);
    },
  };
}
