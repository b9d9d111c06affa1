// Every negotiation's name and aliases (not "Unassigned", $unassigned), for reading a scope in a question.
MATCH (n:Negotiation)
WHERE n.id <> $unassigned
RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases
ORDER BY id
