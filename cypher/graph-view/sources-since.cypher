// The sources ingested (or ingested again) after the stored layout's last ingestion ($since,
// null: every source), and whether this was their first ingestion (a later version may have
// changed the stances it claims in place): the stored layout is brought up to date from them.
MATCH (r:SourceRecord)
WHERE $since IS NULL OR r.ingestedAt > $since
RETURN r.sourceId AS id, coalesce(r.firstIngestedAt = r.ingestedAt, false) AS first
ORDER BY id
