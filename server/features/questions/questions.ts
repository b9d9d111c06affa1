/**
 * Named analyst questions: one `.cypher` file each under cypher/questions/, whose header
 * declares id, title, description and typed parameters:
 *
 *   // @id common-ground
 *   // @title Common ground between parties
 *   // @description …
 *   // @param parties: ids(Party) — two or more parties
 *   // @param asOf?: date — only stances dated on or before this day
 *
 * The catalogue is built from the files; parameters are validated with a zod schema built from
 * the declared types; id parameters must name existing nodes of the declared types.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CYPHER_DIR, cypher } from '../../db/cypherFiles.ts';
import type { Database, Row } from '../../db/database.ts';
import { readNodesById } from '../../core/nodesData.ts';
import { runReadQuery } from './data.ts';
import { negotiationScope } from '../../core/negotiations.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { STANCE_FAMILIES, STANCE_TYPE_NAMES } from '../../contract/model.ts';
import type { AskEvidence, Question, QuestionParam } from '../../contract/questions.ts';
import { entityId, isoDate } from '../../contract/common.ts';
import { zodIssues } from '../../core/validation.ts';


const QUESTIONS_DIR = path.join(CYPHER_DIR, 'questions');
const PARAM_LINE = /^\/\/\s*@param\s+([A-Za-z][A-Za-z0-9]*)(\?)?\s*:\s*([A-Za-z]+(?:\([A-Za-z|]+\))?)\s*(?:—|-)?\s*(.*)$/;
const TYPE = /^(id|ids|date|int|string|stanceType|stanceTypes|stanceFamily)(?:\(([A-Za-z|]+)\))?$/;

function parseQuestionFile(text: string, file: string): Question {
  const header: Record<string, string> = {};
  const params: QuestionParam[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('//')) break;
    const param = PARAM_LINE.exec(line.trim());
    if (param) {
      const [, name, optional, type, description] = param;
      if (!TYPE.test(type!)) throw new Error(`${file}: unknown parameter type ${type}`);
      params.push({ name: name!, type: type!, required: optional !== '?', description: description!.trim() });
      continue;
    }
    const tag = /^\/\/\s*@(id|title|description)\s+(.*)$/.exec(line.trim());
    if (tag) header[tag[1]!] = tag[2]!.trim();
  }
  for (const key of ['id', 'title', 'description']) if (!header[key]) throw new Error(`${file}: missing @${key} in the header`);
  return { id: header.id!, title: header.title!, description: header.description!, params, cypher: text };
}

let catalogue: Map<string, Question> | undefined;

export function questionCatalogue(): Question[] {
  if (!catalogue) {
    catalogue = new Map();
    for (const file of fs.readdirSync(QUESTIONS_DIR).filter((f) => f.endsWith('.cypher')).sort()) {
      const question = parseQuestionFile(cypher(`questions/${file.replace(/\.cypher$/, '')}`), file);
      if (catalogue.has(question.id)) throw new Error(`Duplicate question id ${question.id}`);
      catalogue.set(question.id, question);
    }
  }
  return [...catalogue.values()];
}

export function findQuestion(id: string): Question {
  questionCatalogue();
  const question = catalogue!.get(id);
  if (!question) throw new NotFoundError(`No named question ${id}`, { available: [...catalogue!.keys()] });
  return question;
}

function zodFor(type: string): z.ZodType {
  const [, base] = TYPE.exec(type)!;
  const list = (item: z.ZodType) =>
    z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(item).min(1).max(50));
  switch (base) {
    case 'id':
      return entityId;
    case 'ids':
      return list(entityId);
    case 'date':
      return isoDate;
    case 'int':
      return z.coerce.number().int().min(1).max(1000);
    case 'stanceType':
      return z.enum(STANCE_TYPE_NAMES);
    case 'stanceTypes':
      return list(z.enum(STANCE_TYPE_NAMES));
    case 'stanceFamily':
      return z.enum(STANCE_FAMILIES);
    default:
      return z.string().min(1).max(200);
  }
}

/** The zod schema of a question's parameters, built from its header. Unknown keys are refused. */
function paramSchema(question: Question): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const p of question.params) shape[p.name] = p.required ? zodFor(p.type) : zodFor(p.type).optional();
  return z.strictObject(shape);
}

interface QuestionResult {
  columns: string[];
  rows: Row[];
  evidence: AskEvidence[];
}

/**
 * Runs a named question; `scope` (a negotiation id) keeps only that negotiation's stances, events
 * and documents (`$negotiation`, which every question takes: null answers over all of them).
 */
export async function runQuestion(db: Database, id: string, rawParams: unknown, maxRows: number, scope?: string): Promise<QuestionResult> {
  const question = findQuestion(id);
  const negotiation = await negotiationScope(db, scope);
  const parsed = paramSchema(question).safeParse(rawParams ?? {});
  if (!parsed.success) {
    const details = zodIssues(parsed.error).map((d) => ({ ...d, path: d.path ? `params.${d.path}` : 'params' }));
    throw new ValidationError(`Invalid parameter ${details[0]?.path}: ${details[0]?.message}`, details);
  }
  const params = parsed.data as Record<string, unknown>;
  await assertIdParams(db, question, params);
  const all = { ...Object.fromEntries(question.params.map((p) => [p.name, params[p.name] ?? null])), negotiation };
  const result = await runReadQuery(db, question.cypher, all, maxRows);
  return { columns: result.columns, rows: result.rows, evidence: collectEvidence(result.rows) };
}

/** Id parameters must name existing nodes of the declared types: unknown → 404, wrong type → 400. */
async function assertIdParams(db: Database, question: Question, params: Record<string, unknown>): Promise<void> {
  const checks: { name: string; id: string; types: string[] | null }[] = [];
  for (const p of question.params) {
    const [, base, types] = TYPE.exec(p.type)!;
    if (base !== 'id' && base !== 'ids') continue;
    const value = params[p.name];
    const ids = value === undefined ? [] : Array.isArray(value) ? (value as string[]) : [value as string];
    for (const id of ids) checks.push({ name: p.name, id, types: types ? types.split('|') : null });
  }
  if (checks.length === 0) return;
  const found = new Map((await readNodesById(db, [...new Set(checks.map((c) => c.id))])).map((n) => [n.id, n.type]));
  for (const c of checks) {
    const type = found.get(c.id);
    if (!type) throw new NotFoundError(`No node with id ${c.id} (params.${c.name})`, [{ path: `params.${c.name}`, message: `unknown id ${c.id}` }]);
    if (c.types && !c.types.includes(type)) {
      throw new ValidationError(`params.${c.name}: ${c.id} is a ${type}; expected ${c.types.join(' or ')}`, [
        { path: `params.${c.name}`, message: `expected ${c.types.join(' or ')}` },
      ]);
    }
  }
}

/** Rows carry their evidence in an `evidence` column; the answer lists each piece once. */
function collectEvidence(rows: Row[]): AskEvidence[] {
  const seen = new Set<string>();
  const out: AskEvidence[] = [];
  for (const row of rows) {
    const items = Array.isArray(row.evidence) ? (row.evidence as Record<string, unknown>[]) : [];
    for (const item of items) {
      // A summary is our wording, never words someone said: it stays out of `quote`.
      const quote = (item.quote as string | null) ?? null;
      const summary = quote ? null : ((item.summary as string | null) ?? null);
      if (!quote && !summary) continue;
      const source = (item.sourceTitle ?? item.source ?? null) as string | null;
      const key = `${quote ?? summary}\n${source}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ quote, summary, source, date: (item.date as string | null) ?? null });
    }
  }
  return out;
}
