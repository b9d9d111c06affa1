import type { z } from 'zod';
import type { sourcePayloadSchema } from '../../server/contract/sourcePayload.ts';

/**
 * A valid source large enough that its one write transaction is still open when a fault test
 * strikes: `positions` new positions, each taken by the seed's two parties, with quotes.
 */
export function largeSourcePayload(sourceId: string, positions: number): z.input<typeof sourcePayloadSchema> {
  const slug = sourceId.replace(/^source:/, '');
  const positionIds = Array.from({ length: positions }, (_, i) => `position:${slug}-${i}`);
  return {
    source: { id: sourceId, title: `Fault-test source ${slug}`, kind: 'document' as const, publishedAt: '2025-07-01', language: 'en' },
    entities: positionIds.map((id, i) => ({
      id,
      type: 'Position' as const,
      name: `Clause ${i} of ${slug}`,
      description: `Synthetic clause ${i}, written by a fault test.`,
      category: 'diplomatic' as const,
      aliases: [],
    })),
    stances: positionIds.flatMap((target, i) =>
      (['party:russia', 'party:ukraine'] as const).map((actor) => ({
        id: `stance:${slug}-${actor.slice('party:'.length)}-${i}`,
        actor,
        type: i % 2 === 0 ? ('proposed' as const) : ('rejected' as const),
        target,
        date: '2025-07-01',
        datePrecision: 'day' as const,
        confidence: 0.9,
        evidence: [{ quote: `We stand by clause ${i}, said ${actor}.`, reporting: 'first-hand' as const }],
      })),
    ),
    relations: [],
  };
}
