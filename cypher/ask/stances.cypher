// Ask's stance path: stances filtered by actors (a party includes its officials, delegations and
// the bodies that are part of it), targets, stance types and a date window. Starts from the
// targets or the actors by index when given; each branch yields a superset and the WHERE decides.
// Each row carries what the target is linked to (participants, the positions it replaces) so the
// domain can read "accused <actor>" or "instead of <position>", and its evidence with the source.
// $negotiation (null: all): only that negotiation's stances. $sources (the admissible sources of a grade filter; null: all): a stance counts only with
// evidence from one of them, and carries only that evidence.
CALL () {
  UNWIND coalesce($targetIds, []) AS targetId
  MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(t:Entity {id: targetId})
  RETURN a, s, t
  UNION
  UNWIND CASE WHEN $targetIds IS NULL THEN coalesce($actorIds, []) ELSE [] END AS actorId
  MATCH (x:Entity {id: actorId})
  MATCH (a:Entity)-[{{roll-up()}}]->(x)
  MATCH (a)-[:TOOK]->(s:Stance)-[:ON]->(t:Entity)
  RETURN a, s, t
  UNION
  WITH 1 AS unfiltered
  WHERE $targetIds IS NULL AND $actorIds IS NULL
  MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(t:Entity)
  RETURN a, s, t
}
WITH a, s, t, {{party-of(a)}} AS party
WHERE ($actorIds IS NULL OR {{counts-for(a, $actorIds)}})
  AND ($targetIds IS NULL OR t.id IN $targetIds)
  AND ($types IS NULL OR s.type IN $types)
  AND ($before IS NULL OR s.date < date($before))
  AND ($after IS NULL OR s.date >= date($after))
  AND {{admissible-stance(s)}}
  AND {{in-negotiation(s)}}
RETURN s.id AS stanceId, coalesce(a.name, a.id) AS actor, a.id AS actorId, coalesce(party.name, a.name) AS party,
  coalesce(party.id, a.id) AS partyId, s.type AS type, s.family AS family, coalesce(t.name, t.id) AS target, t.id AS targetId,
  toString(s.date) AS date, s.datePrecision AS datePrecision, s.condition AS condition,
  COLLECT { MATCH (s)-[:CONDITIONAL_ON]->(c:Position) RETURN c.id }[0] AS conditionId,
  COLLECT { MATCH (s)-[:VOICED_BY]->(o:Official) RETURN o.name }[0] AS voicedBy,
  COLLECT { MATCH (t)-[:PARTICIPANT]->(p:Entity) RETURN p.id } AS participants,
  COLLECT { MATCH (t)-[:ALTERNATIVE_TO]->(p:Position) RETURN p.id } AS replaces,
  COLLECT { MATCH (t)-[r:HAS_PRECONDITION|CONDITIONAL_ON]->(p:Position) RETURN {relation: type(r), id: p.id, label: coalesce(p.name, p.id)} AS need ORDER BY need.label } AS requires,
  COLLECT {
    MATCH (s)-[:EVIDENCED_BY]->(e:Evidence) OPTIONAL MATCH (e)-[:FROM]->(src:Source)
    WITH e, src WHERE {{admissible-source(src)}}
    RETURN {id: e.id, quote: e.quote, summary: e.summary, via: e.via, sourceId: src.id, sourceTitle: src.title,
      sourceDate: toString(src.publishedAt), sourceUrl: src.url, reporting: e.reporting, sourceGrade: src.grade,
      sourcePublisher: {{publisher-name(src)}}} AS item ORDER BY e.id
  } AS evidence
ORDER BY s.date, actor, target
LIMIT toInteger($limit)
