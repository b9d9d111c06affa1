// The assignment rule over a draft, nothing written (docs/model.md, "Negotiations"): for each probe
// ($probes: {actor, date}, the graph actor a draft's stance would be taken by, and its day), the
// negotiation a stance of that actor on that day joins by the rule negotiation-match (null: none),
// and the party the actor counts for (party-of). A probe whose actor the graph does not hold gives no row.
UNWIND range(0, size($probes) - 1) AS i
WITH i, $probes[i] AS probe
MATCH (a:Entity {id: probe.actor})
WITH i, a, date(probe.date) AS day
WITH i, {{negotiation-match(a, day)}} AS n, {{party-of(a)}} AS party
RETURN i AS probe, n.id AS negotiation, party.id AS party, party.name AS partyName
ORDER BY probe
