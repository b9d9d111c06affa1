// What the stored layout was computed from: the sources (how many, the last ingestion) and the
// node and stance counts (count store lookups). A layout whose stamp differs is stale.
CALL () {
  MATCH (r:SourceRecord)
  RETURN count(r) AS sources, max(r.ingestedAt) AS lastIngestedAt
}
CALL () {
  MATCH (s:Stance)
  RETURN count(s) AS stances
}
CALL () {
  MATCH (n:Entity)
  RETURN count(n) AS entities
}
RETURN sources + '|' + coalesce(toString(lastIngestedAt), '-') + '|' + stances + '|' + entities AS stamp
