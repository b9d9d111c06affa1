// A scoped graph view's stances ($negotiation), read from the negotiation in one pass and
// aggregated into one edge per actor → target as graph-view/view-stance-edges aggregates them
// (the same filters, the same latest stance). Every actor → target pair of the negotiation is a
// row, so that its ends are the view's actors and targets (rule node-in-negotiation); a pair none
// of whose stances passes the filters has stanceCount 0 and no edge. The unscoped view reads in
// chunks of actors; a scoped one reads one negotiation, without testing other negotiations' stances.
// A stance's actor and target are read in one pass over its relationships (two expansions, one
// per type, would read them twice: the unscoped read reaches each stance from its actor).
MATCH (:Negotiation {id: $negotiation})<-[:IN_NEGOTIATION]-(s:Stance)-[r:TOOK|ON]-(x:Entity)
WITH s, collect(CASE WHEN type(r) = 'TOOK' AND endNode(r) = s THEN x END) AS actors, collect(CASE WHEN type(r) = 'ON' AND startNode(r) = s THEN x END) AS targets
UNWIND actors AS a
UNWIND targets AS t
WITH a, t, s,
  s.type IN $stanceTypes AND ($asOf IS NULL OR s.date <= date($asOf)) AND {{admissible-stance(s)}} AS counted
WITH a.id AS source, t.id AS target, count(CASE WHEN counted THEN s END) AS stanceCount,
  split(max(CASE WHEN counted THEN toString(s.date) + ' ' + s.id + ' ' + s.type + ' ' + s.family END), ' ') AS latest
RETURN source, target, stanceCount, latest[-2] AS latestType, latest[-1] AS latestFamily, latest[0] AS latestDate, latest[1] AS latestStance
ORDER BY source, target
