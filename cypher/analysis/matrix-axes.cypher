// Rows and columns of the matrix: every party and every position.
MATCH (n:Party|Position)
RETURN n.id AS id, coalesce(n.name, n.id) AS label, CASE WHEN n:Party THEN 'Party' ELSE 'Position' END AS type
ORDER BY type, label
