// Pairs among the positions $positions names that the graph sets against each other (the rule
// opposed()), each pair once, the smaller id first.
UNWIND $positions AS aId
MATCH (a:Position {id: aId})
UNWIND $positions AS bId
MATCH (b:Position {id: bId})
WHERE a.id < b.id AND {{opposed(a, b)}}
RETURN a.id AS a, b.id AS b
ORDER BY a, b
