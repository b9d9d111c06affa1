/** The analyst views: trace, actor stances, matrix, paths, conflicts. Thin: parse, call, send. */
import type { Database } from '../../db/database.ts';
import type { analysisRoutes } from '../../contract/analysis.ts';
import type { Handlers } from '../../http/mount.ts';
import { actorStances, partyPositionMatrix, shortestPaths, tracePosition } from './analysis.ts';
import { listConflicts } from './conflicts.ts';

export function analysisHandlers(db: Database): Handlers<typeof analysisRoutes> {
  return {
    trace: ({ params: { id }, query: { asOf, ...grading } }) => tracePosition(db, id, { asOf: asOf ?? null, ...grading }),
    actorStances: ({ params: { id }, query: { asOf, byNegotiation, ...grading } }) => actorStances(db, id, { asOf: asOf ?? null, byNegotiation: byNegotiation === 'true', ...grading }),
    matrix: ({ query: { asOf, stanceTypes, ...grading } }) => partyPositionMatrix(db, { asOf: asOf ?? null, stanceTypes: stanceTypes ?? null, ...grading }),
    paths: ({ query: { from, to, max } }) => shortestPaths(db, from, to, max),
    conflicts: ({ query: { limit, offset, negotiation, ...grading } }) => listConflicts(db, { limit, offset }, grading, negotiation),
  };
}
