// The outbox: change events written in the same transaction as the change. :PendingChange marks
// those not yet handed to the watches' deliveries.
UNWIND $events AS event
CREATE (e:ChangeEvent:PendingChange)
SET e = event
