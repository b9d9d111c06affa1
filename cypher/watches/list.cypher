// Watches ($id null: all of them), each saying whether its target is still in the graph.
MATCH (w:Watch)
WHERE $id IS NULL OR w.id = $id
// A negotiation is no Entity: it is looked up by its own label.
OPTIONAL MATCH (t:Entity {id: w.target})
OPTIONAL MATCH (n:Negotiation {id: w.target})
WITH w, coalesce(t, n) AS t
RETURN w.id AS id,
       w.target AS target,
       coalesce(t.name, w.targetLabel) AS label,
       w.targetType AS type,
       t IS NULL AS gone,
       w.kinds AS kinds,
       w.createdAt AS createdAt,
       w.writer AS writer,
       w.feedTokenHash IS NOT NULL AS feedActive,
       w.webhookUrlSealed AS webhookUrl,
       coalesce(w.webhookActive, false) AS webhookActive,
       coalesce(w.webhookFailures, 0) AS webhookFailures,
       w.webhookDisabledAt AS webhookDisabledAt,
       w.webhookDisabledReason AS webhookDisabledReason
ORDER BY w.createdAt, w.id
