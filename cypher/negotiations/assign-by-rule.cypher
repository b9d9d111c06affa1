// The assignment rule, step 1 (docs/model.md, "Negotiations"): each of the stances $ids that is in
// no negotiation (or only in "Unassigned", $unassigned) joins the negotiation its actor and date
// match (the rule negotiation-match), and leaves "Unassigned".
UNWIND $ids AS id
MATCH (a)-[:TOOK]->(s:Stance {id: id})
WHERE NOT EXISTS { MATCH (s)-[:IN_NEGOTIATION]->(held:Negotiation) WHERE held.id <> $unassigned }
WITH s, {{negotiation-match(a, s.date)}} AS n
WHERE n IS NOT NULL
MERGE (s)-[r:IN_NEGOTIATION]->(n)
ON CREATE SET r.sources = [], r.rule = true
WITH s
CALL (s) {
  MATCH (s)-[u:IN_NEGOTIATION]->(:Negotiation {id: $unassigned})
  DELETE u
}
RETURN count(s) AS assigned
