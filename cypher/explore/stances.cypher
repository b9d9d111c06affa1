// Stances with their actor, the party the actor rolls up to (itself for a party; an official
// via REPRESENTS, a delegation via DELEGATION_OF), target, condition and evidence.
// Filters (each may be null): $position (target id), $actor (with roll-up), $conditionOn
// (stances whose condition refers to that position), $asOf (stance date <= asOf).
MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(t:Entity)
WHERE ($position IS NULL OR t.id = $position)
  AND ($actor IS NULL OR a.id = $actor OR EXISTS { (a)-[:REPRESENTS|DELEGATION_OF]->(:Entity {id: $actor}) })
  AND ($conditionOn IS NULL OR EXISTS { (s)-[:CONDITIONAL_ON]->(:Position {id: $conditionOn}) })
  AND ($asOf IS NULL OR s.date <= date($asOf))
WITH a, s, t, CASE WHEN a:Party THEN a ELSE COLLECT { MATCH (a)-[:REPRESENTS|DELEGATION_OF]->(p:Party) RETURN p }[0] END AS party
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
    RETURN {quote: e.quote, summary: e.summary, reporting: e.reporting, via: e.via, source: src.id, sourceTitle: src.title} AS item
    ORDER BY e.id
  } AS evidence
ORDER BY date, id
