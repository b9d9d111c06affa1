// The outcome of one attempt: the delivery's log and state, the watch's run of failures, and the
// switch-off after too many (its deliveries still pending are dropped, and it says why).
MATCH (d:Delivery {id: $id})
WHERE d.leaseOwner = $owner
MATCH (w:Watch {id: d.watchId})
SET d.attempts = $attempts, d.status = $status, d.nextAttemptAt = $nextAttemptAt
REMOVE d.leaseOwner, d.leaseUntil, d.leaseProbe
FOREACH (_ IN CASE WHEN $status <> 'pending' THEN [1] ELSE [] END | REMOVE d:PendingDelivery)
SET w.webhookFailures = CASE WHEN $ok THEN 0 ELSE coalesce(w.webhookFailures, 0) + 1 END
WITH w
CALL (w) {
  WITH w WHERE w.webhookActive AND w.webhookFailures >= $failureLimit
  SET w.webhookActive = false, w.webhookDisabledAt = $now, w.webhookDisabledReason = $reason
  WITH w
  OPTIONAL MATCH (p:PendingDelivery {watchId: w.id})
  FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | SET x.status = 'dropped' REMOVE x:PendingDelivery)
  RETURN count(*) AS switched
}
RETURN w.webhookActive AS active
