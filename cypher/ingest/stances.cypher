UNWIND $rows AS row
MATCH (actor:Entity {id: row.actor})
MATCH (target:Entity {id: row.target})
MERGE (s:Entity {id: row.id})
SET s:Stance, s += row.props, s.date = date(row.date)
MERGE (actor)-[:TOOK]->(s)
MERGE (s)-[:ON]->(target)
