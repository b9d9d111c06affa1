// Every negotiation's name and aliases (not "Unassigned", $unassigned), for reading a scope in a
// question, and the ids of its parties and mediators (the workbench's proposal of a draft's negotiation).
MATCH (n:Negotiation)
WHERE n.id <> $unassigned
RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases,
  COLLECT { MATCH (n)-[:PARTY|MEDIATOR]->(a) RETURN DISTINCT a.id AS party ORDER BY party } AS parties
ORDER BY id
