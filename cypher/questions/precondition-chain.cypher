// @id precondition-chain
// @title The chain of preconditions of a position
// @description What must happen first, step by step: HAS_PRECONDITION (a party's price) and CONDITIONAL_ON (sequence) links followed outwards from the position, with the stance that established each link.
// @param position: id(Position) — the position
MATCH path = (:Position {id: $position})-[:HAS_PRECONDITION|CONDITIONAL_ON*1..6]->(:Position)
WITH last(relationships(path)) AS r, length(path) AS depth
WITH r, min(depth) AS depth
WITH r, depth, startNode(r) AS a, endNode(r) AS b
OPTIONAL MATCH (st:Stance {id: r.stance})
// Scoped ($negotiation), only the links a stance of that negotiation established.
WITH r, depth, a, b, st
WHERE $negotiation IS NULL OR (st IS NOT NULL AND {{in-negotiation(st)}})
RETURN depth, a.name AS position, a.id AS positionId, type(r) AS relation, b.name AS requires, b.id AS requiresId, r.stance AS establishedBy,
  COLLECT {
    MATCH (st)-[:EVIDENCED_BY]->(e:Evidence) OPTIONAL MATCH (e)-[:FROM]->(src:Source)
    RETURN {quote: e.quote, summary: e.summary, source: src.id, sourceTitle: src.title, date: st.date} AS item ORDER BY e.id
  } AS evidence
ORDER BY depth, position, requires
