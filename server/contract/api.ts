/**
 * The API's contract in zod: request parsers and the shapes of answers. The OpenAPI document
 * (server/http/openapi.ts) is generated from these same schemas, so docs and validation cannot
 * drift apart. Named schemas are registered in `apiSchemas` and become `components.schemas`.
 */
import { z } from 'zod';
import { NODE_TYPES, STANCE_FAMILIES, STANCE_TYPE_NAMES } from './model.ts';

export const apiSchemas = z.registry<{ id: string }>();
export function named<T extends z.ZodType>(id: string, schema: T): T {
  apiSchemas.add(schema, { id });
  return schema;
}

// ---------------------------------------------------------------- request pieces

export const isoDate = z.iso.date().describe('A date as YYYY-MM-DD');
export const entityId = z
  .string()
  .min(3)
  .max(200)
  .regex(/^[a-z]+:[^\s]+$/, 'must be an id like party:russia')
  .describe('A node id such as party:russia or position:unconditional-ceasefire');

/** `a,b,c` or a repeated parameter, as a list. An empty value is not an absent one: it names no item and is refused. */
function csvList<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    if (value === undefined) return undefined;
    const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
    return parts.map((p) => p.trim()).filter(Boolean);
  }, z.array(item).min(1).optional());
}

const limitParam = (max: number) => z.coerce.number().int().min(1).max(max);

// ---------------------------------------------------------------- source grading (NATO Admiralty code)

/** Source reliability, best first: A completely reliable … E unreliable, F cannot be judged. */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY_GRADES)[number];
/** Information credibility, best first: 1 confirmed … 5 improbable, 6 cannot be judged. */
export const CREDIBILITY_GRADES = [1, 2, 3, 4, 5, 6] as const;

/** A grade as sent: "B2" (any case) or {reliability: "B", credibility: 2}; always read as "B2". */
export const gradeSchema = z
  .union([
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-F][1-6]$/, 'must be an Admiralty grade like B2: source reliability A–F, then information credibility 1–6'),
    z.strictObject({
      reliability: z.enum(RELIABILITY_GRADES).describe('A completely reliable, B usually, C fairly, D not usually, E unreliable, F cannot be judged'),
      credibility: z.number().int().min(1).max(6).describe('1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged'),
    }),
  ])
  .transform((grade) => (typeof grade === 'string' ? grade : `${grade.reliability}${grade.credibility}`))
  .describe('Admiralty grade: "B2", or {reliability: "B", credibility: 2}');

const partyIdParam = z
  .string()
  .max(200)
  .regex(/^party:[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a party id like party:russia')
  .meta({ examples: ['party:russia'] });

/**
 * Which sources count. A stance counts only through evidence from an admissible source; a stance
 * with none disappears and evidence lists show only admissible evidence.
 */
export const gradeFilterShape = {
  minReliability: z
    .enum(RELIABILITY_GRADES)
    .optional()
    .describe('Only evidence from sources at least this reliable (A best, F cannot be judged). An ungraded source counts as F, so any value but F leaves ungraded sources out'),
  minCredibility: z.coerce
    .number()
    .int()
    .min(1)
    .max(6)
    .optional()
    .describe('Only evidence from sources whose information is at least this credible (1 best, 6 cannot be judged). An ungraded source counts as 6, so any value but 6 leaves ungraded sources out'),
  excludeAffiliatedWith: partyIdParam
    .optional()
    .describe('Leave out evidence from sources whose publisher is affiliated with this party (or with a body that is part of it), e.g. its state media'),
};
export const gradeFilterSchema = z.object(gradeFilterShape);
export type GradeFilter = z.infer<typeof gradeFilterSchema>;

export const graphQuerySchema = z.object({
  nodeTypes: csvList(z.enum(NODE_TYPES)).describe('Comma-separated node types to include (default: every type except Source)'),
  stanceTypes: csvList(z.enum(STANCE_TYPE_NAMES)).describe('Comma-separated stance types to draw as edges (default: all)'),
  actor: entityId.optional().describe("Only stances taken by this actor (a party's officials and delegations roll up to it)"),
  position: entityId.optional().describe('Only stances on this position (or event)'),
  asOf: isoDate.optional().describe('Only stances, events and documents dated on or before this day'),
  limit: limitParam(5_000_000).optional().describe('Maximum number of nodes (default and ceiling: the server setting, 2000)'),
  ...gradeFilterShape,
});
export type GraphQuery = z.infer<typeof graphQuerySchema>;

/** Node kinds the graph view leaves out unless asked: they are context, not the negotiation. */
export const GRAPH_VIEW_EXTRAS = ['places', 'documents', 'events'] as const;

export const graphViewQuerySchema = z.object({
  include: csvList(z.enum(GRAPH_VIEW_EXTRAS)).describe(
    'Comma-separated extra node kinds: places, documents, events (events that are the target of a stance are always in)',
  ),
  stanceTypes: csvList(z.enum(STANCE_TYPE_NAMES)).describe('Comma-separated stance types counted on the edges (default: all)'),
  asOf: isoDate.optional().describe('Only stances, events and documents dated on or before this day'),
  ...gradeFilterShape,
});
export type GraphViewQuery = z.infer<typeof graphViewQuerySchema>;

/** A cluster of the stored layout, named `cluster:<number>`. */
export const clusterIdPathSchema = z.object({
  id: z
    .string()
    .regex(/^cluster:\d{1,9}$/, 'must be a cluster id like cluster:3')
    .meta({ examples: ['cluster:0'] })
    .describe('A cluster id from a clustered graph view'),
});

export const edgeStancesPathSchema = z.object({
  actor: entityId.meta({ examples: ['official:dmitry-peskov'] }),
  target: entityId.meta({ examples: ['position:unconditional-ceasefire'] }),
});

export const exportQuerySchema = graphQuerySchema.extend({
  format: z.enum(['json', 'gexf', 'graphml', 'csv']).default('json').describe('File format'),
  part: z.enum(['nodes', 'edges']).default('edges').describe('For csv: which table to return'),
});

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1).max(200).describe('Free text: a name or alias, any case, with or without diacritics'),
  types: csvList(z.enum(NODE_TYPES)).describe('Comma-separated node types to search (default: all)'),
  limit: limitParam(100).default(20),
});

/** An id in the path; the example, a node of the seed, lets API fuzzers reach past the 404. */
const idPath = (example: string) => z.object({ id: entityId.meta({ examples: [example] }) });
export const nodeIdPathSchema = idPath('party:russia');
export const positionIdPathSchema = idPath('position:unconditional-ceasefire');
export const asOfQuerySchema = z.object({ asOf: isoDate.optional().describe('Only stances and events dated on or before this day') });
/** The analyst views (trace, actor stances, matrix): a day, and which sources count. */
export const gradedAsOfQuerySchema = asOfQuerySchema.extend(gradeFilterShape);
export type GradedAsOfQuery = z.infer<typeof gradedAsOfQuerySchema>;
export const neighborsQuerySchema = z.object({
  depth: z.coerce.number().int().min(1).max(3).default(1).describe('How many hops (a stance counts as one hop)'),
  limit: limitParam(5000).default(200).describe('Maximum number of nodes besides the start node'),
});
export const pathsQuerySchema = z.object({
  from: entityId.meta({ examples: ['official:dmitry-peskov'] }),
  to: entityId.meta({ examples: ['position:unconditional-ceasefire'] }),
  max: z.coerce.number().int().min(1).max(8).default(6).describe('Longest path to look for, in relationships'),
});
export const questionBodySchema = z.object({ params: z.record(z.string(), z.unknown()).default({}) });
/** Deeper parameter values gain a query nothing and overflow the driver's recursive encoder. */
const MAX_PARAM_DEPTH = 32;

/** Walks with its own stack, so a value nested a million levels deep cannot overflow this check either. */
function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > maxDepth) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

export const cypherBodySchema = z.object({
  query: z.string().trim().min(1).max(20_000).meta({ examples: ['MATCH (p:Party) RETURN p.name AS party'] }),
  params: z
    .record(z.string(), z.unknown())
    .refine((params) => !nestsDeeperThan(params, MAX_PARAM_DEPTH), `must not nest deeper than ${MAX_PARAM_DEPTH} levels`)
    .default({}),
  limit: z.number().int().min(1).max(100_000).optional().describe('Row cap; the server cap (1000) applies when larger'),
});

// ---------------------------------------------------------------- answers

const attributes = z.record(z.string(), z.unknown());

export const graphNodeSchema = named(
  'GraphNode',
  z.object({
    id: z.string(),
    key: z.string().describe('Same as id, for graphology import'),
    label: z.string(),
    type: z.string().describe('Node label: Party, Official, Delegation, Position, Event, Document, Place, Source'),
    attributes: attributes.describe("The node's properties; dates as YYYY-MM-DD"),
  }),
);
export type GraphNode = z.infer<typeof graphNodeSchema>;

export const evidenceItemSchema = named(
  'EvidenceItem',
  z.object({
    quote: z.string().nullable(),
    summary: z.string().nullable(),
    reporting: z.string().nullable(),
    via: z.string().nullable(),
    source: z.string().nullable().describe('Source id'),
    sourceTitle: z.string().nullable(),
    sourceGrade: z.string().nullable().describe('Admiralty grade of the source ("B2"), null when ungraded'),
    sourcePublisher: z.string().nullable().describe("Name of the source's publisher"),
  }),
);
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

/** How well a stance is attested: by how many sources and publishers, first- or second-hand. */
export const corroborationSchema = named(
  'Corroboration',
  z.object({
    sources: z.number().int().describe('Distinct sources whose evidence supports the stance'),
    publishers: z.number().int().describe('Distinct publishers among those sources (a source without a publisher counts as its own)'),
    firstHand: z.number().int().describe('Sources that quote the actor directly (at least one first-hand piece of evidence)'),
    secondHand: z.number().int().describe('Sources that only report it second-hand'),
  }),
);
export type Corroboration = z.infer<typeof corroborationSchema>;

/** One end of a reversal: a stance of the actor on the target at one moment. */
export const stanceStepSchema = named(
  'StanceStep',
  z.object({
    stanceId: z.string(),
    type: z.enum(STANCE_TYPE_NAMES),
    family: z.enum(STANCE_FAMILIES),
    date: z.string(),
    datePrecision: z.string(),
  }),
);
export type StanceStep = z.infer<typeof stanceStepSchema>;

/** A collapsed stance's attributes on its actor → target edge; linked nodes are given by id. */
export const stanceEdgeAttributesSchema = named(
  'StanceEdgeAttributes',
  z.object({
    stanceId: z.string(),
    stanceType: z.enum(STANCE_TYPE_NAMES),
    family: z.enum(STANCE_FAMILIES),
    date: z.string().nullable(),
    datePrecision: z.string(),
    condition: z.string().nullable(),
    conditionPosition: z.string().nullable().describe('Id of the position the condition refers to'),
    confidence: z.number().nullable(),
    event: z.string().nullable().describe('Id of the event where the stance was taken'),
    voicedBy: z.string().nullable().describe('Id of the official who voiced it'),
    evidenceCount: z.number().int(),
    evidence: z.array(evidenceItemSchema),
    corroboration: corroborationSchema.optional(),
  }),
);
export type StanceEdgeAttributes = z.infer<typeof stanceEdgeAttributesSchema>;

export const graphEdgeSchema = named(
  'GraphEdge',
  z.object({
    id: z.string(),
    key: z.string().describe('Same as id, for graphology import'),
    source: z.string(),
    target: z.string(),
    type: z.string().describe('Stance type (proposed, rejected, …) for a collapsed stance; otherwise the relationship type'),
    attributes: z
      .union([stanceEdgeAttributesSchema, attributes])
      .describe('For a stance edge: StanceEdgeAttributes. For other edges: the relationship properties.'),
  }),
);
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

export const graphResponseSchema = named(
  'GraphResponse',
  z.object({ nodes: z.array(graphNodeSchema), edges: z.array(graphEdgeSchema), truncated: z.boolean() }),
);

/**
 * The graph view in columns: one array per attribute, element i of each array describing node
 * (or edge) i, so a large answer costs a few bytes per element rather than a repeated object.
 */
export const graphViewNodesSchema = z.object({
  id: z.array(z.string()).describe('Node id (entity id, or cluster:<n> for a cluster)'),
  label: z.array(z.string()),
  type: z.array(z.string()).describe('Party, Official, Delegation, Position, Event, Document, Place, or Cluster'),
  size: z.array(z.number().int()).describe('1 for an entity; the member count for a cluster'),
  cluster: z.array(z.number().int().nullable()).describe('The Louvain community of the stored layout (null until computed)'),
  x: z.array(z.number().nullable()).describe('Stored layout position (null for a node added since the layout was computed)'),
  y: z.array(z.number().nullable()),
  date: z.array(z.string().nullable()).describe("An event's or document's date (ISO), null for undated nodes and clusters"),
});

export const graphViewEdgesSchema = z.object({
  source: z.array(z.number().int()).describe('Index of the source node in `nodes`'),
  target: z.array(z.number().int()).describe('Index of the target node in `nodes`'),
  relation: z
    .array(z.string())
    .describe('STANCES for an aggregated actor → target edge (or cluster → cluster); otherwise the structural relationship type'),
  stanceCount: z.array(z.number().int()).describe('How many stances the edge stands for (0 for a structural edge)'),
  latestType: z.array(z.enum(STANCE_TYPE_NAMES).nullable()).describe("The latest stance's type"),
  latestFamily: z.array(z.enum(STANCE_FAMILIES).nullable()).describe("The latest stance's family"),
  latestDate: z.array(z.string().nullable()).describe("The latest stance's date, YYYY-MM-DD"),
});

export const graphViewResponseSchema = named(
  'GraphView',
  z.object({
    mode: z.enum(['entities', 'clusters']).describe('clusters: the graph is over the node budget and each node is a community'),
    nodes: graphViewNodesSchema,
    edges: graphViewEdgesSchema,
    layout: z.object({
      computedAt: z.string().nullable().describe('When the stored layout was computed (null: not yet)'),
      stale: z.boolean().describe('The graph changed since; a new layout is being computed in the background'),
    }),
    totals: z.object({ nodes: z.number().int(), edges: z.number().int() }).describe('Nodes and aggregated edges of the whole view before any budget'),
    truncated: z.boolean().describe('A node, edge or byte bound cut this answer short'),
  }),
);
export type GraphView = z.infer<typeof graphViewResponseSchema>;

export const searchResponseSchema = named(
  'SearchResponse',
  z.object({
    q: z.string(),
    results: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        type: z.string(),
        aliases: z.array(z.string()),
        matched: z.string().nullable().describe('The alias the text matched, when it did not match the name'),
        score: z.number(),
      }),
    ),
  }),
);

export const nodeResponseSchema = named(
  'NodeResponse',
  z.object({
    node: graphNodeSchema,
    degree: z.object({ stances: z.number().int(), relationships: z.number().int() }).describe('Stances taken or received, and other relationships'),
  }),
);

export const neighborsResponseSchema = named(
  'NeighborsResponse',
  z.object({ center: z.string(), depth: z.number().int(), nodes: z.array(graphNodeSchema), edges: z.array(graphEdgeSchema), truncated: z.boolean() }),
);

export const nodeRef = named('NodeRef', z.object({ id: z.string(), label: z.string(), type: z.string() }));
export type NodeRef = z.infer<typeof nodeRef>;

/** Who publishes a source: an entity with a country and, where the analyst says so, a party it is affiliated with. */
export const publisherSchema = named(
  'Publisher',
  z.object({
    id: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    country: z.string().nullable(),
    affiliation: nodeRef.nullable().describe('The party the publisher is affiliated with (e.g. state media), or null'),
  }),
);
export type Publisher = z.infer<typeof publisherSchema>;

export const sourceGradeBodySchema = z.object({
  grade: gradeSchema.nullable().describe('The new grade, or null to mark the source ungraded'),
});
export const sourceGradeResponseSchema = named(
  'SourceGradeChange',
  z.object({
    sourceId: z.string(),
    grade: z.string().nullable().describe('The grade now'),
    previous: z.string().nullable().describe('The grade before the change'),
  }),
);
export type SourceGradeChange = z.infer<typeof sourceGradeResponseSchema>;

export const stanceSchema = named(
  'Stance',
  z.object({
    id: z.string(),
    type: z.enum(STANCE_TYPE_NAMES),
    family: z.enum(STANCE_FAMILIES),
    actor: nodeRef,
    party: nodeRef.nullable().describe('The party the actor rolls up to (itself for a party)'),
    target: nodeRef,
    date: z.string(),
    datePrecision: z.string(),
    condition: z.string().nullable(),
    conditionPosition: nodeRef.nullable(),
    confidence: z.number().nullable(),
    event: nodeRef.nullable().describe('Where the stance was taken'),
    voicedBy: nodeRef.nullable(),
    evidence: z.array(evidenceItemSchema),
    corroboration: corroborationSchema,
  }),
);
export type Stance = z.infer<typeof stanceSchema>;

/** An actor's stance on one target changing family over time (rejected, later agreed). */
export const reversalSchema = named(
  'Reversal',
  z.object({
    actor: nodeRef.describe('Whose stance changed (for a party, its officials and delegations count as it)'),
    target: nodeRef,
    from: stanceStepSchema.describe('The earlier stance'),
    to: stanceStepSchema.describe('The later stance that reversed it'),
  }),
);
export type Reversal = z.infer<typeof reversalSchema>;

export const edgeStancesResponseSchema = named(
  'EdgeStances',
  z.object({
    actor: nodeRef,
    target: nodeRef,
    stances: z.array(stanceSchema).describe('Every stance of the actor on the target, oldest first, each with its evidence'),
  }),
);
export type EdgeStances = z.infer<typeof edgeStancesResponseSchema>;

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
  }),
);

export const actorStancesResponseSchema = named(
  'ActorStancesResponse',
  z.object({
    actor: graphNodeSchema,
    asOf: z.string().nullable(),
    stances: z.array(
      stanceSchema.extend({ rolledUp: z.boolean().describe("true for a stance of one of the party's officials or delegations") }),
    ),
    reversals: z.array(reversalSchema).describe('Where the stance on one target changed family over time, oldest first'),
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
        latest: z.object({ id: z.string(), type: z.enum(STANCE_TYPE_NAMES), family: z.enum(STANCE_FAMILIES), date: z.string(), actor: nodeRef }),
        stanceCount: z.number().int(),
        evidenceCount: z.number().int().describe("Evidence items behind all of the party's stances on the position"),
        reversal: z
          .object({ from: stanceStepSchema, to: stanceStepSchema, date: z.string().describe('When the reversing stance was taken') })
          .nullable()
          .describe("The party's latest change of family on the position, if any"),
      }),
    ),
  }),
);

export const conflictsQuerySchema = z.object({
  limit: limitParam(200).default(50).describe('Conflicts per page'),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('Conflicts to skip'),
});

const conflictReportSchema = z.object({
  quote: z.string().nullable().describe('Verbatim words from the source, or null when the source gives only our summary'),
  summary: z.string().nullable().describe('Our own wording, never a quote'),
  reporting: z.string().nullable(),
  via: z.string().nullable(),
  source: z.object({ id: z.string(), title: z.string().nullable(), publisher: z.string().nullable(), url: z.string().nullable() }),
});

/** One side of a conflict: the stance one group of sources reports, with their evidence. */
export const conflictSideSchema = named(
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

export const questionParamSchema = named(
  'QuestionParam',
  z.object({ name: z.string(), type: z.string(), required: z.boolean(), description: z.string() }),
);
export const questionSchema = named(
  'Question',
  z.object({ id: z.string(), title: z.string(), description: z.string(), params: z.array(questionParamSchema), cypher: z.string() }),
);
export const questionsResponseSchema = named('QuestionCatalogue', z.object({ questions: z.array(questionSchema) }));

export const askEvidenceSchema = named(
  'AskEvidence',
  z.object({
    quote: z.string().nullable().describe('Verbatim words from the source, or null'),
    summary: z.string().nullable().describe('Our own wording where the source gives no quote; never words someone said'),
    source: z.string().nullable(),
    date: z.string().nullable(),
  }),
);
export type AskEvidence = z.infer<typeof askEvidenceSchema>;

export const questionAnswerSchema = named(
  'QuestionAnswer',
  z.object({ columns: z.array(z.string()), rows: z.array(z.record(z.string(), z.unknown())), evidence: z.array(askEvidenceSchema) }),
);

const count = z.number().nullable();
export const planNodeSchema = named(
  'PlanNode',
  z.object({
    operator: z.string(),
    details: z.string(),
    identifiers: z.array(z.string()),
    estimatedRows: count,
    rows: count.describe('PROFILE only: rows the operator produced'),
    dbHits: count.describe('PROFILE only: database hits'),
    pageCacheHits: count,
    pageCacheMisses: count,
    timeNs: count,
    get children(): z.ZodArray<typeof planNodeSchema> {
      return z.array(planNodeSchema);
    },
  }),
);
export type PlanNode = z.infer<typeof planNodeSchema>;

export const cypherResponseSchema = named(
  'CypherResponse',
  z.object({
    columns: z.array(z.string()),
    rows: z.array(z.record(z.string(), z.unknown())),
    graph: z.object({ nodes: z.array(graphNodeSchema), edges: z.array(graphEdgeSchema) }),
    summary: z.object({ queryType: z.string(), resultAvailableAfterMs: z.number(), truncated: z.boolean() }),
    plan: planNodeSchema.nullable().optional().describe('For EXPLAIN (estimated rows) and PROFILE (rows and db hits): the plan as a tree'),
  }),
);

const signatureSchema = z.object({ name: z.string(), signature: z.string(), description: z.string() });
export const consoleSchemaResponseSchema = named(
  'ConsoleSchema',
  z.object({
    labels: z.array(z.string()),
    relationshipTypes: z.array(z.string()),
    propertyKeys: z.array(z.string()),
    propertiesByLabel: z.record(z.string(), z.array(z.string())),
    functions: z.array(signatureSchema),
    procedures: z.array(signatureSchema.extend({ returnItems: z.array(z.object({ name: z.string(), signature: z.string() })) })),
  }),
);
export type ConsoleSchema = z.infer<typeof consoleSchemaResponseSchema>;

export const errorResponseSchema = named(
  'Error',
  z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) }),
);

// ---------------------------------------------------------------- answer types, for the client

export type GraphResponse = z.infer<typeof graphResponseSchema>;
export type SearchResponse = z.infer<typeof searchResponseSchema>;
export type SearchResult = SearchResponse['results'][number];
export type NodeResponse = z.infer<typeof nodeResponseSchema>;
export type TraceResponse = z.infer<typeof traceResponseSchema>;
export type ActorStancesResponse = z.infer<typeof actorStancesResponseSchema>;
export type MatrixResponse = z.infer<typeof matrixResponseSchema>;
export type MatrixCell = MatrixResponse['cells'][number];
export type QuestionParam = z.infer<typeof questionParamSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuestionCatalogue = z.infer<typeof questionsResponseSchema>;
export type QuestionAnswer = z.infer<typeof questionAnswerSchema>;
export type CypherResponse = z.infer<typeof cypherResponseSchema>;
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
