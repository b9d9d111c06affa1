MERGE (s:Entity {id: $source.id})
SET s:Source, s += $source, s.publishedAt = $source.publishedAt
