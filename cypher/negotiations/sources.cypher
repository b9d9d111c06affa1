// The sources that report on the negotiation $negotiation (source-in-negotiation).
MATCH (src:Source)
WHERE {{source-in-negotiation(src)}}
RETURN src.id AS id
ORDER BY id
