// The structural relationships (not stances) between the given nodes, as edges of the visual graph.
MATCH (a:Entity)-[r:REPRESENTS|DELEGATION_OF|MEMBER_OF|PARTICIPANT|LOCATED_IN|OUTCOME|AUTHORED_BY|ADDRESSED_TO|PRODUCED_AT|SETS_OUT|WITHIN|HAS_PRECONDITION|ALTERNATIVE_TO|CONDITIONAL_ON]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids AND NOT a:Stance
RETURN a.id + '|' + type(r) + '|' + b.id AS id, a.id AS source, b.id AS target, type(r) AS type, properties(r) AS attributes
ORDER BY id
