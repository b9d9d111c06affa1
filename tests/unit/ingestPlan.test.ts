import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linksNoLongerClaimed, parsePayload, planIngestion } from '../../server/features/sources/ingest.ts';
import { seedFiles } from '../../server/features/sources/seed.ts';

const article = () => JSON.parse(fs.readFileSync(seedFiles()[0]!, 'utf8'));

describe('planIngestion', () => {
  it('gives the same evidence ids for the same payload, so re-ingesting merges instead of duplicating', () => {
    const first = planIngestion(parsePayload(article())).plan.evidence.map((e) => e.id);
    const second = planIngestion(parsePayload(article())).plan.evidence.map((e) => e.id);
    expect(first).toEqual(second);
    expect(new Set(first).size).toBe(first.length);
  });

  it('turns links into relationships from the allow-list and stances into their family and CAMEO code', () => {
    const { plan } = planIngestion(parsePayload(article()));
    const rejected = plan.stances.find((s) => s.id === 'stance:russia-rejected-unconditional-ceasefire-2025-06-02');
    expect(rejected?.props).toMatchObject({ type: 'rejected', family: 'rejection', cameo: '12' });
    expect(plan.links).toContainEqual(
      expect.objectContaining({ from: 'official:dmitry-peskov', type: 'REPRESENTS', to: 'party:russia' }),
    );
    expect(plan.links).toContainEqual(
      expect.objectContaining({ from: 'position:pause-russian-offensive', type: 'HAS_PRECONDITION', to: 'position:withdrawal-from-four-regions' }),
    );
  });

  it('keeps link fields out of node properties and indexes aliases as text', () => {
    const { plan } = planIngestion(parsePayload(article()));
    const peskov = plan.entities.find((e) => e.id === 'official:dmitry-peskov')!;
    expect(peskov.props).not.toHaveProperty('party');
    const russia = plan.entities.find((e) => e.id === 'party:russia')!;
    expect(russia.props.aliasText).toContain('Kremlin');
  });

  it('refuses a payload that uses one id twice, naming both places', () => {
    const payload = article();
    payload.stances.push({ ...payload.stances[0] });
    expect(() => planIngestion(parsePayload(payload))).toThrow(/Duplicate id stance:/);
  });
});

describe('linksNoLongerClaimed', () => {
  const link = (from: string, type: string, to: string) => ({ from, type, to });

  it('names the relationships the previous version claimed and the new one does not, once each', () => {
    const previous = [link('a', 'WITHIN', 'b'), link('a', 'PART_OF', 'b'), link('c', 'WITHIN', 'b'), link('c', 'WITHIN', 'b')];
    const current = [link('a', 'WITHIN', 'b'), { ...link('x', 'SETS_OUT', 'y'), props: { note: 'ignored' } }];
    expect(linksNoLongerClaimed(previous, current)).toEqual([link('a', 'PART_OF', 'b'), link('c', 'WITHIN', 'b')]);
  });

  it('retires every relationship of the seed article when nothing is claimed any more, and none when all still are', () => {
    const { plan } = planIngestion(parsePayload(article()));
    expect(linksNoLongerClaimed(plan.links, plan.links)).toEqual([]);
    expect(linksNoLongerClaimed(plan.links, [])).toHaveLength(new Set(plan.links.map((l) => `${l.from} ${l.type} ${l.to}`)).size);
  });
});

describe('the source text', () => {
  it('is kept out of the source node the graph stores', () => {
    const payload = article();
    payload.source.text = 'The original article, kept for re-extraction.';
    expect(planIngestion(parsePayload(payload)).plan.source).not.toHaveProperty('text');
  });
});
