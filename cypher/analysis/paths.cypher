// Shortest paths between two nodes over meaningful relationships (stances and structure;
// not provenance, which would connect everything through its source). At most 8 hops in the
// pattern, $max applied on top.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:TOOK|ON|REPRESENTS|DELEGATION_OF|MEMBER_OF|PARTICIPANT|LOCATED_IN|OUTCOME|AUTHORED_BY|ADDRESSED_TO|PRODUCED_AT|SETS_OUT|WITHIN|HAS_PRECONDITION|ALTERNATIVE_TO|CONDITIONAL_ON|AT|RECORDED_IN|VOICED_BY*..8]-(b))
WHERE length(p) <= $max
RETURN length(p) AS length,
  [n IN nodes(p) | {id: n.id, label: coalesce(n.name, n.title, n.id), type: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes,
  [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id}] AS relationships
LIMIT toInteger($limit)
