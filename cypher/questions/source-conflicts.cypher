// @id source-conflicts
// @title Where do sources disagree?
// @description Conflicting reports: different sources give one actor opposite stances (rejection against proposal or support) on the same position or event at the same moment (dates that overlap within their precision), each side with its quotes or summaries and sources.
// @param asOf?: date — only stances dated on or before this day
// GET /api/conflicts reads the same rows (server/domain/conflicts.ts). A moment is a stance's
// date through the end of its precision (a month-precision date covers the month), as in
// server/domain/reports.ts; two moments overlap when each starts before the other ends.
// Scoped to a negotiation ($negotiation; null: all), both stances must be in it: its stances are
// read from the negotiation once, grouped by actor and target, and paired within each group, so a
// scoped read pairs what the same read pairs on a graph of that negotiation alone, never another
// negotiation's stances on a shared position (bench suite negotiations). Each guard comes first,
// so only one branch runs.
CALL () {
  WITH 1 AS unscoped WHERE $negotiation IS NULL
  MATCH (actor:Entity)-[:TOOK]->(s1:Stance)-[:ON]->(t:Entity)<-[:ON]-(s2:Stance)<-[:TOOK]-(actor)
  WHERE s1.id < s2.id
    AND s1.family <> 'other' AND s2.family <> 'other' AND (s1.family = 'rejection') <> (s2.family = 'rejection')
  RETURN actor, s1, t, s2
  UNION ALL
  WITH 1 AS scoped WHERE $negotiation IS NOT NULL
  MATCH (:Negotiation {id: $negotiation})<-[:IN_NEGOTIATION]-(s:Stance)
  WHERE s.family <> 'other' AND ($asOf IS NULL OR s.date <= date($asOf))
  MATCH (actor:Entity)-[:TOOK]->(s)-[:ON]->(t:Entity)
  WITH actor, t, collect(s) AS stances
  WHERE size(stances) > 1
  UNWIND stances AS s1
  UNWIND stances AS s2
  WITH actor, t, s1, s2
  WHERE s1.id < s2.id AND (s1.family = 'rejection') <> (s2.family = 'rejection')
  RETURN actor, s1, t, s2
}
WITH actor, t, s1, s2
WHERE s1.id < s2.id
  AND s1.family <> 'other' AND s2.family <> 'other' AND (s1.family = 'rejection') <> (s2.family = 'rejection')
  AND ($asOf IS NULL OR (s1.date <= date($asOf) AND s2.date <= date($asOf)))
WITH actor, t, s1, s2, [s IN [s1, s2] |
  CASE coalesce(s.datePrecision, 'day')
    WHEN 'week' THEN s.date + duration({days: 7})
    WHEN 'month' THEN s.date + duration({months: 1})
    WHEN 'year' THEN s.date + duration({years: 1})
    ELSE s.date + duration({days: 1})
  END] AS ends
WHERE s1.date < ends[1] AND s2.date < ends[0]
WITH actor, t, s1, s2,
  COLLECT { MATCH (s1)-[:EVIDENCED_BY]->(:Evidence)-[:FROM]->(src:Source) RETURN DISTINCT src.id AS id ORDER BY id } AS sources1,
  COLLECT { MATCH (s2)-[:EVIDENCED_BY]->(:Evidence)-[:FROM]->(src:Source) RETURN DISTINCT src.id AS id ORDER BY id } AS sources2
// Two stances that only the same sources give are one source's change of mind, not sources disagreeing.
WHERE sources1 <> sources2
WITH actor, t, [s IN [s1, s2] | {stanceId: s.id, type: s.type, family: s.family, date: toString(s.date), datePrecision: coalesce(s.datePrecision, 'day')}] AS steps,
  [s IN [s1, s2] | [(s)-[:EVIDENCED_BY]->(e:Evidence)-[:FROM]->(src:Source) |
    {quote: e.quote, summary: e.summary, reporting: e.reporting, via: e.via, evidenceId: e.id, date: toString(s.date),
     source: {id: src.id, title: src.title, publisher: src.publisher, url: src.url}}]] AS reports
WITH actor, t, steps[0] AS first, steps[1] AS second, reports
RETURN coalesce(actor.name, actor.id) AS actorName, actor.id AS actorId, [l IN labels(actor) WHERE l <> 'Entity'][0] AS actorType,
  coalesce(t.name, t.id) AS target, t.id AS targetId, [l IN labels(t) WHERE l <> 'Entity'][0] AS targetType,
  first {.*, reports: reports[0]} AS a,
  second {.*, reports: reports[1]} AS b,
  [r IN reports[0] + reports[1] | {quote: r.quote, summary: r.summary, source: r.source.id, sourceTitle: r.source.title, date: r.date}] AS evidence
ORDER BY actorName, target, a.date, a.stanceId, b.stanceId
