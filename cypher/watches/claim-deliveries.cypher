CYPHER replan=skip
// First step of claiming webhook deliveries that are due: lock them (see claim-events.cypher).
MATCH (d:PendingDelivery)
WHERE d.nextAttemptAt <= $now AND coalesce(d.leaseUntil, '') < $now
// Ordered by the index alone: a fan-out gives its deliveries one due time, and a tie-break on the
// id would make every claim read (and sort) all of them rather than stop at the batch.
WITH d ORDER BY d.nextAttemptAt LIMIT toInteger($limit)
SET d.leaseProbe = $owner
RETURN d.id AS id
