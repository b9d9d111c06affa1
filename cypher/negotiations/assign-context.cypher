// The assignment rule for events and documents of $ids in no negotiation (or only "Unassigned"):
// the negotiations of the stances that name them (target, where taken, where recorded); else, by
// the same rule as a stance's (negotiation-match), those of their participants or author at their
// date; else those of what the sources that mention them report.
UNWIND $ids AS id
MATCH (x:Entity {id: id})
WHERE (x:Event OR x:Document)
  AND NOT EXISTS { MATCH (x)-[:IN_NEGOTIATION]->(held:Negotiation) WHERE held.id <> $unassigned }
WITH x, COLLECT {
  MATCH (x)<-[:ON|AT|RECORDED_IN]-(:Stance)-[:IN_NEGOTIATION]->(n:Negotiation)
  WHERE n.id <> $unassigned
  RETURN DISTINCT n
} AS named
WITH x, CASE WHEN size(named) > 0 OR x.date IS NULL THEN named ELSE COLLECT {
  MATCH (x)-[:PARTICIPANT|AUTHORED_BY]->(a)
  WITH {{negotiation-match(a, x.date)}} AS n
  WHERE n IS NOT NULL
  RETURN DISTINCT n
} END AS matched
WITH x, CASE WHEN size(matched) > 0 THEN matched ELSE COLLECT {
  MATCH (x)-[:MENTIONED_IN]->(:Source)<-[:FROM]-(:Evidence)<-[:EVIDENCED_BY]-(:Stance)-[:IN_NEGOTIATION]->(n:Negotiation)
  WHERE n.id <> $unassigned
  RETURN DISTINCT n
} END AS found
UNWIND found AS n
MERGE (x)-[r:IN_NEGOTIATION]->(n)
ON CREATE SET r.sources = [], r.rule = true
WITH DISTINCT x
CALL (x) {
  MATCH (x)-[u:IN_NEGOTIATION]->(:Negotiation {id: $unassigned})
  DELETE u
}
RETURN count(x) AS assigned
