// The source node and its record; the rest of what it gave is taken away before this.
OPTIONAL MATCH (s:Source {id: $sourceId})
OPTIONAL MATCH (r:SourceRecord {sourceId: $sourceId})
DETACH DELETE s, r
RETURN count(s) + count(r) > 0 AS existed
