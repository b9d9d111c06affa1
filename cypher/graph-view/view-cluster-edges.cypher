// The stances of a chunk of actors ($actors, see graph-view/stance-actors) aggregated into one edge
// per community → community of the stored layout ($communityOf: node id → community), for the
// clustered view: how many stances, and the latest one (as in graph-view/view-stance-edges; its id
// breaks ties of date when chunks are summed). Stances
// within one community, and those of nodes the layout has not placed yet, are left out.
MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(t:Entity)
WHERE a.id IN $actors
  AND s.type IN $stanceTypes AND ($asOf IS NULL OR s.date <= date($asOf))
  AND {{admissible-stance(s)}}
  // $negotiation (null: all): only the stances of that negotiation.
  AND {{in-negotiation(s)}}
WITH $communityOf[a.id] AS source, $communityOf[t.id] AS target, s
WHERE source IS NOT NULL AND target IS NOT NULL AND source <> target
WITH source, target, count(s) AS stanceCount,
  split(max(toString(s.date) + ' ' + s.id + ' ' + s.type + ' ' + s.family), ' ') AS latest
RETURN source, target, stanceCount, latest[-2] AS latestType, latest[-1] AS latestFamily, latest[0] AS latestDate, latest[1] AS latestStance
