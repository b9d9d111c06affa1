// One stance as a collapsed actor → target edge, in flat columns: the JavaScript driver decodes
// a map per record several times slower than the same values as columns and lists, so the
// attributes object is assembled by the data layer. The stance's links are read in one
// expansion, as [type, id] pairs (ingestion lets CONDITIONAL_ON reach only a Position, AT an
// Event, VOICED_BY an Official). Evidence items are [id, quote, summary, reporting, via,
// sourceId, sourceTitle, sourceGrade, sourcePublisher], only those from the admissible $sources
// (null: all).
RETURN s.id AS id, a.id AS source, t.id AS target, s.type AS type,
  s.family AS family, toString(s.date) AS date, coalesce(s.datePrecision, 'day') AS datePrecision,
  s.condition AS condition, s.confidence AS confidence,
  [(s)-[r:CONDITIONAL_ON|AT|VOICED_BY]->(x) | [type(r), x.id]] AS links,
  [(s)-[:EVIDENCED_BY]->(e) WHERE {{admissible-evidence(e)}} |
    [e.id, e.quote, e.summary, e.reporting, e.via] + coalesce(
      [(e)-[:FROM]->(src) | [src.id, src.title, src.grade, {{publisher-name(src)}}]][0],
      [null, null, null, null])
  ] AS evidence
