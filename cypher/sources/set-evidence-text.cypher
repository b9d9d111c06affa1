// Writes migrated evidence text back; rows name the evidence by id.
UNWIND $rows AS row
MATCH (e:Evidence {id: row.id})
SET e.summary = row.summary, e.via = row.via
RETURN count(e) AS updated
