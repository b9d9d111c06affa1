// One page of the events and documents in no negotiation (with $reconsider, or only in "Unassigned", $unassigned),
// after $after in id order: what the start migration assigns after the stances.
CALL () {
  MATCH (x:Event) WHERE x.id > $after RETURN x
  UNION
  MATCH (x:Document) WHERE x.id > $after RETURN x
}
WITH x
WHERE NOT EXISTS { MATCH (x)-[:IN_NEGOTIATION]->(held:Negotiation) WHERE NOT ($reconsider AND held.id = $unassigned) }
RETURN x.id AS id
ORDER BY id
LIMIT toInteger($limit)
