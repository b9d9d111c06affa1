// The assignment rule, last step: a stance, event or document of $ids that no step placed goes to
// the "Unassigned" negotiation ($unassigned), made when first needed, so nothing is out of scope.
UNWIND $ids AS id
MATCH (x:Entity {id: id})
WHERE (x:Stance OR x:Event OR x:Document) AND NOT (x)-[:IN_NEGOTIATION]->(:Negotiation)
MERGE (u:Negotiation {id: $unassigned})
ON CREATE SET u.name = 'Unassigned', u.aliases = [],
  u.description = 'What no negotiation matched by its parties and dates, and no source placed'
MERGE (x)-[r:IN_NEGOTIATION]->(u)
ON CREATE SET r.sources = [], r.rule = true
RETURN count(x) AS unassigned
