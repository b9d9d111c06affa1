// $links: [{from, type, to}] that the source no longer declares. Its id leaves each one's
// `sources`; a relationship no source declares any more goes.
UNWIND $links AS link
MATCH (a:Entity {id: link.from})-[r]->(b:Entity {id: link.to})
WHERE type(r) = link.type AND $sourceId IN coalesce(r.sources, [])
SET r.sources = [s IN r.sources WHERE s <> $sourceId]
WITH r WHERE size(r.sources) = 0
DELETE r
RETURN count(*) AS removedRelations
