// Party × position: each party's latest stance on each position (its officials', delegations'
// and member bodies' stances roll up to it, as docs/model.md says), with stance and evidence counts.
// Under a grade filter ($sources: the admissible sources; null: all) only evidence from those
// counts, and a stance with none is left out. $stanceTypes (null: all) keeps only stances of those types.
MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(pos:Position)
WHERE ($asOf IS NULL OR s.date <= date($asOf)) AND ($stanceTypes IS NULL OR s.type IN $stanceTypes)
WITH a, s, pos, {{party-of(a)}} AS party
WHERE party IS NOT NULL
WITH party, pos, s, a,
  COUNT { (s)-[:EVIDENCED_BY]->(e:Evidence) WHERE {{admissible-evidence(e)}} } AS evidence
WHERE $sources IS NULL OR evidence > 0
ORDER BY s.date DESC, s.id
WITH party, pos,
  collect({id: s.id, type: s.type, family: s.family, date: s.date,
           actor: {id: a.id, label: coalesce(a.name, a.id), type: [l IN labels(a) WHERE l <> 'Entity'][0]}}) AS stances,
  collect({id: s.id, type: s.type, family: s.family, date: s.date, datePrecision: coalesce(s.datePrecision, 'day')}) AS history,
  count(s) AS stanceCount, sum(evidence) AS evidenceCount
RETURN party.id AS party, pos.id AS position, stances[0] AS latest, history, stanceCount, evidenceCount
ORDER BY party, position
