/**
 * The seed graph in the real Neo4j: the model's invariants and the article's key facts,
 * checked through Cypher.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { loadSeed } from '../../server/features/sources/seed.ts';
import { graphFingerprint } from '../support/fingerprint.ts';
import { resetToSeed, testDatabase, testLogger } from '../support/db.ts';

let db: Database;
beforeAll(async () => {
  db = testDatabase();
  await resetToSeed(db);
});
afterAll(() => db.close());

/** The curated article; the seed's further reports of the same round are checked in tests/unit/seedReports.test.ts. */
const ARTICLE = 'source:russia-no-quick-breakthroughs-2025-06-03';

/** Stances the article reports on a position, with the acting node, its party, the stance type and the article's quotes. */
async function stancesOn(positionId: string) {
  return db.read<{ actor: string; party: string | null; type: string; date: string; quotes: (string | null)[] }>(
    `MATCH (actor)-[:TOOK]->(s:Stance)-[:ON]->(:Position {id: $positionId})
     MATCH (s)-[:EVIDENCED_BY]->(e:Evidence)-[:FROM]->(:Source {id: $article})
     OPTIONAL MATCH (actor)-[:REPRESENTS|PART_OF]->(party:Party)
     RETURN actor.id AS actor, coalesce(party.id, CASE WHEN actor:Party THEN actor.id END) AS party,
            s.type AS type, toString(s.date) AS date, collect(e.quote) AS quotes`,
    { positionId, article: ARTICLE },
  );
}

describe('model invariants', () => {
  it('gives every stance at least one evidence item with a source and a date', async () => {
    const [row] = await db.read<{ stances: number; unsupported: string[] }>(
      `MATCH (s:Stance)
       OPTIONAL MATCH (s)-[:EVIDENCED_BY]->(e:Evidence)-[:FROM]->(src:Source)
       WITH s, count(src) AS sourced
       RETURN count(s) AS stances,
              collect(CASE WHEN sourced = 0 OR s.date IS NULL THEN s.id END) AS unsupported`,
    );
    expect(row!.stances).toBeGreaterThanOrEqual(25);
    expect(row!.unsupported).toEqual([]);
  });

  it('rolls every official up to exactly one party', async () => {
    const rows = await db.read<{ id: string; parties: number }>(
      `MATCH (o:Official) OPTIONAL MATCH (o)-[:REPRESENTS]->(p:Party) RETURN o.id AS id, count(p) AS parties`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(8);
    expect(rows.filter((r) => r.parties !== 1)).toEqual([]);
  });

  it('leaves no position orphaned: each has a stance, a relation, a document or an event', async () => {
    const orphans = await db.read<{ id: string }>(
      `MATCH (p:Position)
       WHERE NOT (p)<-[:ON]-(:Stance) AND NOT (p)-[:HAS_PRECONDITION|ALTERNATIVE_TO|CONDITIONAL_ON]-(:Position)
         AND NOT (p)<-[:SETS_OUT]-(:Document) AND NOT (p)<-[:OUTCOME]-(:Event)
       RETURN p.id AS id`,
    );
    expect(orphans).toEqual([]);
  });

  it('dates every stance and event so that as-of queries work', async () => {
    const [row] = await db.read<{ undated: number }>(
      `MATCH (n) WHERE (n:Stance OR n:Event) AND n.date IS NULL RETURN count(n) AS undated`,
    );
    expect(row!.undated).toBe(0);
  });

  it('changes no count when the seed is loaded a second time', async () => {
    const before = await graphFingerprint(db);
    await loadSeed(db, testLogger);
    expect(await graphFingerprint(db)).toEqual(before);
  });
});

describe('facts of the Istanbul talks article', () => {
  it('has the unconditional ceasefire proposed by Ukraine and rejected by Russia on 2 June 2025', async () => {
    const stances = await stancesOn('position:unconditional-ceasefire');
    expect(stances).toContainEqual(expect.objectContaining({ actor: 'party:ukraine', type: 'proposed', date: '2025-06-02' }));
    expect(stances).toContainEqual(expect.objectContaining({ actor: 'party:russia', type: 'rejected', date: '2025-06-02' }));
  });

  it('has Russia demanding withdrawal from four regions as the precondition for pausing its offensive, reported second-hand', async () => {
    const [row] = await db.read<{ type: string; reporting: string; via: string }>(
      `MATCH (:Party {id: 'party:russia'})-[:TOOK]->(s:Stance)-[:ON]->(w:Position {id: 'position:withdrawal-from-four-regions'})
       MATCH (:Position {id: 'position:pause-russian-offensive'})-[:HAS_PRECONDITION]->(w)
       MATCH (s)-[:EVIDENCED_BY]->(e:Evidence)-[:FROM]->(:Source {id: $article})
       RETURN s.type AS type, e.reporting AS reporting, e.via AS via`,
      { article: ARTICLE },
    );
    expect(row).toMatchObject({ type: 'demanded', reporting: 'second-hand' });
    expect(row!.via).toMatch(/state media/i);
  });

  it('has the leaders summit backed by Zelensky, Erdoğan and Trump, and dismissed by Peskov for the near future', async () => {
    const stances = await stancesOn('position:leaders-summit');
    const byActor = Object.fromEntries(stances.map((s) => [s.actor, s]));
    expect(byActor['official:volodymyr-zelensky']?.type).toBe('backed');
    expect(byActor['official:recep-tayyip-erdogan']?.type).toBe('backed');
    expect(['open_to', 'backed', 'welcomed']).toContain(byActor['official:donald-trump']?.type);
    expect(byActor['official:donald-trump']?.party).toBe('party:united-states');
    expect(byActor['official:dmitry-peskov']).toMatchObject({ type: 'dismissed', party: 'party:russia', date: '2025-06-03' });
    expect(byActor['official:dmitry-peskov']!.quotes).toContain('In the near future, it is unlikely');
  });

  it('puts the summit on condition of an agreement between the negotiators', async () => {
    const [row] = await db.read<{ condition: string }>(
      `MATCH (:Official {id: 'official:dmitry-peskov'})-[:TOOK]->(s:Stance {type: 'dismissed'})-[:CONDITIONAL_ON]->(:Position {id: 'position:negotiators-agreement'})
       MATCH (:Position {id: 'position:leaders-summit'})-[:CONDITIONAL_ON]->(:Position {id: 'position:negotiators-agreement'})
       RETURN s.condition AS condition`,
    );
    expect(row?.condition).toMatch(/agreement/);
  });

  it('has the prisoner swap agreed by both sides', async () => {
    const stances = await stancesOn('position:prisoner-swap');
    const agreed = stances.filter((s) => s.type === 'agreed').map((s) => s.actor).sort();
    expect(agreed).toEqual(['party:russia', 'party:ukraine']);
  });

  it('offers the partial truce as an alternative to the full ceasefire', async () => {
    const rows = await db.read<{ type: string }>(
      `MATCH (:Party {id: 'party:russia'})-[:TOOK]->(s:Stance)-[:ON]->(t:Position {id: 'position:partial-truce'})-[:ALTERNATIVE_TO]->(:Position {id: 'position:unconditional-ceasefire'})
       WHERE EXISTS { (s)-[:EVIDENCED_BY]->(:Evidence)-[:FROM]->(:Source {id: $article}) }
       RETURN s.type AS type`,
      { article: ARTICLE },
    );
    expect(rows).toEqual([{ type: 'offered' }]);
  });

  it('finds aliases through the folded full-text index', async () => {
    const hits = async (q: string) =>
      (await db.read<{ id: string }>(`CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node RETURN node.id AS id LIMIT 3`, { q })).map((r) => r.id);
    expect(await hits('Erdogan')).toContain('official:recep-tayyip-erdogan');
    expect(await hits('Kiev')).toContain('party:ukraine');
    expect(await hits('Turkey')).toContain('party:turkiye');
    expect(await hits('Kremlin')).toContain('party:russia');
  });
});
