/**
 * The negotiation graph's vocabulary: node types, stance types and their families,
 * position relations. Everything that is spliced into Cypher text (labels, relationship
 * types) must come from these lists, never from user input directly.
 */

export const NODE_TYPES = [
  'Party',
  'Official',
  'Delegation',
  'Position',
  'Event',
  'Document',
  'Place',
  'Source',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Node types an ingestion payload may declare (sources are declared in their own block). */
export const ENTITY_TYPES = ['Party', 'Official', 'Delegation', 'Position', 'Event', 'Document', 'Place'] as const;

/** Types whose nodes can take a stance. */
export const ACTOR_TYPES = ['Party', 'Official', 'Delegation'] as const;
/** Types a stance can be about. */
export const STANCE_TARGET_TYPES = ['Position', 'Event'] as const;

export const STANCE_FAMILIES = ['proposal', 'support', 'rejection', 'other'] as const;
export type StanceFamily = (typeof STANCE_FAMILIES)[number];

/**
 * The fixed stance vocabulary. Each type belongs to one family (drives edge colour and
 * "contested" logic) and maps to the nearest CAMEO root code (docs/model.md explains each).
 */
export const STANCE_TYPES = {
  proposed: { family: 'proposal', cameo: '03', verb: 'proposed' },
  demanded: { family: 'proposal', cameo: '10', verb: 'demanded' },
  offered: { family: 'proposal', cameo: '03', verb: 'offered' },
  called_for: { family: 'proposal', cameo: '02', verb: 'called for' },
  backed: { family: 'support', cameo: '05', verb: 'backed' },
  welcomed: { family: 'support', cameo: '05', verb: 'welcomed' },
  open_to: { family: 'support', cameo: '03', verb: 'was open to' },
  agreed: { family: 'support', cameo: '06', verb: 'agreed to' },
  praised: { family: 'support', cameo: '05', verb: 'praised' },
  rejected: { family: 'rejection', cameo: '12', verb: 'rejected' },
  dismissed: { family: 'rejection', cameo: '12', verb: 'dismissed' },
  opposed: { family: 'rejection', cameo: '11', verb: 'opposed' },
  accused: { family: 'rejection', cameo: '11', verb: 'accused' },
  held_off: { family: 'other', cameo: '08', verb: 'held off from' },
  claimed: { family: 'other', cameo: '01', verb: 'claimed' },
  stated: { family: 'other', cameo: '01', verb: 'stated' },
} as const satisfies Record<string, { family: StanceFamily; cameo: string; verb: string }>;
export type StanceType = keyof typeof STANCE_TYPES;
export const STANCE_TYPE_NAMES = Object.keys(STANCE_TYPES) as [StanceType, ...StanceType[]];

/** Relationships between positions, each with the meaning documented in docs/model.md. */
export const POSITION_RELATIONS = {
  /** (a)-[:HAS_PRECONDITION]->(b): a party will only do a once b is done. */
  HAS_PRECONDITION: 'precondition',
  /** (a)-[:ALTERNATIVE_TO]->(b): a was put forward instead of b. */
  ALTERNATIVE_TO: 'alternative',
  /** (a)-[:CONDITIONAL_ON]->(b): a can only happen after b. */
  CONDITIONAL_ON: 'condition',
} as const;
export type PositionRelation = keyof typeof POSITION_RELATIONS;
export const POSITION_RELATION_NAMES = Object.keys(POSITION_RELATIONS) as [PositionRelation, ...PositionRelation[]];

export const DATE_PRECISIONS = ['day', 'week', 'month', 'year'] as const;

/** What a source is: an outlet's article, an official statement, a document, or our background notes. */
export const SOURCE_KINDS = ['news-article', 'official-statement', 'document', 'background'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export function stanceFamily(type: StanceType): StanceFamily {
  return STANCE_TYPES[type].family;
}

/**
 * What a document's point is about: a fixed vocabulary modelled on the provision categories of
 * the PA-X peace agreements database (docs/model.md, "A document's points").
 */
export const POINT_TOPICS = [
  'ceasefire',
  'withdrawal',
  'territory',
  'prisoners_missing',
  'humanitarian',
  'security_guarantees',
  'military_limits',
  'alliances_neutrality',
  'sanctions',
  'elections_governance',
  'rights_identity',
  'justice_accountability',
  'economy_reconstruction',
  'implementation_monitoring',
  'process_talks',
] as const;
export type PointTopic = (typeof POINT_TOPICS)[number];
