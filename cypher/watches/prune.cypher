// Retention: change sets, change events and deliveries older than $before, once nothing is pending
// on them (an event named by a change set still pending stays with it); a batch at a time.
CALL () {
  MATCH (c:ChangeSet) WHERE c.at < $before AND NOT c:PendingChange
  WITH c LIMIT toInteger($batch)
  DETACH DELETE c
  RETURN count(*) AS sets
}
CALL () {
  OPTIONAL MATCH (c:ChangeSet:PendingChange)
  UNWIND coalesce(c.events, []) AS id
  RETURN collect(id) AS held
}
CALL (held) {
  MATCH (e:ChangeEvent) WHERE e.at < $before AND NOT e:PendingChange AND NOT e.id IN held
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
RETURN sets + events AS events, deliveries
