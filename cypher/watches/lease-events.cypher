// Second step: under the lock, take the lease on the events still free.
UNWIND $ids AS wanted
MATCH (e:ChangeEvent {id: wanted})
WHERE e:PendingChange AND coalesce(e.leaseUntil, '') < $now
SET e.leaseOwner = $owner, e.leaseUntil = $until
RETURN e.id AS id
