// Change events committed at or after $since, newest first, with the watches that follow each.
MATCH (e:ChangeEvent)
WHERE e.at >= $since
WITH e ORDER BY e.at DESC, e.id LIMIT toInteger($limit)
RETURN e.id AS id, e.kind AS kind, e.at AS at, e.title AS title, e.sourceId AS sourceId, e.subjects AS subjects, e.links AS links,
       COLLECT { MATCH (w:Watch) WHERE w.target IN e.subjects AND e.kind IN w.kinds AND w.createdAt <= e.at RETURN w.id } AS watches
