// Takes back what a source said about its negotiation, before it is written again or deleted: its
// id leaves the `sources` of its stances' and events' and documents' memberships, and a membership
// no source and no rule holds goes. Starts from the source (its evidence's stances, the events and
// documents it mentions or its stances name), so the cost follows the source.
MATCH (src:Source {id: $sourceId})
CALL (src) {
  MATCH (src)<-[:FROM]-(:Evidence)<-[:EVIDENCED_BY]-(x:Stance)
  RETURN x
  UNION
  MATCH (x:Event|Document)-[:MENTIONED_IN]->(src)
  RETURN x
  UNION
  MATCH (src)<-[:FROM]-(:Evidence)<-[:EVIDENCED_BY]-(:Stance)-[:ON|AT|RECORDED_IN]->(x:Event|Document)
  RETURN x
}
MATCH (x)-[r:IN_NEGOTIATION]->(:Negotiation)
WHERE $sourceId IN coalesce(r.sources, [])
SET r.sources = [s IN r.sources WHERE s <> $sourceId]
WITH x, r
CALL (r) {
  WITH r WHERE size(r.sources) = 0 AND NOT coalesce(r.rule, false)
  DELETE r
}
RETURN collect(DISTINCT x.id) AS ids
