// An entity's aliases are those its declaring payloads give plus those sources keep for it
// (`reportedAliases`, from the claims on MENTIONED_IN); `aliasText`, which the name index reads,
// holds both. Entities without claims, now or before, are left as their declaration wrote them.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH n, COLLECT { MATCH (n)-[m:MENTIONED_IN]->() UNWIND coalesce(m.aliases, []) AS alias RETURN DISTINCT alias ORDER BY alias } AS claimed
WHERE size(claimed) > 0 OR n.reportedAliases IS NOT NULL
WITH n, [alias IN claimed WHERE NOT alias IN coalesce(n.aliases, [])] AS reported
SET n.reportedAliases = CASE WHEN size(reported) = 0 THEN null ELSE reported END,
    n.aliasText = reduce(text = '', alias IN coalesce(n.aliases, []) + reported | text + CASE WHEN text = '' THEN '' ELSE ' | ' END + alias)
