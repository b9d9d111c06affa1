// What the source arrived as (its accepted payload and original text), when and through which
// write token: the unit of record that backup writes out and restore replays. The same version
// sent again leaves the record as it was, so that re-sending changes nothing; the first arrival
// is kept across versions: it is the source's place in the ingestion order.
MERGE (r:SourceRecord {sourceId: $record.sourceId})
WITH r, r.firstIngestedAt AS first
WHERE r.payload IS NULL OR r.payload <> $record.payload OR coalesce(r.text, '') <> coalesce($record.text, '')
SET r = $record
SET r.firstIngestedAt = coalesce($record.firstIngestedAt, first, $record.ingestedAt)
