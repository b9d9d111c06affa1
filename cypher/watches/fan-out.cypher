CYPHER replan=skip
// Hands leased change sets to the watches: one delivery per change and webhook watch that follows
// any of its events, carrying those events in order (MERGE: a second fan-out of one change adds
// nothing; its id is also the idempotency key), then the change leaves the pending set. The
// watches are found from each event's subjects through the watch_target index, in this one
// statement for the whole batch. A pending change event from before change sets is a set of one.
// A new delivery is born leased to the instance fanning it out, due again when that lease runs out
// (so no claim sees it before then), and comes back with what sending it needs: the instance sends
// it at once, with no claim and no second read of its events. Should the instance die first, the
// lease runs out and any instance claims it as a due delivery (claim-deliveries.cypher).
UNWIND $ids AS wanted
MATCH (c:PendingChange)
WHERE elementId(c) = wanted AND c.leaseOwner = $owner
CALL (c) {
  UNWIND range(0, size(coalesce(c.events, [c.id])) - 1) AS i
  MATCH (e:ChangeEvent {id: coalesce(c.events, [c.id])[i]})
  UNWIND e.subjects AS subject
  MATCH (w:Watch {target: subject})
  WHERE e.kind IN w.kinds AND w.createdAt <= e.at AND w.webhookActive
  WITH DISTINCT w, i, e
  ORDER BY i
  WITH w, collect(e) AS events
  MERGE (d:Delivery {id: w.id + '|' + c.id})
  ON CREATE SET d:PendingDelivery, d.watchId = w.id, d.eventIds = [e IN events | e.id], d.createdAt = $now, d.status = 'pending',
                d.attempts = '[]', d.nextAttemptAt = $until, d.leaseOwner = $owner, d.leaseUntil = $until
  // Only the deliveries made here (one that was there already is someone else's to send).
  WITH d, w, events WHERE d.createdAt = $now AND d.leaseOwner = $owner AND d.leaseUntil = $until
  RETURN collect({
    id: d.id, attempts: d.attempts, watchId: w.id, target: w.target, url: w.webhookUrlSealed, nonce: w.webhookNonce,
    active: coalesce(w.webhookActive, false), events: [e IN events | e {.id, .kind, .at, .title, .sourceId, .subjects, .links}]
  }) AS created
}
REMOVE c:PendingChange, c.leaseOwner, c.leaseUntil, c.leaseProbe
SET c.fannedOutAt = $now
RETURN created
