UNWIND $rows AS row
MATCH (s:Stance {id: row.stance})
MATCH (src:Source {id: $sourceId})
MERGE (e:Entity {id: row.id})
SET e:Evidence, e += row.props
MERGE (s)-[:EVIDENCED_BY]->(e)
MERGE (e)-[:FROM]->(src)
