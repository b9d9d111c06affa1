MATCH (s:Source) RETURN count(s) AS total
