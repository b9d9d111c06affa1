// The negotiations ($id: one, null: all) with their parties, mediators, period and what belongs to
// them: stances, events and documents (members), the positions their stances are on and the
// sources whose evidence supports them. Counted from the negotiation's own members, by degree.
MATCH (n:Negotiation)
WHERE $id IS NULL OR n.id = $id
RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases, n.description AS description,
  toString(n.start) AS start, toString(n.end) AS end,
  COLLECT { MATCH (n)-[:PARTY]->(a) RETURN {id: a.id, label: coalesce(a.name, a.id), type: [l IN labels(a) WHERE l <> 'Entity'][0]} AS ref ORDER BY ref.id } AS parties,
  COLLECT { MATCH (n)-[:MEDIATOR]->(a) RETURN {id: a.id, label: coalesce(a.name, a.id), type: [l IN labels(a) WHERE l <> 'Entity'][0]} AS ref ORDER BY ref.id } AS mediators,
  {
    stances: COUNT { (n)<-[:IN_NEGOTIATION]-(:Stance) },
    events: COUNT { (n)<-[:IN_NEGOTIATION]-(:Event) },
    documents: COUNT { (n)<-[:IN_NEGOTIATION]-(:Document) },
    positions: COUNT { MATCH (n)<-[:IN_NEGOTIATION]-(:Stance)-[:ON]->(p:Position) RETURN DISTINCT p },
    sources: COUNT { MATCH (n)<-[:IN_NEGOTIATION]-(:Stance)-[:EVIDENCED_BY]->(:Evidence)-[:FROM]->(src:Source) RETURN DISTINCT src }
  } AS counts
ORDER BY n.id = $unassigned, toLower(name), id
