// Party × position: each party's stances on each position (its officials', delegations' and
// member bodies' stances roll up to it, as docs/model.md says), each with the evidence behind it
// (source and first- or second-hand), so the story judges the cell's headline, reversal and any
// dispute (server/core/disputes.ts). Under a grade filter ($sources: the admissible sources; null:
// all) only evidence from those counts, and a stance with none is left out. $stanceTypes (null:
// all) keeps only stances of those types; $negotiation (null: all) only the stances of that negotiation.
// Scoped, the stances are read from the negotiation rather than tested one by one, and so need no
// test of their own after (each guard comes first, so only one branch runs).
CALL () {
  WITH 1 AS unscoped WHERE $negotiation IS NULL
  MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(pos:Position)
  RETURN a, s, pos
  UNION ALL
  WITH 1 AS scoped WHERE $negotiation IS NOT NULL
  MATCH (:Negotiation {id: $negotiation})<-[:IN_NEGOTIATION]-(s:Stance)
  MATCH (a:Entity)-[:TOOK]->(s)-[:ON]->(pos:Position)
  RETURN a, s, pos
}
WITH a, s, pos
WHERE ($asOf IS NULL OR s.date <= date($asOf)) AND ($stanceTypes IS NULL OR s.type IN $stanceTypes)
WITH a, s, pos, {{party-of(a)}} AS party
WHERE party IS NOT NULL
WITH party, pos, s, a,
  [(s)-[:EVIDENCED_BY]->(e:Evidence) WHERE {{admissible-evidence(e)}} |
    {source: head([(e)-[:FROM]->(src:Source) | src.id]), reporting: e.reporting}] AS evidence
WHERE $sources IS NULL OR size(evidence) > 0
ORDER BY s.date DESC, s.id
WITH party, pos,
  collect({id: s.id, type: s.type, family: s.family, date: s.date, datePrecision: coalesce(s.datePrecision, 'day'), evidence: evidence,
           actor: {id: a.id, label: coalesce(a.name, a.id), type: [l IN labels(a) WHERE l <> 'Entity'][0]}}) AS stances
RETURN party.id AS party, pos.id AS position, stances
ORDER BY party, position
