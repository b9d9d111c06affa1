CYPHER replan=skip
// replan=skip (here and in the delivery side's other statements): their plans are seeks by id or
// by index and do not depend on counts, while the counts of pending changes and deliveries swing
// from none to thousands with every burst, which made Neo4j plan them again and again (a profile
// with db.stats showed compile time rivalling run time for the fan-out and the lease).
// First step of claiming outbox changes: lock the oldest pending change sets whose lease is free
// (a :PendingChange change event written before change sets existed counts as a set of one). The
// lease itself is checked again under the lock by lease-events.cypher, a statement of its own, so
// that of two instances racing for one change only the first gets it.
MATCH (c:PendingChange)
WHERE coalesce(c.leaseUntil, '') < $now
WITH c ORDER BY c.at, c.id LIMIT toInteger($limit)
SET c.leaseProbe = $owner
RETURN elementId(c) AS id
