// A watch's delivery log, newest first, each delivery with the events it carries.
MATCH (d:Delivery {watchId: $id})
WITH d ORDER BY d.createdAt DESC, d.id LIMIT toInteger($limit)
RETURN d.id AS id, d.status AS status, d.attempts AS attempts, d.nextAttemptAt AS nextAttemptAt,
       COLLECT {
         UNWIND coalesce(d.eventIds, [d.eventId]) AS eventId
         MATCH (e:ChangeEvent {id: eventId})
         RETURN e {.id, .kind, .title}
       } AS events
