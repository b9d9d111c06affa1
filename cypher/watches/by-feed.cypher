// The watch a feed token opens (by the token's hash).
MATCH (w:Watch {feedTokenHash: $hash})
OPTIONAL MATCH (t:Entity {id: w.target})
RETURN w.id AS id, w.target AS target, coalesce(t.name, w.targetLabel) AS label, w.createdAt AS createdAt
