MATCH (r:SourceRecord)
RETURN r.sourceId AS sourceId, r.ingestedAt AS ingestedAt
