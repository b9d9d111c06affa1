// What the source arrived as (its accepted payload and original text), when and through which
// write token: the unit of record that backup writes out and restore replays. The first arrival
// is kept across re-ingestions: it is the source's place in the ingestion order.
MERGE (r:SourceRecord {sourceId: $record.sourceId})
WITH r, r.firstIngestedAt AS first
SET r = $record
SET r.firstIngestedAt = coalesce($record.firstIngestedAt, first, $record.ingestedAt)
