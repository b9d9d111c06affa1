// Stances aggregated into one edge per actor → target: how many, and the latest one (latest
// date, then highest id, as the matrix picks it). The actor is the one who took the stance; the
// roll-up to a party (docs/model.md) is the matrix's and the trace's, and the stance detail of
// an edge lists the party it rolls up to. The latest stance is picked with reduce rather than a
// global ORDER BY, so a million stances are never sorted.
MATCH (s:Stance)
WHERE s.type IN $stanceTypes AND ($asOf IS NULL OR s.date <= date($asOf))
MATCH (a:Entity)-[:TOOK]->(s)-[:ON]->(t:Entity)
WITH a.id AS source, t.id AS target, collect(s) AS stances
WITH source, target, size(stances) AS stanceCount,
  reduce(latest = head(stances), s IN tail(stances) |
    CASE WHEN s.date > latest.date OR (s.date = latest.date AND s.id > latest.id) THEN s ELSE latest END) AS latest
RETURN source, target, stanceCount, latest.type AS latestType, latest.family AS latestFamily, toString(latest.date) AS latestDate
ORDER BY source, target
