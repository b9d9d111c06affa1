// The documents that hold points (stances RECORDED_IN them with an order), with their names and
// aliases, kind, date, author and the party the author rolls up to: what a comparison question
// can name.
MATCH (d:Document)
WHERE EXISTS { MATCH (d)<-[r:RECORDED_IN]-(:Stance) WHERE r.order IS NOT NULL }
OPTIONAL MATCH (d)-[:AUTHORED_BY]->(a:Entity)
RETURN d.id AS id, coalesce(d.name, d.id) AS label, [d.name] + coalesce(d.aliases, []) AS names, d.kind AS kind, toString(d.date) AS date,
  a.id AS author, coalesce(a.name, a.id) AS authorLabel, CASE WHEN a IS NULL THEN [] ELSE [a.name] + coalesce(a.aliases, []) END AS authorNames, CASE WHEN a IS NULL THEN null ELSE {{party-of(a)}}.id END AS party
ORDER BY date, id
