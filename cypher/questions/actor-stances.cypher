// @id actor-stances
// @title An actor's stances
// @description Every stance of a party, official or delegation; for a party its officials' and delegations' stances too, marked rolledUp.
// @param actor: id(Party|Official|Delegation) — the actor
// @param asOf?: date — only stances dated on or before this day
MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(t:Entity)
WHERE ({{counts-for(a, [$actor])}})
  AND ($asOf IS NULL OR s.date <= date($asOf))
  AND {{in-negotiation(s)}}
WITH a, s, t, {{party-of(a)}} AS party
RETURN a.name AS actor, a.id AS actorId, party.name AS party, a.id <> $actor AS rolledUp, s.type AS stance, s.family AS family,
  t.name AS target, t.id AS targetId, s.date AS date, s.condition AS condition,
  COLLECT {
    MATCH (s)-[:EVIDENCED_BY]->(e:Evidence) OPTIONAL MATCH (e)-[:FROM]->(src:Source)
    RETURN {quote: e.quote, summary: e.summary, source: src.id, sourceTitle: src.title, date: s.date} AS item ORDER BY e.id
  } AS evidence
ORDER BY s.date, a.name, t.name
