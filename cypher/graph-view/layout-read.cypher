// The stored layout of the graph view: one node, outside the graph's own labels (not an
// Entity), holding the stamp it was computed for and the snapshot it arranged.
MATCH (l:GraphLayout {key: 'graph-view'})
RETURN l.stamp AS stamp, l.computedAt AS computedAt, l.snapshot AS snapshot
