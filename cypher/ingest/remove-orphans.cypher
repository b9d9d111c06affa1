// Of the entities a source let go, those nothing else holds on to (no other source declares
// them, no stance or relationship of another source uses them) go too.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE NOT (n)--()
DELETE n
RETURN count(*) AS removedEntities
