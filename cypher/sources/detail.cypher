// One source with the original text kept in its record (null for a source stored before texts were kept)
// and its publisher's name (the entity's, else the payload's free text).
MATCH (s:Source {id: $sourceId})
OPTIONAL MATCH (r:SourceRecord {sourceId: s.id})
RETURN s.id AS id, s.title AS title, s.kind AS kind, toString(s.publishedAt) AS publishedAt,
       {{publisher-name(s)}} AS publisher, s.url AS url,
       s.grade AS grade, r.ingestedAt AS ingestedAt, r.text AS text
