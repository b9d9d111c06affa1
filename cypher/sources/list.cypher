// One page of sources, the latest ingested first, with what each holds up in the graph.
MATCH (s:Source)
OPTIONAL MATCH (r:SourceRecord {sourceId: s.id})
WITH s, r
ORDER BY r.ingestedAt DESC, s.id
SKIP toInteger($offset) LIMIT toInteger($limit)
RETURN s.id AS id, s.title AS title, s.kind AS kind, toString(s.publishedAt) AS publishedAt, s.publisher AS publisher, s.url AS url,
       s.grade AS grade, r.ingestedAt AS ingestedAt, r.writer AS writer, r.textBytes AS textBytes,
       COUNT { (e:Evidence)-[:FROM]->(s) } AS evidence,
       COUNT { MATCH (st:Stance)-[:EVIDENCED_BY]->(:Evidence)-[:FROM]->(s) RETURN DISTINCT st } AS stances,
       COUNT { MATCH (e:Evidence)-[:FROM]->(s) WHERE e.quote IS NOT NULL RETURN e } AS quotes,
       COUNT { (n:Entity)-[:MENTIONED_IN]->(s) } AS entities
