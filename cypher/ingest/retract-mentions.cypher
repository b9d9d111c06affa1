// The source stops declaring every entity it mentions except $keep; returns the ids it let go.
MATCH (n:Entity)-[m:MENTIONED_IN]->(:Source {id: $sourceId})
WHERE NOT n.id IN $keep
DELETE m
RETURN n.id AS id
