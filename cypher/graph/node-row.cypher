// Completes graph/nodes and graph/nodes-of-stances: the nodes in the visual graph's shape,
// parties first, then officials, delegations, positions, events, documents, places, sources.
WITH n,
  CASE
    WHEN n:Party THEN 0 WHEN n:Official THEN 1 WHEN n:Delegation THEN 2 WHEN n:Position THEN 3
    WHEN n:Event THEN 4 WHEN n:Document THEN 5 WHEN n:Place THEN 6 ELSE 7
  END AS rank
RETURN n.id AS id, [label IN labels(n) WHERE label <> 'Entity'][0] AS type, coalesce(n.name, n.title, n.id) AS label, properties(n) AS properties
ORDER BY rank, id
LIMIT toInteger($limit)
