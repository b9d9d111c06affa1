// @id agree-disagree
// @title Where two parties agree and disagree
// @description Positions both parties took a stance on (officials and delegations roll up), comparing each party's latest stance: agree when both are for (proposal or support) or both against (rejection), disagree when one is for and the other against, differ otherwise.
// @param a: id(Party) — the first party
// @param b: id(Party) — the second party
// @param asOf?: date — only stances dated on or before this day
MATCH (pa:Party {id: $a}), (pb:Party {id: $b})
MATCH (pos:Position)
CALL (pa, pos) {
  MATCH (x:Entity)-[:TOOK]->(s:Stance)-[:ON]->(pos)
  WHERE {{counts-for(x, [pa.id])}} AND ($asOf IS NULL OR s.date <= date($asOf)) AND {{in-negotiation(s)}}
  RETURN s AS sa, x AS xa ORDER BY s.date DESC, s.id LIMIT 1
}
CALL (pb, pos) {
  MATCH (x:Entity)-[:TOOK]->(s:Stance)-[:ON]->(pos)
  WHERE {{counts-for(x, [pb.id])}} AND ($asOf IS NULL OR s.date <= date($asOf)) AND {{in-negotiation(s)}}
  RETURN s AS sb, x AS xb ORDER BY s.date DESC, s.id LIMIT 1
}
WITH pa, pb, pos, sa, xa, sb, xb,
  CASE WHEN sa.family IN ['proposal', 'support'] THEN 'for' WHEN sa.family = 'rejection' THEN 'against' ELSE 'other' END AS ka,
  CASE WHEN sb.family IN ['proposal', 'support'] THEN 'for' WHEN sb.family = 'rejection' THEN 'against' ELSE 'other' END AS kb
RETURN pos.name AS position, pos.id AS positionId,
  pa.name AS partyA, xa.name + ' ' + sa.type AS stanceA,
  pb.name AS partyB, xb.name + ' ' + sb.type AS stanceB,
  CASE WHEN ka = kb AND ka <> 'other' THEN 'agree' WHEN ka <> 'other' AND kb <> 'other' THEN 'disagree' ELSE 'differ' END AS relation,
  COLLECT {
    MATCH (s:Stance)-[:EVIDENCED_BY]->(e:Evidence) WHERE s IN [sa, sb] OPTIONAL MATCH (e)-[:FROM]->(src:Source)
    RETURN {quote: e.quote, summary: e.summary, source: src.id, sourceTitle: src.title, date: s.date} AS item ORDER BY s.date, e.id
  } AS evidence
ORDER BY relation, position
