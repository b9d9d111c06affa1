MATCH (s:Source) WHERE $sources IS NULL OR s.id IN $sources RETURN count(s) AS total
