MATCH (a:AuditEntry)
RETURN a.at AS at, a.action AS action, a.sourceId AS sourceId, a.writer AS writer, a.changes AS changes,
  CASE WHEN a.action = 'grade' THEN {from: a.gradeFrom, to: a.gradeTo} END AS grade
ORDER BY a.at DESC
SKIP toInteger($offset) LIMIT toInteger($limit)
