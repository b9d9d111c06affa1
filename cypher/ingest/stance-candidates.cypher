// Stances the graph holds for the given (actor, target) pairs, with the sources whose evidence
// they carry: the candidates a source's stances are matched against (server/domain/reports.ts).
UNWIND $pairs AS pair
MATCH (:Entity {id: pair.actor})-[:TOOK]->(s:Stance)-[:ON]->(:Entity {id: pair.target})
RETURN DISTINCT s.id AS id, pair.actor AS actor, pair.target AS target, s.family AS family,
  s.date AS date, coalesce(s.datePrecision, 'day') AS datePrecision,
  COLLECT { MATCH (s)-[:EVIDENCED_BY]->(:Evidence)-[:FROM]->(src:Source) RETURN DISTINCT src.id ORDER BY src.id } AS sources
