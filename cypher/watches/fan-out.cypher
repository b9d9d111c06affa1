// Hands leased events to the watches: one delivery per event and webhook watch that follows it
// (MERGE: a second fan-out of one event adds nothing), then the event leaves the pending set.
// The watches are found from the event's subjects through the watch_target index, not by testing
// every watch against every event.
UNWIND $ids AS wanted
MATCH (e:ChangeEvent {id: wanted})
WHERE e:PendingChange AND e.leaseOwner = $owner
CALL (e) {
  UNWIND e.subjects AS subject
  MATCH (w:Watch {target: subject})
  WHERE e.kind IN w.kinds AND w.createdAt <= e.at AND w.webhookActive
  WITH DISTINCT e, w
  MERGE (d:Delivery {id: w.id + '|' + e.id})
  ON CREATE SET d:PendingDelivery, d.watchId = w.id, d.eventId = e.id, d.kind = e.kind, d.title = e.title,
                d.createdAt = $now, d.status = 'pending', d.attempts = '[]', d.nextAttemptAt = $now
  RETURN count(d) AS deliveries
}
REMOVE e:PendingChange, e.leaseOwner, e.leaseUntil, e.leaseProbe
SET e.fannedOutAt = $now
RETURN sum(deliveries) AS deliveries
