MATCH (s:Source) WHERE ($sources IS NULL OR s.id IN $sources) AND {{source-in-negotiation(s)}} RETURN count(s) AS total
