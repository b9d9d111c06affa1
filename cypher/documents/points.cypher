// The points of the documents $ids names: the stances RECORDED_IN a document whose relationship
// carries a point's order (a stance merely recorded in it is not a point), with the point's
// topic, condition and section, the position and the admissible evidence ($sources; null: all).
UNWIND $ids AS id
MATCH (d:Document {id: id})<-[r:RECORDED_IN]-(s:Stance)-[:ON]->(p:Position)
WHERE r.order IS NOT NULL AND {{admissible-stance(s)}}
RETURN d.id AS document, s.id AS stance, r.order AS order, r.topic AS topic, s.type AS type, s.family AS family,
  coalesce(r.condition, s.condition) AS condition, r.section AS section,
  {id: p.id, label: coalesce(p.name, p.id), type: 'Position'} AS position,
  COLLECT {
    MATCH (s)-[:EVIDENCED_BY]->(e:Evidence)
    OPTIONAL MATCH (e)-[:FROM]->(src:Source)
    WITH e, src WHERE {{admissible-source(src)}}
    RETURN {quote: e.quote, summary: e.summary, reporting: e.reporting, via: e.via, source: src.id, sourceTitle: src.title,
      sourceGrade: src.grade, sourcePublisher: {{publisher-name(src)}}} AS item
    ORDER BY src.id, e.id
  } AS evidence
ORDER BY document, order, stance
