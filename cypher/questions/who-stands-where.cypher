// @id who-stands-where
// @title Who stands where on a position
// @description Every stance on a position (or event): who took it, the party it rolls up to, the stance type and family, date, condition and evidence.
// @param position: id(Position|Event) — the position or event
// @param asOf?: date — only stances dated on or before this day
MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(t:Entity {id: $position})
WHERE ($asOf IS NULL OR s.date <= date($asOf)) AND {{in-negotiation(s)}}
WITH a, s, t, {{party-of(a)}} AS party
RETURN a.name AS actor, a.id AS actorId, party.name AS party, s.type AS stance, s.family AS family,
  t.name AS target, t.id AS targetId, s.date AS date, s.condition AS condition,
  COLLECT {
    MATCH (s)-[:EVIDENCED_BY]->(e:Evidence) OPTIONAL MATCH (e)-[:FROM]->(src:Source)
    RETURN {quote: e.quote, summary: e.summary, source: src.id, sourceTitle: src.title, date: s.date} AS item ORDER BY e.id
  } AS evidence
ORDER BY s.family, s.date, a.name
