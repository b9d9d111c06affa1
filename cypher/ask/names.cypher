// Names and aliases of everything a question can mention, with the party an actor rolls up to.
MATCH (n:Party|Official|Delegation|Position|Event|Document|Place)
RETURN n.id AS id, coalesce(n.name, n.id) AS label, [l IN labels(n) WHERE l <> 'Entity'][0] AS type,
  [n.name] + coalesce(n.aliases, []) AS names,
  CASE WHEN n:Party THEN n.id ELSE COLLECT { MATCH (n)-[:REPRESENTS|DELEGATION_OF]->(p:Party) RETURN p.id }[0] END AS party
