// Gives a watch's feed a new token hash, or none ($hash null: revoked).
MATCH (w:Watch {id: $id})
SET w.feedTokenHash = $hash
RETURN w.id AS id
