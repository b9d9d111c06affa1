// The graph's stamp moved but the layout's inputs did not (sources ingested and taken out again,
// a source sent again unchanged): the stored layout is kept as it is, under the new stamp.
MATCH (l:GraphLayout {key: 'graph-view'})
WHERE l.stamp = $previous
SET l.stamp = $stamp
RETURN l.computedAt AS computedAt
