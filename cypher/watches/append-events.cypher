// The outbox: the change events of one committing change (an ingestion, a deletion, a grade
// change), written in its transaction, and one (:ChangeSet) naming them. The set, not each event,
// is :PendingChange until handed to the watches' deliveries, so the delivery side claims and marks
// one node per change, and a webhook watch gets one delivery per change carrying its events.
CREATE (c:ChangeSet:PendingChange {id: $set.id, at: $set.at, sourceId: $set.sourceId, events: [event IN $events | event.id]})
WITH c
UNWIND $events AS event
CREATE (e:ChangeEvent)
SET e = event
