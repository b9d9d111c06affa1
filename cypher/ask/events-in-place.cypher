// Ask's "what happened in <place>": events located in the place or anywhere within it, by date,
// with the sources that mention each.
MATCH (:Place {id: $id})<-[:WITHIN*0..4]-(inner:Place)<-[:LOCATED_IN]-(e:Event)
WITH DISTINCT e, inner
RETURN e.id AS id, coalesce(e.name, e.id) AS label, e.description AS description, toString(e.date) AS date,
  inner.name AS place,
  COLLECT {
    MATCH (e)-[:MENTIONED_IN]->(src:Source)
    RETURN {id: src.id, title: src.title, date: toString(src.publishedAt), kind: src.kind, url: src.url, grade: src.grade,
      publisher: {{publisher-name(src)}}} AS source
    ORDER BY source.kind = 'background', source.date DESC
  } AS sources
ORDER BY date, label
LIMIT toInteger($limit)
