// The actors that took stances and how many each took (a degree read: no stance is touched).
// The graph view reads stances in chunks of actors sized by these counts, so that no one
// transaction aggregates more than a bounded share of a large world's stances (the aggregation
// of a million stances at once would pass db.memory.transaction.max). $ids (null: every actor)
// narrows it to the members of one cluster (or the nodes a view keeps). Without $ids, $negotiation
// (null: all) narrows it to the actors of that negotiation's stances, read from the negotiation, so
// that a scoped view reads no other negotiation's stances; the count stays the actor's whole one,
// which only sizes the chunks. Each guard comes first, so only one branch runs.
CALL () {
  WITH 1 AS all WHERE $ids IS NULL AND $negotiation IS NULL
  MATCH (a:Party|Official|Delegation)
  RETURN a
  UNION
  WITH 1 AS among WHERE $ids IS NOT NULL
  MATCH (a:Party|Official|Delegation)
  WHERE a.id IN $ids
  RETURN a
  UNION
  WITH 1 AS scoped WHERE $ids IS NULL AND $negotiation IS NOT NULL
  MATCH (:Negotiation {id: $negotiation})<-[:IN_NEGOTIATION]-(:Stance)<-[:TOOK]-(a:Party|Official|Delegation)
  RETURN DISTINCT a
}
WITH a, COUNT { (a)-[:TOOK]->() } AS stances
WHERE stances > 0
RETURN a.id AS id, stances
ORDER BY id
