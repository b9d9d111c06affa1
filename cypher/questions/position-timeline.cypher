// @id position-timeline
// @title Timeline of stances on a position
// @description Stances on a position (or event) in date order, with the events that produced it and the documents that set it out.
// @param position: id(Position|Event) — the position or event
// @param asOf?: date — only items dated on or before this day
MATCH (t:Entity {id: $position})
CALL (t) {
  MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(t)
  WHERE {{in-negotiation(s)}}
  RETURN s.date AS date, 'stance' AS kind, a.name AS actor, s.type AS what, s.condition AS condition,
    COLLECT {
      MATCH (s)-[:EVIDENCED_BY]->(e:Evidence) OPTIONAL MATCH (e)-[:FROM]->(src:Source)
      RETURN {quote: e.quote, summary: e.summary, source: src.id, sourceTitle: src.title, date: s.date} AS item ORDER BY e.id
    } AS evidence
  UNION
  MATCH (ev:Event)-[:OUTCOME]->(t)
  WHERE {{in-negotiation(ev)}}
  RETURN ev.date AS date, 'event' AS kind, null AS actor, ev.name AS what, null AS condition, [] AS evidence
  UNION
  MATCH (d:Document)-[:SETS_OUT]->(t)
  WHERE {{in-negotiation(d)}}
  RETURN d.date AS date, 'document' AS kind, COLLECT { MATCH (d)-[:AUTHORED_BY]->(p:Party) RETURN p.name }[0] AS actor, d.name AS what, null AS condition, [] AS evidence
}
WITH t, date, kind, actor, what, condition, evidence
WHERE date IS NOT NULL AND ($asOf IS NULL OR date <= date($asOf))
RETURN date, kind, actor, what, t.name AS target, condition, evidence
ORDER BY date, kind DESC, actor
