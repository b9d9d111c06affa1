// First step of claiming outbox events: lock the oldest pending ones whose lease is free. The
// lease itself is checked again under the lock by lease-events.cypher, a statement of its own,
// so that of two instances racing for one event only the first gets it.
MATCH (e:PendingChange)
WHERE coalesce(e.leaseUntil, '') < $now
WITH e ORDER BY e.at, e.id LIMIT toInteger($limit)
SET e.leaseProbe = $owner
RETURN e.id AS id
