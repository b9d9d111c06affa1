// Switches a watch's webhook back on, its run of failures and the switch-off's note cleared;
// nothing changes on a watch without a webhook. No row for an unknown watch.
MATCH (w:Watch {id: $id})
WITH w, w.webhookUrlSealed IS NOT NULL AS hasWebhook
FOREACH (_ IN CASE WHEN hasWebhook THEN [1] ELSE [] END |
  SET w.webhookActive = true, w.webhookFailures = 0, w.webhookDisabledAt = null, w.webhookDisabledReason = null)
RETURN hasWebhook
