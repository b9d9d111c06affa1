// What a source reports, as negotiation members: the stances its evidence supports, and the events
// and documents it mentions or those stances name (target, where taken, where recorded).
MATCH (src:Source {id: $sourceId})
RETURN COLLECT { MATCH (src)<-[:FROM]-(:Evidence)<-[:EVIDENCED_BY]-(s:Stance) RETURN DISTINCT s.id AS id ORDER BY id } AS stances,
  COLLECT {
    MATCH (x:Event|Document)-[:MENTIONED_IN]->(src)
    RETURN x.id AS id
    UNION
    MATCH (src)<-[:FROM]-(:Evidence)<-[:EVIDENCED_BY]-(:Stance)-[:ON|AT|RECORDED_IN]->(x:Event|Document)
    RETURN x.id AS id
  } AS context
