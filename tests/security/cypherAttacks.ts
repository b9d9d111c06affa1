/**
 * The attack corpus against POST /api/cypher: every way we know to make the read-only console
 * write, administer the server, read files or URLs, or exhaust it. Each case names the refusal
 * it must get: status, error code and a fragment of the message that says why.
 * console-attacks.test.ts runs them all against the real app and Neo4j.
 */

export type AttackCategory =
  | 'write clause'
  | 'LOAD CSV'
  | 'IN TRANSACTIONS'
  | 'procedure'
  | 'schema and administration'
  | 'several statements'
  | 'comments and Unicode'
  | 'parameter smuggling'
  | 'runaway query'
  | 'oversized request'
  | 'malformed request';

export interface AttackCase {
  category: AttackCategory;
  name: string;
  /** A query with its parameters, or, for requests malformed as a whole, a body sent as is. */
  request: { query: string; params?: unknown } | { contentType: string; body: () => string };
  status: 400 | 403 | 408 | 413 | 415 | 422;
  code: string;
  /** Part of the error message that names the reason. */
  reason: RegExp;
}

type Refusal = Pick<AttackCase, 'status' | 'code' | 'reason'>;

const NOT_A_READ: Refusal = { status: 403, code: 'read_only', reason: /only runs read queries; this one is of type (w|rw|s) / };
const LOAD_CSV: Refusal = { status: 403, code: 'read_only', reason: /LOAD CSV is not allowed/ };
const IN_TRANSACTIONS: Refusal = { status: 403, code: 'read_only', reason: /IN TRANSACTIONS is not allowed/ };
const PROCEDURE: Refusal = { status: 403, code: 'read_only', reason: /The procedure [\w.]+ is not allowed in the console/ };
const COMMAND: Refusal = { status: 403, code: 'read_only', reason: /The administration command \w+ is not allowed/ };
const UNSUPPORTED_COMMAND: Refusal = { status: 403, code: 'read_only', reason: /only runs read queries: Unsupported administration command/ };
const SYNTAX: Refusal = { status: 400, code: 'cypher_syntax_error', reason: /^Invalid input|^invalid literal number|^Failed to parse comment/ };
const SEVERAL: Refusal = { status: 400, code: 'cypher_syntax_error', reason: /Expected exactly one statement per query but got: \d/ };
const UNKNOWN_PROCEDURE: Refusal = { status: 400, code: 'invalid_request', reason: /There is no procedure with the name/ };
const TIMEOUT: Refusal = { status: 408, code: 'query_timeout', reason: /ran longer than the console allows and was stopped/ };
const BODY_LIMIT: Refusal = { status: 413, code: 'entity_too_large', reason: /request entity too large/ };

const cases = (category: AttackCategory, refusal: Refusal, list: Array<[name: string, query: string, params?: unknown]>): AttackCase[] =>
  list.map(([name, query, params]) => ({ category, name, request: { query, ...(params === undefined ? {} : { params }) }, ...refusal }));

const rawCases = (category: AttackCategory, refusal: Refusal, list: Array<[name: string, contentType: string, body: () => string]>): AttackCase[] =>
  list.map(([name, contentType, body]) => ({ category, name, request: { contentType, body }, ...refusal }));

/** `size` characters of a valid read query, so only its size is wrong. */
function queryOfSize(size: number): string {
  const head = 'RETURN 1 AS one // ';
  return head + 'x'.repeat(size - head.length);
}

const MEGABYTE = 1024 * 1024;

export const cypherAttacks: AttackCase[] = [
  ...cases('write clause', NOT_A_READ, [
    ['CREATE a node', "CREATE (n:Intruder {id: 'intruder:1'}) RETURN n"],
    ['CREATE a relationship between existing nodes', "MATCH (a:Party {id: 'party:russia'}), (b:Party {id: 'party:ukraine'}) CREATE (a)-[:ALLIED_WITH]->(b)"],
    ['CREATE a whole path', 'CREATE p = (:Intruder)-[:OWNS]->(:Intruder) RETURN p'],
    ['CREATE in lower case', 'create (n:Intruder) return n'],
    ['CREATE in mixed case', 'CrEaTe (n:Intruder) ReTuRn n'],
    ['MERGE a node', "MERGE (n:Entity {id: 'party:russia'}) RETURN n"],
    ['MERGE with ON CREATE SET', "MERGE (n:Intruder {id: 'intruder:2'}) ON CREATE SET n.created = timestamp() RETURN n"],
    ['MERGE with ON MATCH SET', "MERGE (n:Entity {id: 'party:russia'}) ON MATCH SET n.name = 'Changed' RETURN n"],
    ['MERGE a relationship', "MATCH (a:Party), (b:Position) MERGE (a)-[:SUPPORTS]->(b)"],
    ['SET a property', "MATCH (n:Party) SET n.name = 'Changed'"],
    ['SET a label', 'MATCH (n:Party) SET n:Compromised'],
    ['SET all properties from a map', 'MATCH (n:Party) SET n = {}'],
    ['SET += a map', "MATCH (n:Stance) SET n += {type: 'agreed'}"],
    ['SET a relationship property', 'MATCH ()-[r]->() SET r.weight = 0'],
    ['SET a property to null (a removal)', 'MATCH (n:Position) SET n.name = null'],
    ['REMOVE a property', 'MATCH (n:Party) REMOVE n.name'],
    ['REMOVE a label', 'MATCH (n:Party) REMOVE n:Party'],
    ['REMOVE the Entity label', 'MATCH (n) REMOVE n:Entity'],
    ['DELETE relationships', 'MATCH ()-[r]->() DELETE r'],
    ['DELETE a lone node', "MATCH (n:Source) WHERE NOT (n)--() DELETE n"],
    ['DETACH DELETE everything', 'MATCH (n) DETACH DELETE n'],
    ['DETACH DELETE the evidence only', 'MATCH (e:Evidence) DETACH DELETE e'],
    ['NODETACH DELETE', 'MATCH (n:Place) NODETACH DELETE n'],
    ['DELETE hidden behind WITH', 'MATCH (n) WITH n LIMIT 1 DETACH DELETE n RETURN count(*) AS c'],
    ['FOREACH with CREATE', 'FOREACH (i IN range(1, 3) | CREATE (:Intruder {i: i}))'],
    ['FOREACH with SET', "MATCH (n:Party) WITH collect(n) AS parties FOREACH (p IN parties | SET p.name = 'x')"],
    ['FOREACH with DELETE', 'MATCH (n:Evidence) WITH collect(n) AS all FOREACH (e IN all | DETACH DELETE e)'],
    ['FOREACH with MERGE', "FOREACH (id IN ['a:1', 'a:2'] | MERGE (:Entity {id: id}))"],
    ['nested FOREACH with REMOVE', 'MATCH (n:Party) WITH collect(n) AS ps FOREACH (a IN ps | FOREACH (b IN [a] | REMOVE b.aliases))'],
    ['write inside CALL subquery', 'MATCH (n:Party) CALL (n) { SET n.touched = true } RETURN count(*) AS c'],
    ['write inside an old-style CALL subquery', 'MATCH (n:Party) CALL { WITH n DETACH DELETE n } RETURN count(*) AS c'],
    ['write after a read in the same query', 'MATCH (n:Party) WITH count(n) AS c CREATE (:Intruder {c: c}) RETURN c'],
    ['write in one UNION branch', 'MATCH (n:Party) RETURN n.id AS id UNION CREATE (m:Intruder {id: "x"}) RETURN m.id AS id'],
    ['CREATE behind a CYPHER runtime option', 'CYPHER runtime=slotted CREATE (n:Intruder) RETURN n'],
    ['CREATE behind CYPHER 5', 'CYPHER 5 MATCH (n:Party) SET n.name = "x"'],
    ['CREATE behind an EXPLAIN prefix', 'EXPLAIN CREATE (n:Intruder)'],
    ['write through CASE-chosen value', "MATCH (n:Party) SET n.name = CASE WHEN n.id = 'party:russia' THEN 'x' ELSE n.name END"],
    ['write procedure db.createLabel', "CALL db.createLabel('Intruder')"],
    ['write procedure db.createRelationshipType', "CALL db.createRelationshipType('INTRUDES')"],
    ['write procedure db.createProperty', "CALL db.createProperty('intruder')"],
    ['write procedure db.create.setNodeVectorProperty', "MATCH (n:Party) CALL db.create.setNodeVectorProperty(n, 'embedding', [1.0, 2.0])"],
  ]),

  ...cases('LOAD CSV', LOAD_CSV, [
    ['from a local file', "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line"],
    ['from a local file with headers', "LOAD CSV WITH HEADERS FROM 'file:///etc/hosts' AS row RETURN row"],
    ['from the import folder', "LOAD CSV FROM 'file:///password' AS line RETURN line"],
    ['from an http URL', "LOAD CSV FROM 'http://127.0.0.1:1/x.csv' AS line RETURN line"],
    ['from an https URL', "LOAD CSV FROM 'https://example.com/x.csv' AS line RETURN line"],
    ['from an ftp URL', "LOAD CSV FROM 'ftp://example.com/x.csv' AS line RETURN line"],
    ['with a field terminator', "LOAD CSV FROM 'file:///etc/shadow' AS line FIELDTERMINATOR ';' RETURN line"],
    ['with the URL in a parameter', 'LOAD CSV FROM $url AS line RETURN line', { url: 'file:///etc/passwd' }],
    ['in lower case', "load csv from 'file:///etc/passwd' as line return line"],
    ['with a comment between the keywords', 'LOAD /* hidden */ CSV FROM "https://example.com/x.csv" AS line RETURN line'],
    ['with a line comment and newline between the keywords', "LOAD // hidden\nCSV FROM 'file:///etc/passwd' AS line RETURN line"],
    ['with a control character Cypher counts as whitespace', "LOAD\u001cCSV FROM 'http://127.0.0.1:1/x.csv' AS line RETURN line"],
    ['inside a CALL subquery', "CALL { LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line } RETURN line"],
    ['after a MATCH', "MATCH (n:Party) LOAD CSV FROM 'file:///etc/passwd' AS line RETURN n.id, line"],
    ['used to write', "LOAD CSV FROM 'https://example.com/x.csv' AS line CREATE (:Intruder {line: line})"],
  ]),

  ...cases('IN TRANSACTIONS', IN_TRANSACTIONS, [
    ['deleting everything', 'CALL { MATCH (n) DETACH DELETE n } IN TRANSACTIONS'],
    ['with a row count', 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS'],
    ['with ON ERROR CONTINUE', 'MATCH (n) CALL (n) { SET n.x = 1 } IN TRANSACTIONS OF 1 ROW ON ERROR CONTINUE'],
    ['concurrent', 'MATCH (n) CALL (n) { DETACH DELETE n } IN 4 CONCURRENT TRANSACTIONS'],
    ['around a read only', 'CALL { MATCH (n:Party) RETURN n } IN TRANSACTIONS RETURN n'],
    ['in lower case', 'call { match (n) detach delete n } in transactions'],
    ['with a comment inside the keywords', 'CALL { MATCH (n) DETACH DELETE n } IN /* x */ TRANSACTIONS'],
    ['with a control character Cypher counts as whitespace', 'CALL { MATCH (n:Party) RETURN n }\u001cIN\u001cTRANSACTIONS RETURN n'],
  ]),

  ...cases('procedure', PROCEDURE, [
    ['db.stats.collect starts collecting every query', "CALL db.stats.collect('QUERIES')"],
    ['db.stats.retrieve reads collected queries', "CALL db.stats.retrieve('QUERIES')"],
    ['db.stats.clear', "CALL db.stats.clear('QUERIES')"],
    ['db.stats.stop', "CALL db.stats.stop('QUERIES')"],
    ['db.resampleIndex', "CALL db.resampleIndex('entity_id')"],
    ['db.resampleOutdatedIndexes', 'CALL db.resampleOutdatedIndexes()'],
    ['db.prepareForReplanning', 'CALL db.prepareForReplanning()'],
    ['db.awaitIndexes', 'CALL db.awaitIndexes(300)'],
    ['db.index.fulltext.awaitEventuallyConsistentIndexRefresh', 'CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()'],
    ['a procedure with backticked name parts', "CALL `db`.`stats`.`clear`('QUERIES')"],
    ['a procedure with spaces around the dots', "CALL db . stats . collect('QUERIES')"],
    ['a procedure inside a subquery', "MATCH (n:Party) CALL (n) { CALL db.resampleIndex('entity_id') } RETURN count(*) AS c"],
  ]),
  ...cases('procedure', NOT_A_READ, [
    ['dbms.listConfig', 'CALL dbms.listConfig()'],
    ['dbms.components', 'CALL dbms.components()'],
    ['dbms.listConfig with backticks', 'CALL `dbms`.listConfig()'],
    ['dbms.info', 'CALL dbms.info()'],
    ['db.clearQueryCaches', 'CALL db.clearQueryCaches()'],
    ['tx.setMetaData', "CALL tx.setMetaData({app: 'intruder'})"],
  ]),
  ...cases('procedure', UNKNOWN_PROCEDURE, [
    ['apoc.cypher.runWrite (no plugins are installed)', "CALL apoc.cypher.runWrite('MATCH (n) DETACH DELETE n', {})"],
    ['dbms.setConfigValue (Enterprise only)', "CALL dbms.setConfigValue('db.transaction.timeout', '0')"],
    ['dbms.security.createUser (removed in Neo4j 5)', "CALL dbms.security.createUser('intruder', 'secret', false)"],
    ['dbms.killQueries (removed in Neo4j 5)', "CALL dbms.killQueries(['query-1'])"],
  ]),

  ...cases('schema and administration', NOT_A_READ, [
    ['CREATE INDEX', 'CREATE INDEX intruder FOR (n:Intruder) ON (n.x)'],
    ['CREATE FULLTEXT INDEX', 'CREATE FULLTEXT INDEX intruder_text FOR (n:Party) ON EACH [n.name]'],
    ['CREATE TEXT INDEX', 'CREATE TEXT INDEX intruder_text2 FOR (n:Party) ON (n.name)'],
    ['CREATE POINT INDEX', 'CREATE POINT INDEX intruder_point FOR (n:Place) ON (n.location)'],
    ['CREATE LOOKUP INDEX', 'CREATE LOOKUP INDEX intruder_lookup FOR ()-[r]-() ON EACH type(r)'],
    ['DROP INDEX', 'DROP INDEX entity_names'],
    ['DROP INDEX IF EXISTS', 'DROP INDEX stance_date IF EXISTS'],
    ['CREATE CONSTRAINT', 'CREATE CONSTRAINT intruder_unique FOR (n:Party) REQUIRE n.name IS UNIQUE'],
    ['DROP CONSTRAINT', 'DROP CONSTRAINT entity_id'],
    ['CREATE USER', "CREATE USER intruder SET PASSWORD 'secret-password'"],
    ['DROP USER', 'DROP USER neo4j'],
    ['ALTER USER', "ALTER USER neo4j SET PASSWORD 'taken-over'"],
    ['ALTER CURRENT USER', "ALTER CURRENT USER SET PASSWORD FROM 'old-secret' TO 'new-secret'"],
    ['SHOW USERS', 'SHOW USERS'],
    ['SHOW CURRENT USER', 'SHOW CURRENT USER'],
    ['SHOW DATABASES', 'SHOW DATABASES'],
  ]),
  ...cases('schema and administration', COMMAND, [
    ['SHOW TRANSACTIONS shows other sessions\u2019 queries', 'SHOW TRANSACTIONS'],
    ['SHOW TRANSACTIONS with YIELD and RETURN', 'SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery'],
    ['TERMINATE TRANSACTIONS stops other sessions\u2019 work', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'"],
    ['TERMINATE TRANSACTIONS fed by a SHOW', "SHOW TRANSACTIONS YIELD transactionId AS id WHERE id <> '' TERMINATE TRANSACTIONS id YIELD message RETURN message"],
    ['SHOW SETTINGS shows files and ports', 'SHOW SETTINGS'],
    ['SHOW SETTINGS narrowed to directories', "SHOW SETTINGS YIELD name, value WHERE name CONTAINS 'directories' RETURN name, value"],
  ]),
  ...cases('schema and administration', UNSUPPORTED_COMMAND, [
    ['CREATE DATABASE', 'CREATE DATABASE intruder'],
    ['DROP DATABASE', 'DROP DATABASE neo4j'],
    ['STOP DATABASE', 'STOP DATABASE neo4j'],
    ['START DATABASE', 'START DATABASE neo4j'],
    ['SHOW PRIVILEGES', 'SHOW PRIVILEGES'],
    ['SHOW SERVERS', 'SHOW SERVERS'],
    ['CREATE ROLE', 'CREATE ROLE intruder'],
    ['GRANT ROLE', 'GRANT ROLE admin TO neo4j'],
  ]),
  ...cases('schema and administration', { status: 400, code: 'cypher_syntax_error', reason: /The `USE` clause is not required/ }, [
    ['USE system to reach the users', 'USE system SHOW USERS'],
  ]),
  ...cases('schema and administration', { status: 400, code: 'invalid_request', reason: /unsupported clauses were used: MATCH/ }, [
    ['USE system to read the system graph', 'USE system MATCH (n) RETURN n'],
  ]),

  ...cases('several statements', SEVERAL, [
    ['a read then a write', 'MATCH (n) RETURN n LIMIT 1; CREATE (x:Intruder)'],
    ['a read then DETACH DELETE on the next line', 'RETURN 1;\nMATCH (n) DETACH DELETE n'],
    ['a write hidden after a comment holding a semicolon', 'RETURN 1 /* ; */; CREATE (n:Intruder)'],
    ['three statements', 'RETURN 1; RETURN 2; MATCH (n) DETACH DELETE n'],
    ['a read then a schema command', 'MATCH (n:Party) RETURN n.id; DROP CONSTRAINT entity_id'],
    ['a read then an administration command', "RETURN 1; CREATE USER intruder SET PASSWORD 'secret-password'"],
  ]),
  ...cases('several statements', NOT_A_READ, [
    ['a write with a trailing semicolon', 'MATCH (n) DETACH DELETE n;'],
  ]),

  ...cases('comments and Unicode', NOT_A_READ, [
    ['a write after a block comment that mentions RETURN', 'MATCH (n) /* RETURN n */ SET n.x = 1'],
    ['a write after a line comment', 'MATCH (n:Party) // just reading\nSET n.name = "x"'],
    ['a write with the label in backticks', 'MATCH (n:`Party`) SET n.`name` = "x"'],
    ['a write on a variable named like a keyword', 'MATCH (`RETURN`:Party) SET `RETURN`.name = "x"'],
    ['a no-break space after CREATE', 'CREATE\u00a0(n:Intruder)'],
    ['an ideographic space inside DETACH DELETE', 'MATCH (n) DETACH\u3000DELETE n'],
    ['a write whose string holds a closing comment', "MATCH (n:Party) WHERE n.name <> '*/' SET n.name = '/*'"],
    ['a write behind a byte-order mark', '\ufeffCREATE (n:Intruder)'],
    ['a write with a Unicode-escaped label', 'CREATE (n:`Intr\u0075der`)'],
    ['a write with a right-to-left override in a string', "CREATE (n:Intruder {name: '\u202eredurtnI'})"],
  ]),
  ...cases('comments and Unicode', SYNTAX, [
    ['a block comment splitting CREATE', 'CRE/**/ATE (n:Intruder)'],
    ['a zero-width space inside CREATE', 'CRE\u200bATE (n:Intruder)'],
    ['full-width letters', '\uff23\uff32\uff25\uff21\uff34\uff25 (n:Intruder)'],
    ['a Cyrillic homoglyph in DELETE', 'MATCH (n) DETACH D\u0415LETE n'],
    ['a NUL byte before the write', 'RETURN 1\u0000 CREATE (n:Intruder)'],
    ['an unterminated block comment hiding the rest', 'MATCH (n) /* CREATE (m) RETURN m'],
  ]),

  ...cases('parameter smuggling', NOT_A_READ, [
    ['a dynamic label from a parameter', 'MATCH (n:Party) SET n:$($label)', { label: 'Compromised' }],
    ['a property map from a parameter', 'MATCH (n:Party) SET n += $props', { props: { name: 'Changed' } }],
    ['rows from a parameter written with UNWIND', 'UNWIND $rows AS row CREATE (n:Intruder) SET n = row', { rows: [{ id: 'intruder:3' }] }],
    ['a MERGE keyed by a parameter', 'MERGE (n:Entity {id: $id}) RETURN n', { id: 'party:russia' }],
    ['a write procedure fed a parameter', 'CALL db.createLabel($label)', { label: 'Intruder' }],
  ]),
  ...cases('parameter smuggling', UNKNOWN_PROCEDURE, [
    ['Cypher in a parameter run by apoc.cypher.run', 'CALL apoc.cypher.run($cypher, {})', { cypher: 'MATCH (n) DETACH DELETE n' }],
  ]),
  ...cases('parameter smuggling', { status: 400, code: 'invalid_request', reason: /Invalid body parameter params/ }, [
    ['parameters as a Cypher string instead of a map', 'RETURN $x AS x', 'MATCH (n) DETACH DELETE n'],
    ['parameters as a list', 'RETURN $x AS x', ['x', 'MATCH (n) DETACH DELETE n']],
  ]),
  ...rawCases(
    'parameter smuggling',
    { status: 400, code: 'invalid_request', reason: /Invalid body parameter params: must not nest deeper than 32 levels/ },
    // Built as text: JSON.stringify itself overflows the stack on the deepest one.
    [64, 5_000, 100_000].map((depth) => [
      `a parameter nested ${depth} levels deep`,
      'application/json',
      () => `{"query":"RETURN $p AS p","params":{"p":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}`,
    ]),
  ),
  ...cases('parameter smuggling', { status: 400, code: 'invalid_request', reason: /Expected parameter\(s\): / }, [
    ['a parameter name that holds Cypher but is never sent', 'RETURN $`x}) DETACH DELETE n //` AS x'],
  ]),

  ...cases('runaway query', TIMEOUT, [
    ['a cartesian product of four scans', 'MATCH (a), (b), (c), (d) WHERE a.id <> b.id AND c.id <> d.id RETURN count(*) AS c'],
    ['a cartesian product of five scans compared as strings', "MATCH (a), (b), (c), (d), (e) WHERE a.id + b.id + c.id + d.id + e.id = 'never' RETURN count(*) AS c"],
    ['an unbounded variable-length path', 'MATCH p = (a)-[*]-(b) RETURN count(p) AS c'],
    ['a variable-length path up to 30 hops', 'MATCH p = (a)-[*1..30]-(b) RETURN count(p) AS c'],
    ['a zero-or-more directed path', 'MATCH p = (a)-[*0..]->(b) RETURN count(p) AS c'],
    ['all paths between parties', 'MATCH p = (a:Party)-[*]-(b:Party) RETURN max(length(p)) AS m'],
    ['a quantified path pattern', 'MATCH p = (a)(()--()){1,40}(b) RETURN count(p) AS c'],
    ['a billion-row UNWIND', 'UNWIND range(1, 1000000000) AS x RETURN sum(x) AS s'],
    ['a cube of collected nodes', 'MATCH (a) WITH collect(a) AS all UNWIND all AS x UNWIND all AS y UNWIND all AS z UNWIND all AS w RETURN count(*) AS c'],
  ]),
  {
    category: 'runaway query',
    name: 'a string doubled until Neo4j runs out of heap',
    request: { query: 'RETURN size(reduce(s = "x", i IN range(1, 32) | s + s)) AS s' },
    status: 422,
    code: 'query_too_large',
    reason: /needs more memory than Neo4j can give it/,
  },
  {
    category: 'runaway query',
    name: 'shortestPath between a node and itself',
    request: { query: 'MATCH p = shortestPath((a)-[*]-(b)) RETURN count(p) AS c' },
    status: 422,
    code: 'query_failed',
    reason: /shortest path algorithm does not work when the start and end nodes are the same/,
  },

  ...cases('oversized request', BODY_LIMIT, [
    ['a 6 MB query', queryOfSize(6 * MEGABYTE)],
    ['a 20 MB query', queryOfSize(20 * MEGABYTE)],
    ['a small query with 6 MB of parameters', 'RETURN size($blob) AS n', { blob: 'x'.repeat(6 * MEGABYTE) }],
  ]),
  ...cases('oversized request', { status: 400, code: 'invalid_request', reason: /Invalid body parameter query: Too big/ }, [
    ['a 1 MB query under the body limit but over the query limit', queryOfSize(MEGABYTE)],
    ['a 20 001-character query', queryOfSize(20_001)],
  ]),

  ...rawCases('malformed request', { status: 400, code: 'entity_parse_failed', reason: /JSON/ }, [
    ['invalid JSON', 'application/json', () => '{"query": "MATCH (n) DETACH DELETE n"'],
    ['a JSON body that is a bare string', 'application/json', () => JSON.stringify('MATCH (n) DETACH DELETE n')],
  ]),
  ...rawCases('malformed request', { status: 400, code: 'invalid_request', reason: /body must be JSON/ }, [
    ['Cypher sent as plain text', 'text/plain', () => 'MATCH (n) DETACH DELETE n'],
    ['Cypher sent as a form', 'application/x-www-form-urlencoded', () => 'query=MATCH%20(n)%20DETACH%20DELETE%20n'],
  ]),
  ...rawCases('malformed request', { status: 400, code: 'invalid_request', reason: /Invalid body parameter query/ }, [
    ['the query as a list of statements', 'application/json', () => JSON.stringify({ query: ['RETURN 1', 'MATCH (n) DETACH DELETE n'] })],
    ['an empty query after trimming', 'application/json', () => JSON.stringify({ query: ' \n\t ' })],
  ]),
  ...rawCases('malformed request', { status: 400, code: 'invalid_request', reason: /Invalid body parameter limit/ }, [
    ['a negative row limit', 'application/json', () => JSON.stringify({ query: 'MATCH (n) RETURN n', limit: -1 })],
  ]),
];
