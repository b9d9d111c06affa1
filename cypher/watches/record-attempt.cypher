CYPHER replan=skip
// The outcomes of a batch of attempts, in one statement (one transaction, not one per delivery):
// each delivery's log and state, its watch's run of failures (rows apply in order, so several
// outcomes for one watch add up), and the switch-off after too many (its deliveries still pending
// are dropped, and it says why).
UNWIND $outcomes AS outcome
MATCH (d:Delivery {id: outcome.id})
WHERE d.leaseOwner = $owner
MATCH (w:Watch {id: d.watchId})
// A retry due for a webhook that an earlier row of this batch switched off is dropped with the rest.
WITH outcome, d, w, CASE WHEN outcome.status = 'pending' AND NOT coalesce(w.webhookActive, false) THEN 'dropped' ELSE outcome.status END AS status
SET d.attempts = outcome.attempts, d.status = status, d.nextAttemptAt = CASE WHEN status = 'pending' THEN outcome.nextAttemptAt END
REMOVE d.leaseOwner, d.leaseUntil, d.leaseProbe
FOREACH (_ IN CASE WHEN status <> 'pending' THEN [1] ELSE [] END | REMOVE d:PendingDelivery)
// A watch's run of failures is written only when it changes (a success on a watch with none is
// the common case, and would write the watch once per delivery).
WITH outcome, w, CASE WHEN outcome.ok THEN 0 ELSE coalesce(w.webhookFailures, 0) + 1 END AS failures
FOREACH (_ IN CASE WHEN w.webhookFailures IS NULL OR w.webhookFailures <> failures THEN [1] ELSE [] END | SET w.webhookFailures = failures)
WITH outcome, w
CALL (outcome, w) {
  WITH w WHERE w.webhookActive AND w.webhookFailures >= $failureLimit
  SET w.webhookActive = false, w.webhookDisabledAt = $now, w.webhookDisabledReason = outcome.reason
  WITH w
  OPTIONAL MATCH (p:PendingDelivery {watchId: w.id})
  FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | SET x.status = 'dropped' REMOVE x:PendingDelivery)
  RETURN count(*) AS switched
}
RETURN outcome.id AS id, w.webhookActive AS active
