// Every name an article can mention, with the party an official or delegation speaks for and
// the larger party a body belongs to. Entities that the source $ownSourceId declares are left
// out: re-extracting that source declares them again.
MATCH (n:Party|Official|Delegation|Position|Event|Document|Place)
WHERE NOT (n)-[:MENTIONED_IN]->(:Source {id: $ownSourceId})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, coalesce(n.name, n.id) AS name,
  coalesce(n.aliases, []) + coalesce(n.reportedAliases, []) AS aliases,
  COLLECT { MATCH (n)-[:REPRESENTS|DELEGATION_OF]->(p:Party) RETURN p.id }[0] AS party,
  COLLECT { MATCH (n)-[:PART_OF]->(p:Party) RETURN p.id }[0] AS partOf
