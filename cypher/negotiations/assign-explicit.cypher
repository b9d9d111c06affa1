// The source says which negotiation it reports on ($negotiation): each of $ids (its stances, events
// and documents) is a member, the source's id in the membership's sorted `sources` (as links keep
// theirs, so a restore in another order gives the same). What the rule or "Unassigned" gave such a
// node gives way to what a source says.
MATCH (n:Negotiation {id: $negotiation})
UNWIND $ids AS id
MATCH (x:Entity {id: id})
CALL (x, n) {
  MATCH (x)-[old:IN_NEGOTIATION]->(other:Negotiation)
  WHERE other <> n AND size(coalesce(old.sources, [])) = 0
  DELETE old
}
MERGE (x)-[r:IN_NEGOTIATION]->(n)
WITH r, coalesce(r.sources, []) AS known
SET r.rule = false,
    r.sources = CASE WHEN $sourceId IN known THEN known
                ELSE [s IN known WHERE s < $sourceId] + $sourceId + [s IN known WHERE s > $sourceId] END
RETURN count(r) AS assigned
