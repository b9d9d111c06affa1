/**
 * The point-by-point alignment of documents, pure: points are matched by position, and each
 * position becomes one row whose kind says how the documents stand on it (docs/model.md,
 * "Comparing documents").
 */
import type { CompareRowKind } from '../../contract/documents.ts';
import { POINT_TOPICS, type PointTopic, type StanceFamily } from '../../contract/model.ts';

export interface AlignedPoint {
  order: number;
  topic: PointTopic;
  family: StanceFamily;
  type: string;
  condition: string | null;
  position: { id: string };
}

export type PointDifference = 'stance' | 'condition' | 'order';

export interface AlignedRow<P extends AlignedPoint> {
  position: string;
  /** The positions the row aligns: its one position, or two opposed positions held by different documents. */
  positions: string[];
  topic: PointTopic;
  kind: CompareRowKind;
  differences: PointDifference[];
  /** One per document, in the order given; null where the document has no point on the position. */
  points: (P | null)[];
}

/** Proposing or backing against rejecting; `other` (stated, claimed, held off) opposes nothing. */
export function opposite(a: StanceFamily, b: StanceFamily): boolean {
  const side = (f: StanceFamily) => (f === 'rejection' ? -1 : f === 'other' ? 0 : 1);
  return side(a) * side(b) === -1;
}

/** A condition as compared: case, spacing and trailing punctuation do not make two conditions differ. */
export function sameCondition(a: string | null, b: string | null): boolean {
  const fold = (c: string | null) => (c ?? '').toLowerCase().replace(/\s+/g, ' ').replace(/[\s.;,]+$/, '').trim();
  return fold(a) === fold(b);
}

/**
 * Rows for the documents' points (`documents[i]` lists document i's points). Order is compared
 * as each document's rank among the positions every document holds, since documents of different
 * lengths number the same point differently.
 *
 * `opposed` lists pairs of positions the graph sets against each other (cypher/rules/opposed.cypher).
 * When some documents hold one of a pair and other documents the other, none holding both and
 * none rejecting its own, the two would be two gaps; they are one contradiction row instead: the
 * documents answer one matter in opposite ways.
 */
export function alignPoints<P extends AlignedPoint>(documents: P[][], opposed: readonly (readonly [string, string])[] = []): AlignedRow<P>[] {
  const byPosition = new Map<string, (P | null)[]>();
  documents.forEach((points, d) => {
    for (const point of points) {
      const row = byPosition.get(point.position.id) ?? documents.map(() => null);
      // A document with two points on one position: its first one counts.
      if (row[d] === null) row[d] = point;
      byPosition.set(point.position.id, row);
    }
  });
  const shared = [...byPosition].filter(([, row]) => row.every((p) => p !== null)).map(([id]) => id);
  const rank = documents.map((points) => {
    const inShared = [...new Map(points.filter((p) => shared.includes(p.position.id)).map((p) => [p.position.id, p])).values()];
    inShared.sort((a, b) => a.order - b.order);
    return new Map(inShared.map((p, i) => [p.position.id, i]));
  });

  const paired = new Map<string, { positions: string[]; points: (P | null)[] }>();
  const merged = new Set<string>();
  for (const [a, b] of opposed) {
    const rowA = byPosition.get(a);
    const rowB = byPosition.get(b);
    if (!rowA || !rowB || a === b || merged.has(a) || merged.has(b)) continue;
    const disjoint = rowA.every((p, d) => p === null || rowB[d] === null);
    const affirmed = [...rowA, ...rowB].every((p) => p === null || p.family !== 'rejection');
    if (!disjoint || !affirmed) continue;
    const points = rowA.map((p, d) => p ?? rowB[d] ?? null);
    const first = points.find((p) => p !== null)!.position.id;
    paired.set(first, { positions: first === a ? [a, b] : [b, a], points });
    merged.add(a).add(b);
  }
  const entries: [string, { positions: string[]; points: (P | null)[] }][] = [
    ...[...byPosition].filter(([id]) => !merged.has(id)).map(([id, points]) => [id, { positions: [id], points }] as [string, { positions: string[]; points: (P | null)[] }]),
    ...paired,
  ];

  const rows = entries.map(([position, { positions, points }]): AlignedRow<P> => {
    const held = points.filter((p): p is P => p !== null);
    const first = held[0]!;
    const base = { position, positions, topic: first.topic, points };
    if (positions.length > 1) return { ...base, kind: 'contradiction', differences: [] };
    if (held.length < documents.length) return { ...base, kind: 'gap', differences: [] };
    if (held.some((a) => held.some((b) => opposite(a.family, b.family)))) return { ...base, kind: 'contradiction', differences: [] };
    const differences: PointDifference[] = [];
    if (held.some((p) => p.type !== first.type)) differences.push('stance');
    if (held.some((p) => !sameCondition(p.condition, first.condition))) differences.push('condition');
    if (rank.some((r) => r.get(position) !== rank[0]!.get(position))) differences.push('order');
    return { ...base, kind: differences.length > 0 ? 'difference' : 'common', differences };
  });

  const earliest = (row: AlignedRow<P>) => {
    const d = row.points.findIndex((p) => p !== null);
    return d * 100_000 + row.points[d]!.order;
  };
  return rows.sort((a, b) => POINT_TOPICS.indexOf(a.topic) - POINT_TOPICS.indexOf(b.topic) || earliest(a) - earliest(b));
}
