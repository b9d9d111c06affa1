// Changes a source's grade and records the change in the audit trail, in one transaction.
// Answers nothing for an unknown source (the caller turns that into a 404).
MATCH (s:Source {id: $sourceId})
WITH s, s.grade AS previous
SET s.grade = $grade
CREATE (a:AuditEntry)
SET a = $entry, a.gradeFrom = previous, a.gradeTo = $grade
RETURN previous
