// Edges among the given nodes: each Stance collapsed into one actor → target edge carrying the
// stance and its evidence, plus the structural relationships between the nodes.
CALL () {
  MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(t:Entity)
  WHERE a.id IN $ids AND t.id IN $ids
    AND s.type IN $stanceTypes
    AND ($asOf IS NULL OR s.date <= date($asOf))
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
  } AS attributes, 0 AS rank
  UNION
  MATCH (a:Entity)-[r:REPRESENTS|DELEGATION_OF|MEMBER_OF|PARTICIPANT|LOCATED_IN|OUTCOME|AUTHORED_BY|ADDRESSED_TO|PRODUCED_AT|SETS_OUT|WITHIN|HAS_PRECONDITION|ALTERNATIVE_TO|CONDITIONAL_ON]->(b:Entity)
  WHERE a.id IN $ids AND b.id IN $ids AND NOT a:Stance
  RETURN a.id + '|' + type(r) + '|' + b.id AS id, a.id AS source, b.id AS target, type(r) AS type, properties(r) AS attributes, 1 AS rank
}
RETURN id, source, target, type, attributes
ORDER BY rank, id
