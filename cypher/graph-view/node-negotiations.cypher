// The negotiations each drawable node is part of, with a weight: the stances of that negotiation
// it took or is the target of, plus one for an event or document of it, a party or mediator of it,
// or the place of one of its events (the membership of rule node-in-negotiation, counted). Read
// when the layout is computed afresh, so that "All negotiations" draws each negotiation as its
// own cluster and a node shared by several between them (graphLayout.ts initialPositions).
MATCH (neg:Negotiation)
CALL (neg) {
  MATCH (neg)<-[:IN_NEGOTIATION]-(s:Stance)
  MATCH (a)-[:TOOK]->(s)-[:ON]->(t)
  UNWIND [a, t] AS n
  RETURN n, count(*) AS weight
  UNION ALL
  MATCH (neg)<-[:IN_NEGOTIATION]-(n:Event|Document)
  RETURN n, 1 AS weight
  UNION ALL
  MATCH (neg)-[:PARTY|MEDIATOR]->(n)
  RETURN n, 1 AS weight
  UNION ALL
  MATCH (neg)<-[:IN_NEGOTIATION]-(:Event)-[:LOCATED_IN]->(n:Place)
  RETURN n, 1 AS weight
}
WITH neg, n, sum(weight) AS weight
WHERE n:Party|Official|Delegation|Position|Event|Document|Place
RETURN n.id AS id, neg.id AS negotiation, weight
ORDER BY id, negotiation
