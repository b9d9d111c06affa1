// The structural relationships among drawable nodes (who represents whom, delegations, where
// events happened, which position requires or replaces which), as edges of the graph view.
MATCH (a:Party|Official|Delegation|Position|Event|Document|Place)-[r:REPRESENTS|DELEGATION_OF|MEMBER_OF|PARTICIPANT|LOCATED_IN|OUTCOME|AUTHORED_BY|ADDRESSED_TO|PRODUCED_AT|SETS_OUT|WITHIN|HAS_PRECONDITION|ALTERNATIVE_TO|CONDITIONAL_ON]->(b:Party|Official|Delegation|Position|Event|Document|Place)
RETURN a.id AS source, b.id AS target, type(r) AS relation
ORDER BY source, target, relation
