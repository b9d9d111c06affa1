// $rows: [{from, type, to, props}] with type from the allow-listed relationship types.
// `sources` lists, sorted, every source that declares the relationship, so deleting or
// re-ingesting one source takes away only its own claim; sorted, so the list does not depend on
// the order the sources arrived in (a restore replays them in another order than they came).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type)]->(b)
WITH r, row, coalesce(r.sources, []) AS known
SET r += row.props,
    r.sources = CASE WHEN $sourceId IN known THEN known
                ELSE [s IN known WHERE s < $sourceId] + $sourceId + [s IN known WHERE s > $sourceId] END
