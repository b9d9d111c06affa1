// @id contested-positions
// @title Contested positions
// @description Positions that some actor is for (proposal or support family) and some actor is against (rejection family).
// @param asOf?: date — only stances dated on or before this day
MATCH (pos:Position)<-[:ON]-(s:Stance)<-[:TOOK]-(a:Entity)
WHERE ($asOf IS NULL OR s.date <= date($asOf)) AND {{in-negotiation(s)}}
WITH pos, s, a, COLLECT {
    MATCH (s)-[:EVIDENCED_BY]->(e:Evidence) OPTIONAL MATCH (e)-[:FROM]->(src:Source)
    RETURN {quote: e.quote, summary: e.summary, source: src.id, sourceTitle: src.title, date: s.date} AS item ORDER BY e.id
  } AS evidence
ORDER BY s.date, a.name
WITH pos,
  [x IN collect({actor: a.name, stance: s.type, family: s.family}) WHERE x.family IN ['proposal', 'support'] | x.actor + ' ' + x.stance] AS inFavour,
  [x IN collect({actor: a.name, stance: s.type, family: s.family}) WHERE x.family = 'rejection' | x.actor + ' ' + x.stance] AS against,
  reduce(all = [], ev IN collect(evidence) | all + ev) AS evidence
WHERE size(inFavour) > 0 AND size(against) > 0
RETURN pos.name AS position, pos.id AS positionId, inFavour, against, evidence
ORDER BY position
