// @id common-ground
// @title Common ground between parties
// @description Positions every given party is for (a proposal- or support-family stance by it or one of its officials or delegations) and none of them is against.
// @param parties: ids(Party) — two or more parties
// @param asOf?: date — only stances dated on or before this day
MATCH (pos:Position)
WHERE all(pid IN $parties WHERE EXISTS {
    MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(pos)
    WHERE s.family IN ['proposal', 'support'] AND ($asOf IS NULL OR s.date <= date($asOf)) AND {{in-negotiation(s)}}
      AND {{counts-for(a, [pid])}}
  })
  AND NOT EXISTS {
    MATCH (a:Entity)-[:TOOK]->(s:Stance {family: 'rejection'})-[:ON]->(pos)
    WHERE ($asOf IS NULL OR s.date <= date($asOf)) AND {{in-negotiation(s)}}
      AND {{counts-for(a, $parties)}}
  }
MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(pos)
WHERE ($asOf IS NULL OR s.date <= date($asOf)) AND {{in-negotiation(s)}}
  AND {{counts-for(a, $parties)}}
WITH pos, s, a ORDER BY s.date, a.name
RETURN pos.name AS position, pos.id AS positionId,
  collect(a.name + ' ' + s.type) AS stances,
  reduce(all = [], ev IN collect(COLLECT {
    MATCH (s)-[:EVIDENCED_BY]->(e:Evidence) OPTIONAL MATCH (e)-[:FROM]->(src:Source)
    RETURN {quote: e.quote, summary: e.summary, source: src.id, sourceTitle: src.title, date: s.date} AS item ORDER BY e.id
  }) | all + ev) AS evidence
ORDER BY position
