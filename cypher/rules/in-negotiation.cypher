// in-negotiation(@node): @node (a stance, event or document) belongs to the negotiation the request is scoped to ($negotiation; null: every node counts).
($negotiation IS NULL OR EXISTS { MATCH (@node)-[:IN_NEGOTIATION]->(_neg:Negotiation) WHERE _neg.id = $negotiation })
