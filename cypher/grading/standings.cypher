// What decides whether a source is admissible under a grade filter: its Admiralty grade and the
// parties its publisher is affiliated with, each rolled up through PART_OF (a ministry's outlet
// counts as affiliated with its state). The domain (server/domain/grading.ts) judges.
MATCH (s:Source)
RETURN s.id AS id, s.grade AS grade,
  COLLECT {
    MATCH (s)-[:PUBLISHED_BY]->(:Publisher)-[:AFFILIATED_WITH]->(:Party)-[:PART_OF*0..3]->(p:Party)
    RETURN DISTINCT p.id
  } AS affiliations
