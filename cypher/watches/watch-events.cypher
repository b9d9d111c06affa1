// The changes a watch follows: its target among the event's subjects, a kind it names, since it was set.
MATCH (w:Watch {id: $id})
MATCH (e:ChangeEvent)
WHERE e.at >= w.createdAt AND w.target IN e.subjects AND e.kind IN w.kinds
WITH e ORDER BY e.at DESC, e.id LIMIT toInteger($limit)
RETURN e.id AS id, e.kind AS kind, e.at AS at, e.title AS title, e.sourceId AS sourceId, e.subjects AS subjects, e.links AS links, [$id] AS watches
