// admissible-stance(@stance): @stance has evidence from at least one admissible source, so it
// counts under the request's grade filter ($sources; null: every stance counts).
($sources IS NULL OR EXISTS { MATCH (@stance)-[:EVIDENCED_BY]->(:Evidence)-[:FROM]->(_src:Source) WHERE _src.id IN $sources })
