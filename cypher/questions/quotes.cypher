// @id quotes
// @title Quotes by an official
// @description Every verbatim quote behind the stances an official took or voiced (for a party: its own and its officials' and delegations'), with date, stance and source.
// @param actor: id(Official|Party|Delegation) — the official (or party)
// @param target?: id(Position|Event) — only quotes about this position or event
// @param asOf?: date — only quotes of stances dated on or before this day
MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(t:Entity)
WHERE ($asOf IS NULL OR s.date <= date($asOf))
  AND ($target IS NULL OR t.id = $target)
  AND {{in-negotiation(s)}}
  AND ({{counts-for(a, [$actor])}} OR EXISTS { (s)-[:VOICED_BY]->(:Official {id: $actor}) })
MATCH (s)-[:EVIDENCED_BY]->(e:Evidence)
WHERE e.quote IS NOT NULL
OPTIONAL MATCH (e)-[:FROM]->(src:Source)
RETURN e.quote AS quote, a.name AS speaker, s.type AS stance, t.name AS target, s.date AS date, src.title AS source,
  [{quote: e.quote, summary: e.summary, source: src.id, sourceTitle: src.title, date: s.date}] AS evidence
ORDER BY date, target, quote
