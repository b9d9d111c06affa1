// $rows: [{from, type, to, props}] with type from the allow-listed relationship types.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type)]->(b)
SET r += row.props
