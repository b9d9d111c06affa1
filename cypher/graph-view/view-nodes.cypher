// Every node the graph view can draw (parties, officials, delegations, positions, events,
// documents, places), with its date, how many stances it took or is the target of (degree reads,
// no stance is touched) and whether some stance targets it: the view keeps events that are
// stance targets and leaves other events, documents and places to `include`. Sources and
// stances are not drawn. Ordered, so the same graph always gives the same rows.
// $negotiation (null: all): only what the negotiation involves (the rule node-in-negotiation): the
// actors and targets of its stances, its events and documents and where they happened, its parties
// and mediators. Read from the negotiation, not by testing every node of every negotiation: a scoped
// view then costs what the same view costs on a graph of that negotiation alone (bench suite
// negotiations); each guard comes first, so only one branch runs.
CALL () {
  WITH 1 AS unscoped WHERE $negotiation IS NULL
  MATCH (n:Party|Official|Delegation|Position|Event|Document|Place)
  RETURN n
  UNION
  WITH 1 AS scoped WHERE $negotiation IS NOT NULL
  MATCH (neg:Negotiation {id: $negotiation})
  CALL (neg) {
    // The actors and targets of its stances: given as $ends when the caller has read them
    // (graph-view/view-negotiation-edges), else read here.
    WITH neg WHERE $ends IS NULL
    MATCH (neg)<-[:IN_NEGOTIATION]-(:Stance)-[:TOOK|ON]-(n)
    RETURN n
    UNION
    WITH neg WHERE $ends IS NOT NULL
    MATCH (n:Entity)
    WHERE n.id IN $ends
    RETURN n
    UNION
    MATCH (neg)<-[:IN_NEGOTIATION]-(n:Event|Document)
    RETURN n
    UNION
    MATCH (neg)-[:PARTY|MEDIATOR]->(n)
    RETURN n
    UNION
    MATCH (neg)<-[:IN_NEGOTIATION]-(:Event)-[:LOCATED_IN]->(n)
    RETURN n
  }
  RETURN n
}
WITH n
WHERE n:Party|Official|Delegation|Position|Event|Document|Place
  AND ($asOf IS NULL OR NOT (n:Event OR n:Document) OR n.date IS NULL OR n.date <= date($asOf))
WITH n, COUNT { (n)<-[:ON]-() } AS targetedBy
RETURN n.id AS id, [label IN labels(n) WHERE label <> 'Entity'][0] AS type, coalesce(n.name, n.title, n.id) AS label,
  toString(n.date) AS date, targetedBy > 0 AS targeted, targetedBy + COUNT { (n)-[:TOOK]->() } AS stances
ORDER BY id
