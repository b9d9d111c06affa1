// Second step: under the lock, lease the deliveries still due and free, with what sending needs.
UNWIND $ids AS wanted
MATCH (d:Delivery {id: wanted})
WHERE d:PendingDelivery AND d.nextAttemptAt <= $now AND coalesce(d.leaseUntil, '') < $now
MATCH (w:Watch {id: d.watchId})
MATCH (e:ChangeEvent {id: d.eventId})
SET d.leaseOwner = $owner, d.leaseUntil = $until
RETURN d.id AS id, d.attempts AS attempts, w.id AS watchId, w.target AS target, w.webhookUrlSealed AS url, w.webhookNonce AS nonce,
       coalesce(w.webhookActive, false) AS active,
       e {.id, .kind, .at, .title, .sourceId, .subjects, .links} AS event
