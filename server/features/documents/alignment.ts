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
 */
export function alignPoints<P extends AlignedPoint>(documents: P[][]): AlignedRow<P>[] {
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

  const rows = [...byPosition].map(([position, points]): AlignedRow<P> => {
    const held = points.filter((p): p is P => p !== null);
    const first = held[0]!;
    const base = { position, topic: first.topic, points };
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
