// node-in-negotiation(@n): @n (any node of the visual graph) is part of the negotiation the request is scoped to ($negotiation; null: every node): the actors and targets of its stances, its events and documents and where they happened, its parties and mediators, and the sources that report on it.
($negotiation IS NULL
  OR EXISTS { MATCH (@n)-[:TOOK|ON]-(:Stance)-[:IN_NEGOTIATION]->(_neg:Negotiation) WHERE _neg.id = $negotiation }
  OR EXISTS { MATCH (@n)-[:IN_NEGOTIATION]->(_neg:Negotiation) WHERE _neg.id = $negotiation }
  OR EXISTS { MATCH (@n)<-[:PARTY|MEDIATOR]-(_neg:Negotiation) WHERE _neg.id = $negotiation }
  OR EXISTS { MATCH (@n)<-[:LOCATED_IN]-(:Event)-[:IN_NEGOTIATION]->(_neg:Negotiation) WHERE _neg.id = $negotiation }
  OR (@n:Source AND {{source-in-negotiation(@n)}}))
