/**
 * Dates in reporting, absolute and relative ("on Tuesday", "last week", "on June 2"), resolved
 * by chrono-node against the article's publication date, each with a precision. A bare weekday
 * in news copy means the most recent such day, never a future one.
 */
import * as chrono from 'chrono-node';
import type { DatePrecision } from '../contract/model.ts';

export interface ResolvedDate {
  start: number;
  end: number;
  text: string;
  /** YYYY-MM-DD; for a week the Monday, for a month its first day, for a year 1 January. */
  date: string;
  precision: DatePrecision;
}

const DAY_MS = 86_400_000;

/** Every date expression in `text`, resolved against `reference` (YYYY-MM-DD). */
export function findDates(text: string, reference: string): ResolvedDate[] {
  const instant = new Date(`${reference}T12:00:00Z`);
  return chrono.parse(text, { instant, timezone: 0 }, { forwardDate: false }).flatMap((result) => {
    const { start } = result;
    const precision = precisionOf(result.text, start);
    if (precision === undefined) return [];
    let day = Date.UTC(start.get('year') ?? instant.getUTCFullYear(), (start.get('month') ?? 1) - 1, start.get('day') ?? 1);
    if (!start.isCertain('day') && start.isCertain('weekday') && day > instant.getTime()) day -= 7 * DAY_MS;
    if (precision === 'week') day -= ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
    if (precision === 'month') day = Date.UTC(new Date(day).getUTCFullYear(), new Date(day).getUTCMonth(), 1);
    if (precision === 'year') day = Date.UTC(new Date(day).getUTCFullYear(), 0, 1);
    return [{ start: result.index, end: result.index + result.text.length, text: result.text, date: isoDay(day), precision }];
  });
}

/** Words without which a match is a duration or a clock time ("after a second"), not a date. */
const DATE_WORDS = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|yesterday|tomorrow|week|month|year)/i;

function precisionOf(text: string, start: chrono.ParsedComponents): DatePrecision | undefined {
  if (!DATE_WORDS.test(text) || /^\d{1,2}$/.test(text.trim())) return undefined;
  if (/\bweeks?\b/i.test(text)) return 'week';
  if (start.isCertain('day') || start.isCertain('weekday')) return 'day';
  if (start.isCertain('month')) return 'month';
  if (start.isCertain('year')) return 'year';
  // A time of day alone ("at 3 pm") dates nothing.
  return undefined;
}

/** Shifts a YYYY-MM-DD day by whole days. */
export function shiftDay(day: string, days: number): string {
  return isoDay(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS);
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const SPOKEN_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A YYYY-MM-DD day as an analyst writes it ("2 June 2025"); anything else as it is. */
export function spokenDate(day: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? SPOKEN_DAY.format(new Date(`${day}T00:00:00Z`)) : day;
}
