MATCH (r:SourceRecord {sourceId: $sourceId})
RETURN r.payload AS payload
