/** The console's pure logic: history, parameters, saved-query permalinks, templates, CSV. */
import { describe, expect, it } from 'vitest';
import { resultCsv, resultJson } from '../../client/src/console/downloads.ts';
import { HISTORY_SIZE, historyCursor, historyLabels, remember } from '../../client/src/console/history.ts';
import { missingParameters, parameterNames, parseParams } from '../../client/src/console/params.ts';
import { savedQueryFromHash, savedQueryHash, withSaved, withoutSaved } from '../../client/src/console/savedQueries.ts';
import { templateParams } from '../../client/src/console/templates.ts';
import { readPlanMode } from '../../server/features/console/plan.ts';

describe('query history', () => {
  it('keeps the last 100 distinct queries, newest first', () => {
    let list: string[] = [];
    for (let i = 0; i < HISTORY_SIZE + 20; i++) list = remember(list, `RETURN ${i}`);
    expect(list).toHaveLength(HISTORY_SIZE);
    expect(list[0]).toBe(`RETURN ${HISTORY_SIZE + 19}`);
    expect(list.at(-1)).toBe('RETURN 20');
    list = remember(list, '  RETURN 50 ');
    expect(list[0]).toBe('RETURN 50');
    expect(list.filter((q) => q === 'RETURN 50')).toHaveLength(1);
    expect(remember(list, '   ')).toEqual(list);
  });

  it('steps back through older queries and forward to the draft it left', () => {
    const list = ['RETURN 3', 'RETURN 2', 'RETURN 1'];
    const cursor = historyCursor(() => list);
    expect(cursor.forward()).toBeNull();
    expect(cursor.back('MATCH (n) RET')).toBe('RETURN 3');
    expect(cursor.back('RETURN 3')).toBe('RETURN 2');
    expect(cursor.back('RETURN 2')).toBe('RETURN 1');
    expect(cursor.back('RETURN 1')).toBeNull();
    expect(cursor.forward()).toBe('RETURN 2');
    expect(cursor.forward()).toBe('RETURN 3');
    expect(cursor.forward()).toBe('MATCH (n) RET');
    expect(cursor.forward()).toBeNull();
    cursor.back('x');
    cursor.reset();
    expect(cursor.back('y')).toBe('RETURN 3');
    cursor.reset();
    expect(cursor.back('RETURN 3')).toBe('RETURN 2');
    expect(cursor.forward()).toBe('RETURN 3');
  });
});

describe('the parameters panel', () => {
  it('accepts a JSON object, an empty panel, and names what is wrong otherwise', () => {
    expect(parseParams('{"party": "party:russia", "n": 2}')).toEqual({ ok: true, params: { party: 'party:russia', n: 2 } });
    expect(parseParams('  ')).toEqual({ ok: true, params: {} });
    expect(parseParams('{"party": ')).toMatchObject({ ok: false, message: expect.stringMatching(/not valid JSON/) });
    expect(parseParams('["party:russia"]')).toMatchObject({ ok: false, message: expect.stringMatching(/must be a JSON object/) });
  });

  it('finds the parameters a query uses, outside strings and comments', () => {
    expect(parameterNames("MATCH (p {id: $party}) WHERE p.name <> '$notOne' // $nor\nRETURN $party, $`odd name`, $limit2")).toEqual(['party', 'odd name', 'limit2']);
  });

  it('names each parameter that has no value', () => {
    expect(missingParameters('MATCH (p {id: $party}) RETURN p, $asOf', { asOf: null })).toBe(
      'The query uses $party but the parameters panel gives it no value; add "party" to the parameters.',
    );
    expect(missingParameters('RETURN $a, $b', {})).toMatch(/uses \$a, \$b but the parameters panel gives them no value/);
    expect(missingParameters('RETURN $a', { a: 1 })).toBeNull();
  });
});

describe('saved queries', () => {
  const saved = { name: 'Rejections', description: "Who rejected what, & when #1", query: 'MATCH (a)-[:TOOK]->(s:Stance {family: $f}) RETURN a, s', params: '{"f": "rejection"}' };

  it('round-trip through a permalink hash, odd characters included', () => {
    const hash = savedQueryHash(saved);
    expect(hash).toMatch(/^#mode=console&saved=/);
    expect(savedQueryFromHash(hash)).toEqual(saved);
    expect(savedQueryFromHash('#mode=console&saved=%7Bbroken')).toBeNull();
    expect(savedQueryFromHash('#mode=console&saved=%7B%22name%22%3A1%7D')).toBeNull();
    expect(savedQueryFromHash('#mode=console')).toBeNull();
  });

  it('are replaced by name and removed by name', () => {
    const other = { ...saved, name: 'Other' };
    const list = withSaved(withSaved([], saved), other);
    expect(withSaved(list, { ...saved, query: 'RETURN 1' }).map((q) => [q.name, q.query])).toEqual([['Rejections', 'RETURN 1'], ['Other', saved.query]]);
    expect(withoutSaved(list, 'Rejections')).toEqual([other]);
  });
});

describe('templates from the named questions', () => {
  const nodes = (types: readonly string[]) => (types.includes('Party') ? ['party:russia', 'party:ukraine', 'party:usa'] : types.length ? ['position:ceasefire'] : ['party:russia', 'position:ceasefire']);

  it('fill required ids from the graph, distinct for the same kind, and optional ones with null', () => {
    expect(
      templateParams(
        [
          { name: 'a', type: 'id(Party)', required: true },
          { name: 'b', type: 'id(Party)', required: true },
          { name: 'asOf', type: 'date', required: false },
          { name: 'target', type: 'id(Position|Event)', required: false },
        ],
        nodes,
      ),
    ).toEqual({ a: 'party:russia', b: 'party:ukraine', asOf: null, target: null });
    expect(templateParams([{ name: 'parties', type: 'ids(Party)', required: true }], nodes)).toEqual({ parties: ['party:russia', 'party:ukraine'] });
    expect(templateParams([{ name: 'from', type: 'id', required: true }, { name: 'to', type: 'id', required: true }], nodes)).toEqual({ from: 'party:russia', to: 'position:ceasefire' });
    expect(templateParams([{ name: 'position', type: 'id(Position)', required: true }], () => [])).toEqual({ position: null });
  });
});

describe('downloads', () => {
  const columns = ['actor', 'quote', 'count', 'node'];
  const rows = [{ actor: 'Russia', quote: 'He said, "no"\non two lines', count: 2, node: { kind: 'node', properties: { id: 'party:russia' } } }, { actor: null, quote: 'x', count: 0 }];

  it('writes CSV with a header, quoted fields and JSON for nested values', () => {
    expect(resultCsv(columns, rows)).toBe(
      'actor,quote,count,node\r\nRussia,"He said, ""no""\non two lines",2,"{""kind"":""node"",""properties"":{""id"":""party:russia""}}"\r\n,x,0,\r\n',
    );
  });

  it('writes JSON rows in column order with nulls for absent values', () => {
    expect(JSON.parse(resultJson(columns, rows))).toEqual([rows[0], { actor: null, quote: 'x', count: 0, node: null }]);
  });
});

describe('EXPLAIN and PROFILE on the server', () => {
  it('blanks the leading keyword so positions in the rest stay where the user typed them', () => {
    expect(readPlanMode('PROFILE MATCH (n) RETURN n')).toEqual({ mode: 'profile', query: '        MATCH (n) RETURN n' });
    expect(readPlanMode('  explain\nMATCH (n) RETURN n')).toEqual({ mode: 'explain', query: '         \nMATCH (n) RETURN n' });
    expect(readPlanMode('MATCH (n) RETURN n')).toEqual({ mode: 'run', query: 'MATCH (n) RETURN n' });
    // Only a keyword on its own: a variable or a comment before it leaves the text as it is, for Neo4j to judge.
    expect(readPlanMode('PROFILEx').mode).toBe('run');
    expect(readPlanMode('// PROFILE\nRETURN 1').mode).toBe('run');
  });
});

describe('history labels (issue 26: entries that looked identical when truncated)', () => {
  it('keep the end of a long query, where two long queries differ, and make every label unique', () => {
    const start = 'MATCH (a:Party)-[:TOOK]->(s:Stance)-[:ON]->(p:Position) WHERE s.date >= date("2025-06-01") AND s.family = "rejection"';
    const entries = [`${start} RETURN a.name, p.name LIMIT 25`, `${start} RETURN a.name, count(p) AS positions`, 'MATCH (n) RETURN count(n)', 'MATCH  (n)\nRETURN count(n)'];
    const labels = historyLabels(entries);
    expect(new Set(labels).size).toBe(entries.length);
    expect(labels[0]).toMatch(/LIMIT 25$/);
    expect(labels[1]).toMatch(/AS positions$/);
    expect(labels[0]!.length).toBeLessThanOrEqual(85);
    expect(labels[2]).toBe('MATCH (n) RETURN count(n) (#3)');
    // The old labels: the first 80 characters, the same for both long queries.
    expect(entries[0]!.slice(0, 80)).toBe(entries[1]!.slice(0, 80));
  });
});
