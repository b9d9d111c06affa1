// Collapsed stance edges for the given stance ids (the Cypher console's graph part).
MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(t:Entity)
WHERE s.id IN $ids
WITH a, s, t, COLLECT {
  MATCH (s)-[:EVIDENCED_BY]->(e:Evidence)
  OPTIONAL MATCH (e)-[:FROM]->(src:Source)
  RETURN {quote: e.quote, summary: e.summary, reporting: e.reporting, via: e.via, source: src.id, sourceTitle: src.title} AS item
  ORDER BY e.id
} AS evidence
RETURN s.id AS id, a.id AS source, t.id AS target, s.type AS type, {
  stanceId: s.id,
  stanceType: s.type,
  family: s.family,
  date: s.date,
  datePrecision: coalesce(s.datePrecision, 'day'),
  condition: s.condition,
  conditionPosition: COLLECT { MATCH (s)-[:CONDITIONAL_ON]->(c:Position) RETURN c.id }[0],
  confidence: s.confidence,
  event: COLLECT { MATCH (s)-[:AT]->(ev:Event) RETURN ev.id }[0],
  voicedBy: COLLECT { MATCH (s)-[:VOICED_BY]->(o:Official) RETURN o.id }[0],
  evidenceCount: size(evidence),
  evidence: evidence
} AS attributes
ORDER BY id
