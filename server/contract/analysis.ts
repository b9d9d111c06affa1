/** The analyst views: a position's trace, an actor's stances, the party × position matrix, paths and conflicting reports. */
import { z } from 'zod';
import { STANCE_FAMILIES, STANCE_TYPE_NAMES } from './model.ts';
import { csvList, entityId, gradeFilterShape, gradedAsOfQuerySchema, graphNodeSchema, limitParam, named, negotiationScopeShape, nodeIdPathSchema, nodeRef, positionIdPathSchema, reversalSchema, stanceSchema, stanceStepSchema } from './common.ts';
import { route } from './route.ts';

const pathsQuerySchema = z.object({
  from: entityId.meta({ examples: ['official:dmitry-peskov'] }),
  to: entityId.meta({ examples: ['position:unconditional-ceasefire'] }),
  max: z.coerce.number().int().min(1).max(8).default(6).describe('Longest path to look for, in relationships'),
});

const positionLink = z.object({
  relation: z.enum(['HAS_PRECONDITION', 'ALTERNATIVE_TO', 'CONDITIONAL_ON']),
  direction: z.enum(['outgoing', 'incoming']).describe('outgoing: this position → other; incoming: other → this position'),
  position: nodeRef,
  meaning: z.string(),
  stance: z.string().nullable().describe('The stance that established the relation'),
  note: z.string().nullable(),
});
export type PositionLink = z.infer<typeof positionLink>;

export const timelineEntrySchema = named(
  'TimelineEntry',
  z.object({
    date: z.string(),
    datePrecision: z.string().nullable(),
    kind: z.enum(['stance', 'event', 'document']),
    id: z.string(),
    text: z.string(),
    reverses: stanceStepSchema
      .nullable()
      .optional()
      .describe("For a stance: the same party's earlier stance on the position that this one reversed"),
  }),
);
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

const disputeSideSchema = z.object({
  type: z.enum(STANCE_TYPE_NAMES).describe("The type of the side's strongest stance"),
  family: z.enum(STANCE_FAMILIES),
  stanceIds: z.array(z.string()).describe('The stances of this side at the moment, strongest first'),
  sources: z.number().int().describe('Distinct sources behind this side'),
  firstHand: z.number().int().describe('Of those, sources with first-hand evidence'),
  evidenceCount: z.number().int().describe("Evidence items behind this side alone"),
});
export const disputeSchema = named(
  'Dispute',
  z
    .object({
      reason: z.enum(['conflict', 'as-strong']).describe('conflict: different sources give the two sides; as-strong: the opposite side is as well evidenced as the headline'),
      sides: z.array(disputeSideSchema).describe('The headline side first, then the opposite one'),
    })
    .describe('Sources disagree about the latest moment (server/core/disputes.ts); a reversal over time is no dispute'),
);
export type Dispute = z.infer<typeof disputeSchema>;

export const traceResponseSchema = named(
  'TraceResponse',
  z.object({
    position: graphNodeSchema,
    asOf: z.string().nullable(),
    stances: z.record(z.string(), z.array(stanceSchema)).describe('Stances grouped by stance type'),
    preconditions: z.array(positionLink).describe('What this position requires first (its outgoing HAS_PRECONDITION links)'),
    preconditionOf: z.array(positionLink).describe('Positions that require this one first (incoming HAS_PRECONDITION links)'),
    alternatives: z.array(positionLink).describe('ALTERNATIVE_TO links in both directions'),
    conditions: z.array(positionLink).describe('What this position can only happen after (its outgoing CONDITIONAL_ON links)'),
    conditionOf: z.array(positionLink).describe('Positions that can only happen after this one (incoming CONDITIONAL_ON links)'),
    conditionalStances: z.array(stanceSchema).describe('Stances on other positions whose condition refers to this position'),
    timeline: z.array(timelineEntrySchema),
    disputes: z
      .array(z.object({ actor: nodeRef.describe('The party (or an actor of no party) whose stances sources dispute'), dispute: disputeSchema }))
      .describe("Where sources disagree about a party's latest stance on the position, judged as the matrix judges its cells"),
  }),
);

const actorStanceSchema = stanceSchema.extend({ rolledUp: z.boolean().describe("true for a stance of one of the party's officials or delegations") });

export const actorStancesResponseSchema = named(
  'ActorStancesResponse',
  z.object({
    actor: graphNodeSchema,
    asOf: z.string().nullable(),
    stances: z.array(actorStanceSchema),
    reversals: z.array(reversalSchema).describe('Where the stance on one target changed family over time, oldest first'),
    byNegotiation: z
      .array(
        z.object({
          negotiation: z.object({ id: z.string(), name: z.string() }),
          stances: z.array(
            actorStanceSchema.extend({
              alsoIn: z.array(z.string()).describe('The other negotiations in which the actor holds a stance on the same target'),
              differs: z.boolean().describe("true when the actor's latest stance on the target here differs in type from its latest in one of those"),
            }),
          ),
        }),
      )
      .optional()
      .describe('With byNegotiation=true: the same stances side by side per negotiation (by name, "Unassigned" last); a stance in two negotiations is in both'),
    sharedTargets: z
      .array(
        z.object({
          target: nodeRef,
          negotiations: z.array(z.object({ id: z.string(), name: z.string(), latest: stanceStepSchema.describe("The actor's latest stance on the target in this negotiation") })),
          differs: z.boolean().describe('true when those latest stances are not all of one type'),
        }),
      )
      .optional()
      .describe('With byNegotiation=true: the targets the actor holds stances on in more than one negotiation'),
  }),
);

export const matrixResponseSchema = named(
  'MatrixResponse',
  z.object({
    asOf: z.string().nullable(),
    parties: z.array(nodeRef),
    positions: z.array(nodeRef),
    cells: z.array(
      z.object({
        party: z.string(),
        position: z.string(),
        latest: z.object({ id: z.string(), type: z.enum(STANCE_TYPE_NAMES), family: z.enum(STANCE_FAMILIES), date: z.string(), actor: nodeRef }).describe("The cell's headline: the latest stance, or where both camps speak at the latest moment the stronger camp's strongest stance"),
        stanceCount: z.number().int(),
        evidenceCount: z.number().int().describe("Evidence items behind all of the party's stances on the position"),
        reversal: z
          .object({ from: stanceStepSchema, to: stanceStepSchema, date: z.string().describe('When the reversing stance was taken') })
          .nullable()
          .describe("The party's latest change of family on the position, if any"),
        dispute: disputeSchema.nullable().describe('When sources disagree about the latest moment: both sides, each with its own counts; `latest` is then the stronger side'),
      }),
    ),
  }),
);

const conflictsQuerySchema = z.object({
  limit: limitParam(200).default(50).describe('Conflicts per page'),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('Conflicts to skip'),
  ...gradeFilterShape,
  ...negotiationScopeShape,
});

/** Trace and actor stances: a day, which sources count, and which negotiation. */
const scopedAsOfQuerySchema = gradedAsOfQuerySchema.extend(negotiationScopeShape);

/** The matrix: a day, which sources count, and which stance types. */
const matrixQuerySchema = scopedAsOfQuerySchema.extend({
  stanceTypes: csvList(z.enum(STANCE_TYPE_NAMES)).describe("Comma-separated stance types a cell counts (default: all); a cell shows the party's latest stance of these types"),
});

const conflictReportSchema = z.object({
  quote: z.string().nullable().describe('Verbatim words from the source, or null when the source gives only our summary'),
  summary: z.string().nullable().describe('Our own wording, never a quote'),
  reporting: z.string().nullable(),
  via: z.string().nullable(),
  source: z.object({ id: z.string(), title: z.string().nullable(), publisher: z.string().nullable(), url: z.string().nullable() }),
});

/** One side of a conflict: the stance one group of sources reports, with their evidence. */
const conflictSideSchema = named(
  'ConflictSide',
  stanceStepSchema.extend({ reports: z.array(conflictReportSchema).describe('The evidence for this side, one item per quote or summary') }),
);

export const conflictSchema = named(
  'Conflict',
  z.object({
    id: z.string().describe('The two stance ids joined by "|"'),
    actor: nodeRef,
    target: nodeRef,
    a: conflictSideSchema,
    b: conflictSideSchema,
  }),
);
export type Conflict = z.infer<typeof conflictSchema>;

export const conflictsResponseSchema = named(
  'ConflictsResponse',
  z.object({
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    conflicts: z.array(conflictSchema),
  }),
);
export type ConflictsResponse = z.infer<typeof conflictsResponseSchema>;

export const pathsResponseSchema = named(
  'PathsResponse',
  z.object({
    from: z.string(),
    to: z.string(),
    paths: z.array(
      z.object({
        length: z.number().int(),
        nodes: z.array(nodeRef),
        relationships: z.array(z.object({ type: z.string(), source: z.string(), target: z.string() })),
      }),
    ),
  }),
);

export type TraceResponse = z.infer<typeof traceResponseSchema>;
export type ActorStancesResponse = z.infer<typeof actorStancesResponseSchema>;
export type MatrixResponse = z.infer<typeof matrixResponseSchema>;
export type MatrixCell = MatrixResponse['cells'][number];
export type PathsResponse = z.infer<typeof pathsResponseSchema>;


export const analysisRoutes = {
  trace: route({
    method: 'get',
    path: '/api/positions/:id/trace',
    tag: 'analysis',
    summary: 'Trace a position',
    description:
      'Every stance on the position grouped by type, with actor, the party it rolls up to, date, condition and evidence (quote and source); the positions it depends on, replaces or conditions; stances elsewhere conditional on it; a timeline.',
    params: positionIdPathSchema,
    query: scopedAsOfQuerySchema,
    errors: {
      400: 'Invalid input; details name the offending field',
      404: 'Unknown id, or unknown negotiation',
    },
    response: { description: 'The trace', schema: traceResponseSchema },
  }),
  actorStances: route({
    method: 'get',
    path: '/api/actors/:id/stances',
    tag: 'analysis',
    summary: "An actor's stances",
    description:
      "For a party, its officials' and delegations' stances too, marked `rolledUp: true`. With `byNegotiation=true` also the same stances side by side per negotiation, marking the targets held in more than one and where the stance on them differs between negotiations.",
    params: nodeIdPathSchema,
    query: scopedAsOfQuerySchema.extend({
      byNegotiation: z.enum(['true', 'false']).optional().describe('true: also group the stances per negotiation (`byNegotiation`, `sharedTargets`); absent or false: as before'),
    }),
    errors: {
      400: 'Invalid input; details name the offending field',
      404: 'Unknown id, or unknown negotiation',
    },
    response: { description: 'The stances', schema: actorStancesResponseSchema },
  }),
  matrix: route({
    method: 'get',
    path: '/api/matrix',
    tag: 'analysis',
    summary: 'Party × position matrix',
    description: "Each party's latest stance on each position (officials roll up to their party), with stance and evidence counts. stanceTypes limits the stances counted.",
    query: matrixQuerySchema,
    errors: {
      400: 'Invalid input; details name the offending field',
      404: 'excludeAffiliatedWith names no party, or negotiation names no negotiation',
    },
    response: { description: 'The matrix', schema: matrixResponseSchema },
  }),
  paths: route({
    method: 'get',
    path: '/api/paths',
    tag: 'analysis',
    summary: 'Shortest paths between two nodes',
    description: 'Over stances and structural relationships (not provenance), at most `max` relationships long.',
    query: pathsQuerySchema,
    errors: {
      400: 'Invalid input; details name the offending field',
      404: 'Unknown id',
    },
    response: { description: 'The paths (empty when none within max)', schema: pathsResponseSchema },
  }),
  conflicts: route({
    method: 'get',
    path: '/api/conflicts',
    tag: 'analysis',
    summary: 'Where sources disagree',
    description:
      'Conflicting reports: different sources give one actor opposite stances (rejection against proposal or support) on the same target at the same moment (dates that overlap within their precision). Each conflict shows both sides: stance type, family and date, and every quote (or summary, with `quote` null) with its source. In pages; also the named question source-conflicts.',
    query: conflictsQuerySchema,
    errors: {
      400: 'Invalid paging or grade filter; details name the field',
      404: 'excludeAffiliatedWith names no party, or negotiation names no negotiation',
    },
    response: { description: 'A page of conflicts', schema: conflictsResponseSchema },
  }),
};
