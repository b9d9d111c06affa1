// Of the entities a source let go, those nothing else holds on to (no other source declares
// them, no stance or relationship of another source uses them) go too. Membership of a
// negotiation (IN_NEGOTIATION) holds nothing: it goes with them.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE NOT EXISTS { MATCH (n)-[r]-() WHERE type(r) <> 'IN_NEGOTIATION' }
DETACH DELETE n
RETURN count(*) AS removedEntities
