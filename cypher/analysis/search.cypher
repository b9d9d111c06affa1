// Ranked matches over names and aliases (full-text index entity_names, folding analyzer).
// $lucene is built from the user's text with every special character escaped.
CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node, score
WITH node, score, [label IN labels(node) WHERE label <> 'Entity'][0] AS type
WHERE $types IS NULL OR type IN $types
RETURN node.id AS id, coalesce(node.name, node.title, node.id) AS label, type, coalesce(node.aliases, []) + coalesce(node.reportedAliases, []) AS aliases, score
ORDER BY score DESC, id
LIMIT toInteger($limit)
