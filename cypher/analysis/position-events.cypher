// Dated events and documents around a position: events that produced it, documents that set it
// out, events where stances on it were taken.
MATCH (p:Position {id: $id})
CALL (p) {
  MATCH (e:Event)-[:OUTCOME]->(p) RETURN e AS n, 'event' AS kind, 'produced' AS how
  UNION
  MATCH (d:Document)-[:SETS_OUT]->(p) RETURN d AS n, 'document' AS kind, 'sets out' AS how
  UNION
  MATCH (p)<-[:ON]-(:Stance)-[:AT]->(e:Event) RETURN e AS n, 'event' AS kind, 'saw a stance on' AS how
}
WITH n, kind, how
WHERE n.date IS NOT NULL AND ($asOf IS NULL OR n.date <= date($asOf))
  // $negotiation (null: all): only its events and documents.
  AND {{in-negotiation(n)}}
RETURN n.id AS id, kind, coalesce(n.name, n.title, n.id) AS label, n.date AS date, n.datePrecision AS datePrecision, how
ORDER BY date, id
