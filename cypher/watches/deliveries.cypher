// A watch's delivery log, newest first.
MATCH (d:Delivery {watchId: $id})
RETURN d.id AS id, d.eventId AS eventId, d.kind AS kind, d.title AS title, d.status AS status, d.attempts AS attempts, d.nextAttemptAt AS nextAttemptAt
ORDER BY d.createdAt DESC, d.id
LIMIT toInteger($limit)
