// Every node the graph view can draw (parties, officials, delegations, positions, events,
// documents, places), with its date, how many stances it took or is the target of (degree reads,
// no stance is touched) and whether some stance targets it: the view keeps events that are
// stance targets and leaves other events, documents and places to `include`. Sources and
// stances are not drawn. Ordered, so the same graph always gives the same rows.
MATCH (n:Party|Official|Delegation|Position|Event|Document|Place)
WHERE ($asOf IS NULL OR NOT (n:Event OR n:Document) OR n.date IS NULL OR n.date <= date($asOf))
  // $negotiation (null: all): what the negotiation involves: the actors and targets of its stances,
  // its events and documents and where they happened, its parties and mediators.
  AND ($negotiation IS NULL
    OR EXISTS { MATCH (n)-[:TOOK|ON]-(:Stance)-[:IN_NEGOTIATION]->(neg:Negotiation) WHERE neg.id = $negotiation }
    OR EXISTS { MATCH (n)-[:IN_NEGOTIATION]->(neg:Negotiation) WHERE neg.id = $negotiation }
    OR EXISTS { MATCH (n)<-[:PARTY|MEDIATOR]-(neg:Negotiation) WHERE neg.id = $negotiation }
    OR EXISTS { MATCH (n)<-[:LOCATED_IN]-(:Event)-[:IN_NEGOTIATION]->(neg:Negotiation) WHERE neg.id = $negotiation })
WITH n, COUNT { (n)<-[:ON]-() } AS targetedBy
RETURN n.id AS id, [label IN labels(n) WHERE label <> 'Entity'][0] AS type, coalesce(n.name, n.title, n.id) AS label,
  toString(n.date) AS date, targetedBy > 0 AS targeted, targetedBy + COUNT { (n)-[:TOOK]->() } AS stances
ORDER BY id
