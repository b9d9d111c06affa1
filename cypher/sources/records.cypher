// Every stored source in ingestion order (first arrival, oldest first), for backup.
MATCH (r:SourceRecord)
OPTIONAL MATCH (s:Source {id: r.sourceId})
RETURN r.sourceId AS sourceId, r.payload AS payload, r.text AS text, r.ingestedAt AS ingestedAt,
       r.firstIngestedAt AS firstIngestedAt, r.writer AS writer, s.grade AS grade
ORDER BY r.firstIngestedAt, r.sourceId
