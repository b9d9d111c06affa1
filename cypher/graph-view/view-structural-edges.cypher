// The structural relationships among drawable nodes (who represents whom, delegations, where
// events happened, which position requires or replaces which), as edges of the graph view.
// $ids (null: every drawable node) keeps those between two of the given nodes (a scoped view's
// nodes), read from them by id rather than from every node of the graph (bench suite
// negotiations). Each guard comes first, so only one branch runs.
CALL () {
  WITH 1 AS all WHERE $ids IS NULL
  MATCH (a:Party|Official|Delegation|Position|Event|Document|Place)
  RETURN a
  UNION ALL
  WITH 1 AS among WHERE $ids IS NOT NULL
  MATCH (a:Entity)
  WHERE a.id IN $ids AND a:Party|Official|Delegation|Position|Event|Document|Place
  RETURN a
}
MATCH (a)-[r:REPRESENTS|DELEGATION_OF|MEMBER_OF|PARTICIPANT|LOCATED_IN|OUTCOME|AUTHORED_BY|ADDRESSED_TO|PRODUCED_AT|SETS_OUT|WITHIN|HAS_PRECONDITION|ALTERNATIVE_TO|CONDITIONAL_ON]->(b:Party|Official|Delegation|Position|Event|Document|Place)
WHERE $ids IS NULL OR b.id IN $ids
RETURN a.id AS source, b.id AS target, type(r) AS relation
ORDER BY source, target, relation
