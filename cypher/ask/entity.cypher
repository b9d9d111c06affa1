// Ask's structure path: one entity's own properties, every structural link (not stances,
// evidence, sources or publishers) in either direction with its role, and the sources that mention it.
MATCH (n:Entity {id: $id})
RETURN n.id AS id, coalesce(n.name, n.id) AS label, [l IN labels(n) WHERE l <> 'Entity'][0] AS type,
  n.description AS description, n.role AS role, n.title AS title, n.kind AS kind, toString(n.date) AS date,
  COLLECT {
    MATCH (n)-[r]-(m:Entity) WHERE NOT m:Stance AND NOT m:Evidence AND NOT m:Source AND NOT m:Publisher
    RETURN {relation: type(r), outgoing: startNode(r) = n, id: m.id, label: coalesce(m.name, m.id),
      type: [l IN labels(m) WHERE l <> 'Entity'][0], role: r.role, head: r.head, date: toString(m.date)} AS link
    ORDER BY link.date, link.label
  } AS links,
  COLLECT {
    MATCH (n)-[:MENTIONED_IN]->(src:Source)
    RETURN {id: src.id, title: src.title, date: toString(src.publishedAt), kind: src.kind, url: src.url, grade: src.grade,
      publisher: {{publisher-name(src)}}} AS source
    ORDER BY source.kind = 'background', source.date DESC
  } AS sources
