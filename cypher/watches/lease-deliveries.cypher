CYPHER replan=skip
// Second step: under the lock, lease the deliveries still due and free, with what sending needs:
// the watch and the delivery's events in order (one event for a delivery from before change sets).
UNWIND $ids AS wanted
MATCH (d:Delivery {id: wanted})
WHERE d:PendingDelivery AND d.nextAttemptAt <= $now AND coalesce(d.leaseUntil, '') < $now
MATCH (w:Watch {id: d.watchId})
SET d.leaseOwner = $owner, d.leaseUntil = $until
RETURN d.id AS id, d.attempts AS attempts, w.id AS watchId, w.target AS target, w.webhookUrlSealed AS url, w.webhookNonce AS nonce,
       coalesce(w.webhookActive, false) AS active,
       COLLECT {
         UNWIND coalesce(d.eventIds, [d.eventId]) AS eventId
         MATCH (e:ChangeEvent {id: eventId})
         RETURN e {.id, .kind, .at, .title, .sourceId, .subjects, .links}
       } AS events
