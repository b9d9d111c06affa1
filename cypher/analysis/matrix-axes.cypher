// Rows and columns of the matrix: every party and every position; scoped to a negotiation
// ($negotiation; null: all), its parties and mediators, the parties its stances roll up to, and the
// positions its stances are on.
// Scoped, they are read from the negotiation (each guard comes first, so only one branch runs).
CALL () {
  WITH 1 AS unscoped WHERE $negotiation IS NULL
  MATCH (n:Party|Position)
  RETURN n
  UNION
  WITH 1 AS scoped WHERE $negotiation IS NOT NULL
  MATCH (neg:Negotiation {id: $negotiation})
  CALL (neg) {
    // Its stances once, each with its target and its actor (one pass over a stance's relationships).
    MATCH (neg)<-[:IN_NEGOTIATION]-(s:Stance)-[r:ON|TOOK]-(x)
    WITH DISTINCT type(r) = 'ON' AND startNode(r) = s AS target, type(r) = 'TOOK' AND endNode(r) = s AS actor, x
    CALL (target, actor, x) {
      WITH x WHERE target AND x:Position
      RETURN x AS n
      UNION
      WITH x WHERE actor
      MATCH (x)-[{{roll-up()}}]->(n:Party)
      RETURN n
    }
    RETURN n
    UNION
    MATCH (neg)-[:PARTY|MEDIATOR]->(n:Party)
    RETURN n
  }
  RETURN n
}
WITH n
RETURN n.id AS id, coalesce(n.name, n.id) AS label, CASE WHEN n:Party THEN 'Party' ELSE 'Position' END AS type
ORDER BY type, label
