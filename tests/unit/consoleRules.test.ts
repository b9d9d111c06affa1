/**
 * The console's refusal rules on their own: the text check before planning, and the judgement
 * of a plan's operators (tests/security/console-attacks.test.ts runs the same rules through Neo4j).
 */
import { describe, expect, it } from 'vitest';
import type { PlanOperator } from '../../server/db/console.ts';
import { refuseForbiddenClauses, refuseForbiddenOperators } from '../../server/features/console/console.ts';
import { ForbiddenError } from '../../server/errors.ts';

const refusal = (run: () => void) => {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ForbiddenError);
    return (err as ForbiddenError).message;
  }
  return null;
};
const op = (type: string, details = ''): PlanOperator => ({ type, details });

describe('refuseForbiddenClauses', () => {
  it.each([
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    'load\tcsv with headers from $url as r return r',
    'CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN 1',
    'CALL { MATCH (n) RETURN n } IN 4 CONCURRENT TRANSACTIONS RETURN 1',
    'CALL { MATCH (n) RETURN n } in transactions of 10 rows RETURN 1',
  ])('refuses %s', (query) => {
    expect(refusal(() => refuseForbiddenClauses(query))).toMatch(/not allowed in the console/);
  });

  it.each([
    'MATCH (n) RETURN n',
    "MATCH (n {name: 'LOAD CSV'}) RETURN n",
    'MATCH (n) // LOAD CSV in a comment\nRETURN n',
    'MATCH (n) /* IN TRANSACTIONS */ RETURN n',
    'MATCH (`LOAD CSV`) RETURN 1',
  ])('lets %s through: the words are inside a string, comment or name', (query) => {
    expect(refusal(() => refuseForbiddenClauses(query))).toBeNull();
  });
});

describe('refuseForbiddenOperators', () => {
  it('lets plain reads and describing procedures and commands through', () => {
    const plan = [op('ProduceResults'), op('Expand(All)'), op('NodeByLabelScan'), op('ProcedureCall', 'db.labels() :: (label :: STRING)'), op('ShowIndexes')];
    expect(refusal(() => refuseForbiddenOperators(plan))).toBeNull();
  });

  it.each([
    [op('LoadCSV'), /LOAD CSV/],
    [op('TransactionApply'), /IN TRANSACTIONS/],
    [op('TransactionForeach'), /IN TRANSACTIONS/],
    [op('ProcedureCall', 'dbms.listConfig() :: (name :: STRING)'), /procedure dbms\.listConfig is not allowed/],
    [op('ProcedureCall', 'db.stats.collect(section :: STRING)'), /procedure db\.stats\.collect is not allowed/],
    [op('ShowTransactions'), /ShowTransactions is not allowed/],
    [op('TerminateTransactions'), /TerminateTransactions is not allowed/],
    [op('ShowSettings'), /ShowSettings is not allowed/],
  ])('refuses a plan holding %o', (operator, reason) => {
    expect(refusal(() => refuseForbiddenOperators([op('ProduceResults'), operator]))).toMatch(reason);
  });
});
