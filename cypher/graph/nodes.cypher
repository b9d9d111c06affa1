// Nodes of the visual graph, capped IN the query ($limit; the caller asks for one more than it
// shows, to know whether the answer was truncated).
// Without $actor and $position: every entity of the requested types. With them: the actors and
// targets of the matching stances (an official's or delegation's stance rolls up to its party),
// plus the named actor and position themselves.
CALL () {
  MATCH (n:Entity)
  WHERE $actor IS NULL AND $position IS NULL
  RETURN n
  UNION
  MATCH (n:Entity)
  WHERE n.id IN [$actor, $position]
  RETURN n
  UNION
  MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(t:Entity)
  WHERE ($actor IS NOT NULL OR $position IS NOT NULL)
    AND ($actor IS NULL OR a.id = $actor OR EXISTS { (a)-[:REPRESENTS|DELEGATION_OF]->(:Entity {id: $actor}) })
    AND ($position IS NULL OR t.id = $position)
    AND s.type IN $stanceTypes
    AND ($asOf IS NULL OR s.date <= date($asOf))
  UNWIND [a, t] AS n
  RETURN n
}
WITH DISTINCT n
WHERE any(label IN labels(n) WHERE label IN $nodeTypes)
  AND ($asOf IS NULL OR NOT (n:Event OR n:Document) OR n.date IS NULL OR n.date <= date($asOf))
WITH n,
  CASE
    WHEN n:Party THEN 0 WHEN n:Official THEN 1 WHEN n:Delegation THEN 2 WHEN n:Position THEN 3
    WHEN n:Event THEN 4 WHEN n:Document THEN 5 WHEN n:Place THEN 6 ELSE 7
  END AS rank
RETURN n.id AS id, [label IN labels(n) WHERE label <> 'Entity'][0] AS type, coalesce(n.name, n.title, n.id) AS label, properties(n) AS properties
ORDER BY rank, id
LIMIT toInteger($limit)
