// The stances a source supports, each with its actor and target and only the evidence that comes from this source.
MATCH (src:Source {id: $sourceId})<-[:FROM]-(e:Evidence)<-[:EVIDENCED_BY]-(s:Stance)
MATCH (a:Entity)-[:TOOK]->(s)-[:ON]->(t:Entity)
WITH src, s, a, t, collect(e) AS items, {{publisher-name(src)}} AS publisher
RETURN s.id AS id, s.type AS type, s.family AS family,
  {id: a.id, label: coalesce(a.name, a.id), type: [l IN labels(a) WHERE l <> 'Entity'][0]} AS actor,
  {id: t.id, label: coalesce(t.name, t.id), type: [l IN labels(t) WHERE l <> 'Entity'][0]} AS target,
  s.date AS date, coalesce(s.datePrecision, 'day') AS datePrecision, s.condition AS condition,
  [e IN items | {quote: e.quote, summary: e.summary, reporting: e.reporting, via: e.via, source: src.id, sourceTitle: src.title,
                sourceGrade: src.grade, sourcePublisher: publisher}] AS evidence
ORDER BY date, id
