// Which of $ids name a negotiation.
MATCH (n:Negotiation)
WHERE n.id IN $ids
RETURN n.id AS id
