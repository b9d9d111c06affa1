// Ask's evidence path: the passages nearest the question in the ask_passages full-text index
// (evidence quotes and summaries, entity descriptions). An evidence passage comes with its
// stance and source; a description with the entity and the sources that mention it. Under a
// grade filter ($sources: the admissible sources; null: all) an evidence passage from any other
// source is left out.
CALL db.index.fulltext.queryNodes('ask_passages', $lucene, {limit: toInteger($limit)}) YIELD node, score
OPTIONAL MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:EVIDENCED_BY]->(node)
OPTIONAL MATCH (s)-[:ON]->(t:Entity)
OPTIONAL MATCH (node)-[:FROM]->(evidenceSource:Source)
WITH node, score, a, s, t, evidenceSource
WHERE NOT node:Evidence OR {{admissible-source(evidenceSource)}}
WITH node, score, a, s, t, evidenceSource,
  COLLECT {
    MATCH (node)-[:MENTIONED_IN]->(src:Source)
    RETURN src ORDER BY src.kind = 'background', src.publishedAt DESC
  }[0] AS mentionSource
WITH node, score, a, s, t, coalesce(evidenceSource, mentionSource) AS src
RETURN node.id AS id, node:Evidence AS isEvidence, score,
  node.quote AS quote, node.summary AS summary, node.description AS description,
  CASE WHEN node:Evidence THEN null ELSE coalesce(node.name, node.id) END AS entity,
  a.id AS actorId, coalesce(a.name, a.id) AS actor, s.id AS stanceId, s.type AS stanceType, t.id AS targetId,
  coalesce(t.name, t.id) AS target, toString(coalesce(s.date, node.date)) AS date,
  src.id AS sourceId, src.title AS sourceTitle, toString(src.publishedAt) AS sourceDate, src.url AS sourceUrl,
  src.grade AS sourceGrade, {{publisher-name(src)}} AS sourcePublisher
ORDER BY score DESC
