// Nodes by id, in the shape of the visual graph.
UNWIND $ids AS wanted
MATCH (n:Entity {id: wanted})
RETURN n.id AS id, [label IN labels(n) WHERE label <> 'Entity'][0] AS type, coalesce(n.name, n.title, n.id) AS label, properties(n) AS properties
