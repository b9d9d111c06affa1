// Of the stances $ids, those in the negotiation $negotiation.
UNWIND $ids AS id
MATCH (s:Stance {id: id})-[:IN_NEGOTIATION]->(:Negotiation {id: $negotiation})
RETURN s.id AS id
