// "Unassigned" goes once nothing is in it.
MATCH (u:Negotiation {id: $unassigned})
WHERE NOT (u)<-[:IN_NEGOTIATION]-()
DELETE u
RETURN count(u) AS dropped
