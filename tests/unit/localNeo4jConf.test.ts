import { describe, expect, it } from 'vitest';
import { transactionMemoryCaps } from '../../server/neo4j/localNeo4j.ts';

describe('transactionMemoryCaps', () => {
  it('lets all transactions take 70% of the heap and one transaction the configured amount', () => {
    expect(transactionMemoryCaps('512m', '256m')).toEqual({ total: '358m', each: '256m' });
    expect(transactionMemoryCaps('2g', '1g')).toEqual({ total: '1433m', each: '1024m' });
  });

  it('never lets one transaction have more than the pool of all of them', () => {
    expect(transactionMemoryCaps('256m', '1g')).toEqual({ total: '179m', each: '179m' });
  });
});
