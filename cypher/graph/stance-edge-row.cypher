// One stance as a collapsed actor → target edge, in flat columns: the JavaScript driver decodes
// a map per record several times slower than the same values as columns and lists, so the
// attributes object is assembled by the data layer. Evidence items are
// [id, quote, summary, reporting, via, sourceId, sourceTitle].
RETURN s.id AS id, a.id AS source, t.id AS target, s.type AS type,
  s.family AS family, toString(s.date) AS date, coalesce(s.datePrecision, 'day') AS datePrecision,
  s.condition AS condition, s.confidence AS confidence,
  [(s)-[:CONDITIONAL_ON]->(c:Position) | c.id][0] AS conditionPosition,
  [(s)-[:AT]->(ev:Event) | ev.id][0] AS event,
  [(s)-[:VOICED_BY]->(o:Official) | o.id][0] AS voicedBy,
  [(s)-[:EVIDENCED_BY]->(e:Evidence) |
    [e.id, e.quote, e.summary, e.reporting, e.via] + coalesce([(e)-[:FROM]->(src:Source) | [src.id, src.title]][0], [null, null])
  ] AS evidence
