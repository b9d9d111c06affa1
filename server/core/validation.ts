import type { ZodError } from 'zod';

interface FieldProblem {
  path: string;
  message: string;
}

/** zod issues as `[{path, message}]` with dotted paths that name the offending field. */
export function zodIssues(err: ZodError): FieldProblem[] {
  return err.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}
