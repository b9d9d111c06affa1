// A negotiation declared by a source payload ($negotiation: id, name, aliases, description, start,
// end, parties, mediators): set as declared, its parties and mediators replaced (an id the graph
// does not hold is skipped; ingestion has checked them). Not an entity: deleting the source leaves it.
MERGE (n:Negotiation {id: $negotiation.id})
SET n.name = $negotiation.name,
    n.aliases = $negotiation.aliases,
    n.description = $negotiation.description,
    n.start = CASE WHEN $negotiation.start IS NULL THEN null ELSE date($negotiation.start) END,
    n.end = CASE WHEN $negotiation.end IS NULL THEN null ELSE date($negotiation.end) END
WITH n
CALL (n) {
  MATCH (n)-[r:PARTY|MEDIATOR]->()
  DELETE r
}
CALL (n) {
  UNWIND $negotiation.parties AS id
  MATCH (a:Entity {id: id})
  MERGE (n)-[:PARTY]->(a)
}
CALL (n) {
  UNWIND $negotiation.mediators AS id
  MATCH (a:Entity {id: id})
  MERGE (n)-[:MEDIATOR]->(a)
}
RETURN n.id AS id
