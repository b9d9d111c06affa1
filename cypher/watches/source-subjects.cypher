// What a source's change concerns: the actors of the stances its evidence supports, the parties
// they roll up to, their targets, events, the officials who voiced them and their negotiations. Empty for no source.
MATCH (src:Source {id: $sourceId})
CALL (src) {
  OPTIONAL MATCH (actor:Entity)-[:TOOK]->(s:Stance)-[:EVIDENCED_BY]->(:Evidence)-[:FROM]->(src)
  OPTIONAL MATCH (s)-[:ON]->(target:Entity)
  WITH actor, s, target, {{party-of(actor)}} AS party
  UNWIND [actor.id, target.id, party.id] + [(s)-[:AT|VOICED_BY]->(x:Entity) | x.id] + [(s)-[:IN_NEGOTIATION]->(n:Negotiation) | n.id] AS subject
  WITH subject WHERE subject IS NOT NULL
  RETURN collect(DISTINCT subject) AS subjects
}
RETURN coalesce(src.title, src.name, src.id) AS title, subjects
