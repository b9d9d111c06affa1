// Rows and columns of the matrix: every party and every position; scoped to a negotiation
// ($negotiation; null: all), its parties and mediators, the parties its stances roll up to, and the
// positions its stances are on.
MATCH (n:Party|Position)
WHERE $negotiation IS NULL
  OR (n:Position AND EXISTS { MATCH (n)<-[:ON]-(:Stance)-[:IN_NEGOTIATION]->(neg:Negotiation) WHERE neg.id = $negotiation })
  OR (n:Party AND (
    EXISTS { MATCH (n)<-[:PARTY|MEDIATOR]-(neg:Negotiation) WHERE neg.id = $negotiation }
    OR EXISTS { MATCH (a)-[{{roll-up()}}]->(n) WHERE EXISTS { MATCH (a)-[:TOOK]->(:Stance)-[:IN_NEGOTIATION]->(neg:Negotiation) WHERE neg.id = $negotiation } }))
RETURN n.id AS id, coalesce(n.name, n.id) AS label, CASE WHEN n:Party THEN 'Party' ELSE 'Position' END AS type
ORDER BY type, label
