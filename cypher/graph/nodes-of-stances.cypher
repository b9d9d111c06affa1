// The visual graph's nodes for an actor and/or a position: the actors and targets of the
// matching stances (an official's or delegation's stance rolls up to its party), plus the named
// actor and position themselves; of the requested types, capped IN the query ($limit, as in
// graph/nodes); only stances with evidence from the admissible $sources (null: all).
// $negotiation (null: all): only that negotiation's stances and nodes. Completed by graph/node-row.
CALL () {
  MATCH (n:Entity)
  WHERE n.id IN [$actor, $position]
  RETURN n
  UNION
  MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(t:Entity)
  WHERE ($actor IS NULL OR {{counts-for(a, [$actor])}})
    AND ($position IS NULL OR t.id = $position)
    AND s.type IN $stanceTypes
    AND ($asOf IS NULL OR s.date <= date($asOf))
    AND {{admissible-stance(s)}}
    AND {{in-negotiation(s)}}
  UNWIND [a, t] AS n
  RETURN n
}
WITH DISTINCT n
WHERE any(label IN labels(n) WHERE label IN $nodeTypes)
  AND ($asOf IS NULL OR NOT (n:Event OR n:Document) OR n.date IS NULL OR n.date <= date($asOf))
  AND {{node-in-negotiation(n)}}
