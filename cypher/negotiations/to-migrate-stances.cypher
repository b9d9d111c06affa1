// One page of the stances in no negotiation (with $reconsider, or only in "Unassigned", $unassigned), after $after in
// id order: what the start migration assigns.
MATCH (x:Stance)
WHERE x.id > $after
  AND NOT EXISTS { MATCH (x)-[:IN_NEGOTIATION]->(held:Negotiation) WHERE NOT ($reconsider AND held.id = $unassigned) }
RETURN x.id AS id
ORDER BY id
LIMIT toInteger($limit)
