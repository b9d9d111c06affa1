// The title of each named source, to write a source's id out as its title.
MATCH (s:Source) WHERE s.id IN $ids
RETURN s.id AS id, s.title AS title
