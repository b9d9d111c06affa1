// The stances of a chunk of actors ($actors, see graph-view/stance-actors) aggregated into one edge
// per actor → target: how many, and the latest one (latest date, then highest id, as the matrix
// picks it). $targets (null: any) keeps only edges into those nodes (the members of a cluster).
// The actor is the one who took the stance; the roll-up to a party (docs/model.md) is the
// matrix's and the trace's, and the stance detail of an edge lists the party each stance rolls
// up to. The latest stance is found with max() over one sortable key ('date id type family':
// ids are slugs and type and family vocabulary words, none with a space, and a space sorts below
// every character they use, so stance:x-95 stays below stance:x-955 as in an ORDER BY of the id),
// so each group holds one string, not its stances.
MATCH (a:Entity)-[:TOOK]->(s:Stance)-[:ON]->(t:Entity)
WHERE a.id IN $actors AND ($targets IS NULL OR t.id IN $targets)
  AND s.type IN $stanceTypes AND ($asOf IS NULL OR s.date <= date($asOf))
  // $sources (null: all): the admissible sources of a grade filter, as in graph/stances-among.
  AND {{admissible-stance(s)}}
  // $negotiation (null: all): only the stances of that negotiation.
  AND {{in-negotiation(s)}}
WITH a.id AS source, t.id AS target, count(s) AS stanceCount,
  split(max(toString(s.date) + ' ' + s.id + ' ' + s.type + ' ' + s.family), ' ') AS latest
RETURN source, target, stanceCount, latest[-2] AS latestType, latest[-1] AS latestFamily, latest[0] AS latestDate, latest[1] AS latestStance
ORDER BY source, target
