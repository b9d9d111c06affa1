// The negotiations of each of the stances $ids (a stance may be in several), by id.
UNWIND $ids AS id
MATCH (s:Stance {id: id})-[:IN_NEGOTIATION]->(n:Negotiation)
RETURN s.id AS stance, n.id AS id, n.name AS name
ORDER BY stance, id
