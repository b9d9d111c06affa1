CYPHER replan=skip
// Second step: under the lock, take the lease on the change sets still free.
UNWIND $ids AS wanted
MATCH (c:PendingChange)
WHERE elementId(c) = wanted AND coalesce(c.leaseUntil, '') < $now
SET c.leaseOwner = $owner, c.leaseUntil = $until
RETURN elementId(c) AS id
