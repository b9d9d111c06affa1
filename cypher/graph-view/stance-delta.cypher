// The stances the given sources ($sources, ingested for the first time since the stored layout)
// brought into the graph, aggregated into one edge per actor → target as
// graph-view/view-stance-edges aggregates every stance (count, and the latest one by date, then
// id). A stance also evidenced by another source was held before and only gained evidence, so it
// is left out. The layout keeper checks the node degrees against these before adding them.
MATCH (src:Source)
WHERE src.id IN $sources
MATCH (src)<-[:FROM]-(:Evidence)<-[:EVIDENCED_BY]-(s:Stance)
WITH DISTINCT s
WHERE NOT EXISTS { (s)-[:EVIDENCED_BY]->(:Evidence)-[:FROM]->(other:Source) WHERE NOT other.id IN $sources }
MATCH (a:Entity)-[:TOOK]->(s)-[:ON]->(t:Entity)
WITH a.id AS source, t.id AS target, count(s) AS stanceCount,
  split(max(toString(s.date) + ' ' + s.id + ' ' + s.type + ' ' + s.family), ' ') AS latest
RETURN source, target, stanceCount, latest[-2] AS latestType, latest[-1] AS latestFamily, latest[0] AS latestDate, latest[1] AS latestStance
ORDER BY source, target
