// Retention: change events and deliveries older than $before, once nothing is pending on them; a batch at a time.
CALL () {
  MATCH (e:ChangeEvent) WHERE e.at < $before AND NOT e:PendingChange
  WITH e LIMIT toInteger($batch)
  DETACH DELETE e
  RETURN count(*) AS events
}
CALL () {
  MATCH (d:Delivery) WHERE d.createdAt < $before AND NOT d:PendingDelivery
  WITH d LIMIT toInteger($batch)
  DETACH DELETE d
  RETURN count(*) AS deliveries
}
RETURN events, deliveries
