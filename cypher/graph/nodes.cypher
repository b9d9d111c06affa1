// Every node of the requested types ($nodeTypes), for the visual graph without an actor or
// position filter; capped IN the query ($limit: the caller asks for one more than it shows, to
// know whether the answer was truncated). The scan names the node labels rather than Entity:
// stances and evidence carry Entity too, and there are millions of them in a large world.
// The label list is model.ts's NODE_TYPES. $negotiation (null: all) keeps what that negotiation involves. Completed by graph/node-row.
MATCH (n:Party|Official|Delegation|Position|Event|Document|Place|Source)
WHERE any(label IN labels(n) WHERE label IN $nodeTypes)
  AND ($asOf IS NULL OR NOT (n:Event OR n:Document) OR n.date IS NULL OR n.date <= date($asOf))
  AND {{node-in-negotiation(n)}}
