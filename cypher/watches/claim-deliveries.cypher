// First step of claiming webhook deliveries that are due: lock them (see claim-events.cypher).
MATCH (d:PendingDelivery)
WHERE d.nextAttemptAt <= $now AND coalesce(d.leaseUntil, '') < $now
WITH d ORDER BY d.nextAttemptAt, d.id LIMIT toInteger($limit)
SET d.leaseProbe = $owner
RETURN d.id AS id
