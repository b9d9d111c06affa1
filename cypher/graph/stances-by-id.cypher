// The stances with the given ids (the Cypher console's graph part). Completed by
// graph/stance-edge-row.
MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(t:Entity)
WHERE s.id IN $ids
