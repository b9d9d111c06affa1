// Read in the change's own transaction before it writes: whether the source is already there and
// which of the payload's stance ids the graph already holds (those are no new stances).
OPTIONAL MATCH (src:Source {id: $sourceId})
RETURN src IS NOT NULL AS sourceExisted,
       [id IN $stanceIds WHERE EXISTS { MATCH (:Stance {id: id}) }] AS existingStances
