// @id stances
// @title Find stances
// @description Stances filtered by actor (a party includes its officials and delegations), target, family and type: "who rejected the ceasefire", "what did Russia demand".
// @param actor?: id(Party|Official|Delegation) — who took the stance (a party includes its officials and delegations)
// @param target?: id(Position|Event) — what the stance is on
// @param family?: stanceFamily — proposal, support, rejection or other
// @param types?: stanceTypes — stance types, e.g. demanded, offered
// @param asOf?: date — only stances dated on or before this day
// Starts from the target or the actor, by index, when one is given (the OR-with-null filters
// below cannot use an index, and scanning every stance made /api/ask slow on large graphs); each
// branch yields a superset and the WHERE decides, as in analysis/stances.cypher.
CALL () {
  MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(t:Entity {id: $target})
  RETURN a, s, t
  UNION
  MATCH (x:Entity {id: $actor})
  WHERE $target IS NULL
  MATCH (a:Entity)-[{{roll-up()}}]->(x)
  MATCH (a)-[:TOOK]->(s:Stance)-[:ON]->(t:Entity)
  RETURN a, s, t
  UNION
  WITH 1 AS unfiltered
  WHERE $target IS NULL AND $actor IS NULL
  MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(t:Entity)
  RETURN a, s, t
}
WITH a, s, t
WHERE ($actor IS NULL OR {{counts-for(a, [$actor])}})
  AND ($target IS NULL OR t.id = $target)
  AND ($family IS NULL OR s.family = $family)
  AND ($types IS NULL OR s.type IN $types)
  AND ($asOf IS NULL OR s.date <= date($asOf))
  AND {{in-negotiation(s)}}
WITH a, s, t, {{party-of(a)}} AS party
RETURN a.name AS actor, a.id AS actorId, party.name AS party, s.type AS stance, s.family AS family,
  t.name AS target, t.id AS targetId, s.date AS date, s.condition AS condition,
  COLLECT {
    MATCH (s)-[:EVIDENCED_BY]->(e:Evidence) OPTIONAL MATCH (e)-[:FROM]->(src:Source)
    RETURN {quote: e.quote, summary: e.summary, source: src.id, sourceTitle: src.title, date: s.date} AS item ORDER BY e.id
  } AS evidence
ORDER BY s.date, a.name, t.name
LIMIT 500
