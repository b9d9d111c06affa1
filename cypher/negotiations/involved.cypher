// Of the nodes $ids, those with a stance in the negotiation $negotiation (taken or on them), or that are themselves its members (events, documents).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE EXISTS { MATCH (n)-[:TOOK|ON]-(:Stance)-[:IN_NEGOTIATION]->(neg:Negotiation) WHERE neg.id = $negotiation }
  OR EXISTS { MATCH (n)-[:IN_NEGOTIATION]->(neg:Negotiation) WHERE neg.id = $negotiation }
RETURN n.id AS id
