// Replaces the stored layout of the graph view (see graph-view/layout-read).
MERGE (l:GraphLayout {key: 'graph-view'})
SET l.stamp = $stamp, l.computedAt = $computedAt, l.snapshot = $snapshot
