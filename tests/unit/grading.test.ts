import { describe, expect, it } from 'vitest';
import { gradeFilterSchema, gradeSchema } from '../../server/contract/common.ts';
import { isAdmissible, isGradeFilterSet, meetsMinimum, readGrade } from '../../server/core/grading.ts';
import { derivedPublisherId, parsePayload, planIngestion } from '../../server/features/sources/ingest.ts';
import { independentPaper, stateWire, ungradedBlog } from '../fixtures/gradedSources.ts';

describe('reading an Admiralty grade', () => {
  it('accepts "B2" in any case and {reliability, credibility}, and gives "B2" for both', () => {
    expect(gradeSchema.parse('B2')).toBe('B2');
    expect(gradeSchema.parse(' c4 ')).toBe('C4');
    expect(gradeSchema.parse({ reliability: 'F', credibility: 6 })).toBe('F6');
  });

  it('refuses what is not a grade', () => {
    for (const bad of ['G1', 'A0', 'A7', 'AB', 'A12', '', { reliability: 'A', credibility: 7 }, { reliability: 'a', credibility: 1 }, { reliability: 'A' }]) {
      expect(gradeSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('reads a missing or malformed stored grade as F6, cannot be judged', () => {
    expect(readGrade('B2')).toEqual({ reliability: 'B', credibility: 2 });
    expect(readGrade(null)).toEqual({ reliability: 'F', credibility: 6 });
    expect(readGrade('Z9')).toEqual({ reliability: 'F', credibility: 6 });
  });
});

describe('comparing a grade with minimums', () => {
  it('counts a grade at least as good as the minimum (A and 1 best) and nothing worse', () => {
    expect(meetsMinimum(readGrade('B2'), { minReliability: 'B' })).toBe(true);
    expect(meetsMinimum(readGrade('A5'), { minReliability: 'B' })).toBe(true);
    expect(meetsMinimum(readGrade('C1'), { minReliability: 'B' })).toBe(false);
    expect(meetsMinimum(readGrade('C3'), { minCredibility: 3 })).toBe(true);
    expect(meetsMinimum(readGrade('A4'), { minCredibility: 3 })).toBe(false);
    expect(meetsMinimum(readGrade('B2'), { minReliability: 'B', minCredibility: 1 })).toBe(false);
  });

  it('leaves an ungraded source out of any minimum but F and 6', () => {
    expect(meetsMinimum(readGrade(null), { minReliability: 'E' })).toBe(false);
    expect(meetsMinimum(readGrade(null), { minCredibility: 5 })).toBe(false);
    expect(meetsMinimum(readGrade(null), { minReliability: 'F', minCredibility: 6 })).toBe(true);
    expect(meetsMinimum(readGrade(null), {})).toBe(true);
  });

  it('leaves out a source whose publisher is affiliated with the excluded party, whatever its grade', () => {
    const stateMedia = { grade: 'A1', affiliations: ['party:southland'] };
    expect(isAdmissible(stateMedia, { excludeAffiliatedWith: 'party:southland' })).toBe(false);
    expect(isAdmissible(stateMedia, { excludeAffiliatedWith: 'party:northland' })).toBe(true);
    expect(isAdmissible({ grade: null, affiliations: [] }, { excludeAffiliatedWith: 'party:southland' })).toBe(true);
  });

  it('parses the query parameters, and knows when none is set', () => {
    expect(gradeFilterSchema.parse({ minReliability: 'C', minCredibility: '4' })).toEqual({ minReliability: 'C', minCredibility: 4 });
    expect(gradeFilterSchema.safeParse({ minReliability: 'c' }).success).toBe(false);
    expect(gradeFilterSchema.safeParse({ excludeAffiliatedWith: 'official:someone' }).success).toBe(false);
    expect(isGradeFilterSet(gradeFilterSchema.parse({}))).toBe(false);
    expect(isGradeFilterSet({ minCredibility: 6 })).toBe(true);
  });
});

describe('planning a source with its publisher', () => {
  it('declares the publisher as an entity, links the source to it and it to the party it is affiliated with', () => {
    const { plan } = planIngestion(parsePayload(stateWire()));
    expect(plan.entities).toContainEqual(
      expect.objectContaining({ id: 'publisher:southland-state-wire', type: 'Publisher', keepExisting: false, props: expect.objectContaining({ name: 'Southland State Wire', country: 'Southland' }) }),
    );
    expect(plan.links).toContainEqual(expect.objectContaining({ from: stateWire().source.id, type: 'PUBLISHED_BY', to: 'publisher:southland-state-wire' }));
    expect(plan.links).toContainEqual(expect.objectContaining({ from: 'publisher:southland-state-wire', type: 'AFFILIATED_WITH', to: 'party:southland' }));
    expect(plan.source).toMatchObject({ grade: 'C3' });
    expect(plan.source).not.toHaveProperty('publishedBy');
  });

  it('derives a publisher from a free-text name without overwriting one declared under the same id', () => {
    const { plan } = planIngestion(parsePayload(ungradedBlog()));
    expect(plan.entities).toContainEqual({ id: 'publisher:harbour-watch', type: 'Publisher', date: null, keepExisting: true, props: { name: 'Harbour Watch', aliases: [], aliasText: '' } });
    expect(plan.links).toContainEqual(expect.objectContaining({ type: 'PUBLISHED_BY', to: 'publisher:harbour-watch' }));
    expect(plan.source).not.toHaveProperty('grade');
  });

  it('references an existing publisher by id, which must then resolve', () => {
    const payload = independentPaper();
    const { plan, references } = planIngestion(parsePayload({ ...payload, source: { ...payload.source, publishedBy: 'publisher:coastal-gazette' } }));
    expect(plan.entities.some((e) => e.type === 'Publisher')).toBe(false);
    expect(references).toContainEqual({ path: 'source.publishedBy', id: 'publisher:coastal-gazette', allowed: ['Publisher'] });
  });

  it('folds a name into an id, and hashes one with no Latin letters or digits', () => {
    expect(derivedPublisherId('Agence France-Presse')).toBe('publisher:agence-france-presse');
    expect(derivedPublisherId('Türkiye Gazetesi')).toBe('publisher:turkiye-gazetesi');
    expect(derivedPublisherId('ТАСС')).toMatch(/^publisher:[0-9a-f]{12}$/);
    expect(derivedPublisherId('ТАСС')).toBe(derivedPublisherId('ТАСС'));
  });
});
