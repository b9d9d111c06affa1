// $rows: [{entity, aliases}]: spellings this source keeps as other names of entities the graph
// holds (payload `aliases`). The claim rides on the source's MENTIONED_IN, so it goes when the
// source goes or stops making it. The claims the source made before are cleared first.
CALL () {
  MATCH (:Entity)-[m:MENTIONED_IN]->(:Source {id: $sourceId})
  WHERE m.aliases IS NOT NULL
  REMOVE m.aliases
}
WITH 1 AS cleared
UNWIND $rows AS row
MATCH (n:Entity {id: row.entity})
MATCH (s:Source {id: $sourceId})
MERGE (n)-[m:MENTIONED_IN]->(s)
SET m.aliases = row.aliases
