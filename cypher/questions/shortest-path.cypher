// @id shortest-path
// @title Shortest path between two actors
// @description How two nodes (usually actors) are connected: the shortest chains of stances and structural relationships between them (provenance links excluded).
// @param from: id — the first node
// @param to: id — the second node
// @param max?: int — longest path, in relationships (default 8)
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
WHERE a <> b
MATCH p = allShortestPaths((a)-[:TOOK|ON|REPRESENTS|DELEGATION_OF|MEMBER_OF|PARTICIPANT|LOCATED_IN|OUTCOME|AUTHORED_BY|ADDRESSED_TO|PRODUCED_AT|SETS_OUT|WITHIN|HAS_PRECONDITION|ALTERNATIVE_TO|CONDITIONAL_ON|AT|RECORDED_IN|VOICED_BY*..8]-(b))
WHERE length(p) <= coalesce($max, 8)
RETURN length(p) AS length,
  [n IN nodes(p) | CASE WHEN n:Stance THEN n.type ELSE coalesce(n.name, n.id) END] AS steps,
  [n IN nodes(p) | n.id] AS ids,
  [r IN relationships(p) | type(r)] AS relationships,
  [] AS evidence
LIMIT 10
