// A new watch; its feed token and webhook key are stored as the story made them (the token hashed).
CREATE (w:Watch)
SET w = $watch
RETURN w.id AS id
