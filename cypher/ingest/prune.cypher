// Re-ingesting a source replaces what it contributed: evidence it no longer gives goes, and so
// does any stance this leaves without evidence. Only the stances that lose evidence here are
// checked, so the cost follows the source, not the size of the graph.
MATCH (e:Evidence)-[:FROM]->(:Source {id: $sourceId})
WHERE NOT e.id IN $evidenceIds
OPTIONAL MATCH (s:Stance)-[:EVIDENCED_BY]->(e)
WITH collect(DISTINCT e) AS gone, collect(DISTINCT s) AS touched
CALL (gone) {
  UNWIND gone AS e
  DETACH DELETE e
}
CALL (touched) {
  UNWIND touched AS s
  WITH s WHERE NOT (s)-[:EVIDENCED_BY]->()
  DETACH DELETE s
  RETURN count(s) AS removedStances
}
RETURN size(gone) AS removedEvidence, removedStances
