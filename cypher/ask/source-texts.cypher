// Ask's retrieval over what the sources arrived with: the source texts nearest the question in
// the source_texts full-text index, each with its source (left out under a grade filter that does
// not admit it). The texts are split into sentences in ask.ts, which quotes the best one.
CALL db.index.fulltext.queryNodes('source_texts', $lucene, {limit: toInteger($limit)}) YIELD node, score
MATCH (src:Source {id: node.sourceId})
WHERE {{admissible-source(src)}}
RETURN node.text AS text, score,
  src.id AS sourceId, src.title AS sourceTitle, toString(src.publishedAt) AS sourceDate, src.url AS sourceUrl,
  src.grade AS sourceGrade, {{publisher-name(src)}} AS sourcePublisher
ORDER BY score DESC
