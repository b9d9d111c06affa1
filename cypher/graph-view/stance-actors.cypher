// The actors that took stances and how many each took (a degree read: no stance is touched).
// The graph view reads stances in chunks of actors sized by these counts, so that no one
// transaction aggregates more than a bounded share of a large world's stances (the aggregation
// of a million stances at once would pass db.memory.transaction.max). $ids (null: every actor)
// narrows it to the members of one cluster.
MATCH (a:Party|Official|Delegation)
WHERE $ids IS NULL OR a.id IN $ids
WITH a, COUNT { (a)-[:TOOK]->() } AS stances
WHERE stances > 0
RETURN a.id AS id, stances
ORDER BY id
