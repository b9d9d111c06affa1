// How connected a node is: stances it took or that are on it, and its other relationships.
MATCH (n:Entity {id: $id})
RETURN COUNT { (n)-[:TOOK]->(:Stance) } + COUNT { (:Stance)-[:ON]->(n) } AS stances,
       COUNT { (n)-[r]-() WHERE NOT type(r) IN ['TOOK', 'ON', 'MENTIONED_IN', 'IN_NEGOTIATION'] } AS relationships
