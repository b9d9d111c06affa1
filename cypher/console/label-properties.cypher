// The property keys found on nodes of each label.
CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName
WITH nodeLabels, propertyName
WHERE propertyName IS NOT NULL
UNWIND nodeLabels AS label
RETURN label, collect(DISTINCT propertyName) AS keys
ORDER BY label
