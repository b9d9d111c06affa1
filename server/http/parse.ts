import type { z } from 'zod';
import { zodIssues } from '../core/validation.ts';
import { ValidationError } from '../errors.ts';

/** Parses request input; a failure is a 400 whose message names the first offending field. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, where: 'query' | 'body' | 'path'): z.infer<T> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const details = zodIssues(parsed.error).map((d) => ({ ...d, in: where }));
  const first = details[0];
  throw new ValidationError(`Invalid ${where} parameter ${first?.path || '(root)'}: ${first?.message}`, details);
}
