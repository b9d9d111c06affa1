// $rows: [{id, type, props}] with type from the allow-listed entity types.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.type), n += row.props
SET n.date = CASE WHEN row.date IS NULL THEN n.date ELSE date(row.date) END
WITH n
MATCH (s:Source {id: $sourceId})
MERGE (n)-[:MENTIONED_IN]->(s)
