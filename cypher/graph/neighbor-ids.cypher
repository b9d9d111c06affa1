// One step outwards in the visual graph from the $frontier nodes: across a stance (actor ↔
// target) or a structural relationship. Capped IN the query.
UNWIND $frontier AS fid
MATCH (f:Entity {id: fid})
CALL (f) {
  MATCH (f)-[:TOOK]->(:Stance)-[:ON]->(m:Entity)
  RETURN m
  UNION
  MATCH (m:Entity)-[:TOOK]->(:Stance)-[:ON]->(f)
  RETURN m
  UNION
  MATCH (f)-[:REPRESENTS|DELEGATION_OF|MEMBER_OF|PARTICIPANT|LOCATED_IN|OUTCOME|AUTHORED_BY|ADDRESSED_TO|PRODUCED_AT|SETS_OUT|WITHIN|HAS_PRECONDITION|ALTERNATIVE_TO|CONDITIONAL_ON]-(m:Entity)
  WHERE NOT m:Stance
  RETURN m
}
WITH DISTINCT m
WHERE NOT m.id IN $seen AND any(label IN labels(m) WHERE label IN $nodeTypes)
RETURN m.id AS id
ORDER BY id
LIMIT toInteger($limit)
