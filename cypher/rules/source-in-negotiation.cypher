// source-in-negotiation(@source): @source reports on the negotiation the request is scoped to ($negotiation; null: every source counts): a source's negotiations are those of the stances its evidence supports and of the events and documents it mentions.
($negotiation IS NULL
  OR EXISTS { MATCH (@source)<-[:FROM]-(:Evidence)<-[:EVIDENCED_BY]-(:Stance)-[:IN_NEGOTIATION]->(_neg:Negotiation) WHERE _neg.id = $negotiation }
  OR EXISTS { MATCH (@source)<-[:MENTIONED_IN]-(:Event|Document)-[:IN_NEGOTIATION]->(_neg:Negotiation) WHERE _neg.id = $negotiation })
