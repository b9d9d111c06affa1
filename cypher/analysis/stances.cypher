// Stances with their actor, the party the actor rolls up to (the roll-up rule of docs/model.md:
// REPRESENTS, DELEGATION_OF and PART_OF up to the outermost party), target, condition and evidence.
// Filters (each may be null): $position (target id), $actor (with roll-up), $conditionOn
// (stances whose condition refers to that position), $asOf (stance date <= asOf), $sources (the
// admissible sources of a grade filter: a stance counts only with evidence from one of them, and
// lists only that evidence), $negotiation (only its stances).
// The CALL starts from whichever filter is set, by index, instead of scanning every stance (the
// OR-with-null filters below cannot use an index): 600 ms → a few ms for a trace on a graph of
// 100k stances (bench/RESULTS.md). Each branch yields a superset; the WHERE below decides.
CALL () {
  MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(t:Entity {id: $position})
  RETURN a, s, t
  UNION
  MATCH (:Position {id: $conditionOn})<-[:CONDITIONAL_ON]-(s:Stance)
  WHERE $position IS NULL
  MATCH (a:Entity)-[:TOOK]->(s)-[:ON]->(t:Entity)
  RETURN a, s, t
  UNION
  MATCH (x:Entity {id: $actor})
  WHERE $position IS NULL AND $conditionOn IS NULL
  MATCH (a:Entity)-[{{roll-up()}}]->(x)
  MATCH (a)-[:TOOK]->(s:Stance)-[:ON]->(t:Entity)
  RETURN a, s, t
  UNION
  // Without any filter: every stance. The guard comes first, so the scan only runs then.
  WITH 1 AS unfiltered
  WHERE $position IS NULL AND $conditionOn IS NULL AND $actor IS NULL
  MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(t:Entity)
  RETURN a, s, t
}
WITH a, s, t
WHERE ($position IS NULL OR t.id = $position)
  AND ($actor IS NULL OR {{counts-for(a, [$actor])}})
  AND ($conditionOn IS NULL OR EXISTS { (s)-[:CONDITIONAL_ON]->(:Position {id: $conditionOn}) })
  AND ($asOf IS NULL OR s.date <= date($asOf))
  AND {{admissible-stance(s)}}
  // $negotiation (null: all): only the stances of that negotiation.
  AND {{in-negotiation(s)}}
WITH a, s, t, {{party-of(a)}} AS party
RETURN s.id AS id, s.type AS type, s.family AS family,
  {id: a.id, label: coalesce(a.name, a.id), type: [l IN labels(a) WHERE l <> 'Entity'][0]} AS actor,
  CASE WHEN party IS NULL THEN null ELSE {id: party.id, label: coalesce(party.name, party.id), type: 'Party'} END AS party,
  {id: t.id, label: coalesce(t.name, t.id), type: [l IN labels(t) WHERE l <> 'Entity'][0]} AS target,
  s.date AS date, coalesce(s.datePrecision, 'day') AS datePrecision, s.condition AS condition,
  COLLECT { MATCH (s)-[:CONDITIONAL_ON]->(c:Position) RETURN {id: c.id, label: coalesce(c.name, c.id), type: 'Position'} }[0] AS conditionPosition,
  s.confidence AS confidence,
  COLLECT { MATCH (s)-[:AT]->(ev:Event) RETURN {id: ev.id, label: coalesce(ev.name, ev.id), type: 'Event'} }[0] AS event,
  COLLECT { MATCH (s)-[:VOICED_BY]->(o:Official) RETURN {id: o.id, label: coalesce(o.name, o.id), type: 'Official'} }[0] AS voicedBy,
  COLLECT {
    MATCH (s)-[:EVIDENCED_BY]->(e:Evidence)
    OPTIONAL MATCH (e)-[:FROM]->(src:Source)
    WITH e, src WHERE {{admissible-source(src)}}
    RETURN {quote: e.quote, summary: e.summary, reporting: e.reporting, via: e.via, source: src.id, sourceTitle: src.title,
      sourceGrade: src.grade, sourcePublisher: {{publisher-name(src)}}} AS item
    ORDER BY e.id
  } AS evidence
ORDER BY date, id
