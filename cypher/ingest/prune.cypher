// Re-ingesting a source replaces what it contributed: evidence it no longer gives goes,
// and so does any stance left without evidence.
MATCH (e:Evidence)-[:FROM]->(:Source {id: $sourceId})
WHERE NOT e.id IN $evidenceIds
DETACH DELETE e
WITH count(*) AS removedEvidence
OPTIONAL MATCH (s:Stance) WHERE NOT (s)-[:EVIDENCED_BY]->()
DETACH DELETE s
RETURN removedEvidence, count(s) AS removedStances
