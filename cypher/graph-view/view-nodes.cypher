// Every node the graph view can draw (parties, officials, delegations, positions, events,
// documents, places), with its date, how many stances it took or is the target of (degree reads,
// no stance is touched) and whether some stance targets it: the view keeps events that are
// stance targets and leaves other events, documents and places to `include`. Sources and
// stances are not drawn. Ordered, so the same graph always gives the same rows.
MATCH (n:Party|Official|Delegation|Position|Event|Document|Place)
WHERE $asOf IS NULL OR NOT (n:Event OR n:Document) OR n.date IS NULL OR n.date <= date($asOf)
WITH n, COUNT { (n)<-[:ON]-() } AS targetedBy
RETURN n.id AS id, [label IN labels(n) WHERE label <> 'Entity'][0] AS type, coalesce(n.name, n.title, n.id) AS label,
  toString(n.date) AS date, targetedBy > 0 AS targeted, targetedBy + COUNT { (n)-[:TOOK]->() } AS stances
ORDER BY id
