// The assignment rule, step 2: a stance of $ids that step 1 left in no negotiation goes with the
// rest of what its sources report (the negotiations of the other stances their evidence supports):
// a source's negotiations are those of what it reports.
UNWIND $ids AS id
MATCH (s:Stance {id: id})
WHERE NOT EXISTS { MATCH (s)-[:IN_NEGOTIATION]->(held:Negotiation) WHERE held.id <> $unassigned }
CALL (s) {
  MATCH (s)-[:EVIDENCED_BY]->(:Evidence)-[:FROM]->(:Source)<-[:FROM]-(:Evidence)<-[:EVIDENCED_BY]-(o:Stance)-[:IN_NEGOTIATION]->(n:Negotiation)
  WHERE o <> s AND n.id <> $unassigned
  RETURN DISTINCT n
}
MERGE (s)-[r:IN_NEGOTIATION]->(n)
ON CREATE SET r.sources = [], r.rule = true
WITH DISTINCT s
CALL (s) {
  MATCH (s)-[u:IN_NEGOTIATION]->(:Negotiation {id: $unassigned})
  DELETE u
}
RETURN count(s) AS assigned
