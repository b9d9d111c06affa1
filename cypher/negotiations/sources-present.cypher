// Which of $ids name a source the graph holds.
MATCH (s:Source)
WHERE s.id IN $ids
RETURN s.id AS id
