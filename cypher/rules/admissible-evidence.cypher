// admissible-evidence(@evidence): @evidence comes from an admissible source under the request's
// grade filter ($sources; null: all evidence counts).
($sources IS NULL OR EXISTS { MATCH (@evidence)-[:FROM]->(_src:Source) WHERE _src.id IN $sources })
