CYPHER replan=skip
// Hands leased change sets to the watches: one delivery per change and webhook watch that follows
// any of its events, carrying those events in order (MERGE: a second fan-out of one change adds
// nothing; its id is also the idempotency key), then the change leaves the pending set. The
// watches are found from each event's subjects through the watch_target index, in this one
// statement for the whole batch. A pending change event from before change sets is a set of one.
UNWIND $ids AS wanted
MATCH (c:PendingChange)
WHERE elementId(c) = wanted AND c.leaseOwner = $owner
CALL (c) {
  UNWIND range(0, size(coalesce(c.events, [c.id])) - 1) AS i
  MATCH (e:ChangeEvent {id: coalesce(c.events, [c.id])[i]})
  UNWIND e.subjects AS subject
  MATCH (w:Watch {target: subject})
  WHERE e.kind IN w.kinds AND w.createdAt <= e.at AND w.webhookActive
  WITH DISTINCT w, i, e.id AS eventId
  ORDER BY i
  WITH w, collect(eventId) AS eventIds
  MERGE (d:Delivery {id: w.id + '|' + c.id})
  ON CREATE SET d:PendingDelivery, d.watchId = w.id, d.eventIds = eventIds, d.createdAt = $now, d.status = 'pending',
                d.attempts = '[]', d.nextAttemptAt = $now
  RETURN count(d) AS deliveries
}
REMOVE c:PendingChange, c.leaseOwner, c.leaseUntil, c.leaseProbe
SET c.fannedOutAt = $now
RETURN sum(deliveries) AS deliveries
