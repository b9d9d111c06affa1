// One line of the audit trail, written in the same transaction as the change it records.
CREATE (a:AuditEntry)
SET a = $entry
