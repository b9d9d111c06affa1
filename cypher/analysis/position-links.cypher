// Relations between this position and others, in both directions.
MATCH (p:Position {id: $id})-[r:HAS_PRECONDITION|ALTERNATIVE_TO|CONDITIONAL_ON]-(o:Position)
RETURN type(r) AS relation,
  CASE WHEN startNode(r) = p THEN 'outgoing' ELSE 'incoming' END AS direction,
  {id: o.id, label: coalesce(o.name, o.id), type: 'Position'} AS position,
  r.stance AS stance, r.note AS note
ORDER BY relation, direction, o.id
