// $rows: [{id, type, date, keepExisting, props}] with type from the allow-listed entity types.
// keepExisting (a publisher derived from a source's free-text name) writes props only to a new node.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n += row.props
ON MATCH SET n += CASE WHEN row.keepExisting THEN {} ELSE row.props END
SET n:$(row.type)
SET n.date = CASE WHEN row.date IS NULL THEN n.date ELSE date(row.date) END
WITH n
MATCH (s:Source {id: $sourceId})
MERGE (n)-[:MENTIONED_IN]->(s)
