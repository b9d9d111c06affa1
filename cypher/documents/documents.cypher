// The documents $ids names that the graph holds, with their author and how many points each
// holds under the grade filter ($sources; null: every source).
UNWIND $ids AS id
MATCH (d:Document {id: id})
OPTIONAL MATCH (d)-[:AUTHORED_BY]->(a:Entity)
RETURN d.id AS id, coalesce(d.name, d.id) AS label, d.kind AS kind, toString(d.date) AS date,
  CASE WHEN a IS NULL THEN null ELSE {id: a.id, label: coalesce(a.name, a.id), type: [l IN labels(a) WHERE l <> 'Entity'][0]} END AS author,
  COUNT { MATCH (d)<-[r:RECORDED_IN]-(s:Stance) WHERE r.order IS NOT NULL AND {{admissible-stance(s)}} } AS points
