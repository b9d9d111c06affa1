// One page of sources, the latest ingested first, with what each holds up in the graph, its
// grade and its publisher (the entity's name, else the payload's free text). $sources (null: all)
// keeps the admissible sources of a grade filter; $negotiation (null: all) those reporting on it.
MATCH (s:Source)
WHERE ($sources IS NULL OR s.id IN $sources) AND {{source-in-negotiation(s)}}
OPTIONAL MATCH (r:SourceRecord {sourceId: s.id})
WITH s, r
ORDER BY r.ingestedAt DESC, s.id
SKIP toInteger($offset) LIMIT toInteger($limit)
WITH s, r, COLLECT { MATCH (s)-[:PUBLISHED_BY]->(pub:Publisher) RETURN pub }[0] AS pub
WITH s, r, pub, COLLECT { MATCH (pub)-[:AFFILIATED_WITH]->(party:Party) RETURN party ORDER BY party.id }[0] AS party
RETURN s.id AS id, s.title AS title, s.kind AS kind, toString(s.publishedAt) AS publishedAt, coalesce(pub.name, s.publisher) AS publisher,
       CASE WHEN pub IS NULL THEN null ELSE {
         id: pub.id, name: pub.name, aliases: coalesce(pub.aliases, []), country: pub.country,
         affiliation: CASE WHEN party IS NULL THEN null ELSE {id: party.id, label: coalesce(party.name, party.id), type: 'Party'} END
       } END AS publishedBy,
       s.url AS url,
       s.grade AS grade, r.ingestedAt AS ingestedAt, r.writer AS writer, r.textBytes AS textBytes,
       COUNT { (e:Evidence)-[:FROM]->(s) } AS evidence,
       COUNT { MATCH (st:Stance)-[:EVIDENCED_BY]->(:Evidence)-[:FROM]->(s) RETURN DISTINCT st } AS stances,
       COUNT { MATCH (e:Evidence)-[:FROM]->(s) WHERE e.quote IS NOT NULL RETURN e } AS quotes,
       COUNT { (n:Entity)-[:MENTIONED_IN]->(s) } AS entities
ORDER BY ingestedAt DESC, id
