// The stances whose actor and target are both among $ids, of the given types and up to $asOf.
// Starts from the stances (the type index) and checks both ends, so each stance is read once;
// no global ORDER BY: the answer is streamed, and sorting a whole world would hold it in memory.
// $sources (null: all) are the admissible sources of a grade filter: a stance counts only with
// evidence from one of them; $negotiation (null: all), only that negotiation's stances. Completed by graph/stance-edge-row.
MATCH (s:Stance)
WHERE s.type IN $stanceTypes AND ($asOf IS NULL OR s.date <= date($asOf))
  AND {{admissible-stance(s)}}
  AND {{in-negotiation(s)}}
MATCH (a:Entity)-[:TOOK]->(s)-[:ON]->(t:Entity)
WHERE a.id IN $ids AND t.id IN $ids
