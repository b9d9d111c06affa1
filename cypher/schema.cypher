// Applied at every start; every statement is idempotent (IF NOT EXISTS).
// Every node Parley writes carries :Entity and a unique, readable slug id.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
// Queries and ingestion look nodes up by id under their own label (Stance, Source, Position, …);
// without these, each such lookup scans the whole label and ingestion grows quadratically.
CREATE INDEX stance_id IF NOT EXISTS FOR (n:Stance) ON (n.id);
CREATE INDEX source_id IF NOT EXISTS FOR (n:Source) ON (n.id);
CREATE INDEX position_id IF NOT EXISTS FOR (n:Position) ON (n.id);
CREATE INDEX party_id IF NOT EXISTS FOR (n:Party) ON (n.id);
CREATE INDEX official_id IF NOT EXISTS FOR (n:Official) ON (n.id);
CREATE INDEX stance_date IF NOT EXISTS FOR (s:Stance) ON (s.date);
CREATE INDEX stance_type IF NOT EXISTS FOR (s:Stance) ON (s.type);
CREATE INDEX stance_family IF NOT EXISTS FOR (s:Stance) ON (s.family);
CREATE INDEX event_date IF NOT EXISTS FOR (e:Event) ON (e.date);
CREATE INDEX position_category IF NOT EXISTS FOR (p:Position) ON (p.category);
// Names and aliases, folded so that Erdogan finds Erdoğan and Turkiye finds Türkiye.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Party|Official|Delegation|Position|Event|Document|Place|Source)
ON EACH [n.name, n.aliasText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
CREATE FULLTEXT INDEX evidence_text IF NOT EXISTS
FOR (e:Evidence) ON EACH [e.quote, e.summary]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
// Ask's evidence path: quotes, summaries and entity descriptions, stemmed (English analyzer) so
// that "targeting" finds "targeted".
CREATE FULLTEXT INDEX ask_passages IF NOT EXISTS
FOR (n:Evidence|Party|Official|Delegation|Position|Event|Document|Place) ON EACH [n.quote, n.summary, n.description]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'english', `fulltext.eventually_consistent`: false } };
// Ask's retrieval path also reads the texts the sources arrived with (stemmed the same way).
CREATE FULLTEXT INDEX source_texts IF NOT EXISTS
FOR (r:SourceRecord) ON EACH [r.text]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'english', `fulltext.eventually_consistent`: false } };
// What each source arrived as, one record per source; the audit trail, read newest first.
CREATE CONSTRAINT source_record_id IF NOT EXISTS FOR (r:SourceRecord) REQUIRE r.sourceId IS UNIQUE;
CREATE INDEX source_record_order IF NOT EXISTS FOR (r:SourceRecord) ON (r.firstIngestedAt);
CREATE INDEX audit_at IF NOT EXISTS FOR (a:AuditEntry) ON (a.at);
// Watches (issue 30): the watches, the outbox of change events (read by time), one change set per
// committed change naming its events (:PendingChange until handed to the deliveries), and the
// webhook deliveries, one per watch and change (:PendingDelivery until done).
CREATE CONSTRAINT watch_id IF NOT EXISTS FOR (w:Watch) REQUIRE w.id IS UNIQUE;
CREATE INDEX watch_target IF NOT EXISTS FOR (w:Watch) ON (w.target);
CREATE INDEX watch_feed IF NOT EXISTS FOR (w:Watch) ON (w.feedTokenHash);
CREATE CONSTRAINT change_event_id IF NOT EXISTS FOR (e:ChangeEvent) REQUIRE e.id IS UNIQUE;
CREATE INDEX change_event_at IF NOT EXISTS FOR (e:ChangeEvent) ON (e.at);
CREATE INDEX change_set_at IF NOT EXISTS FOR (c:ChangeSet) ON (c.at);
CREATE CONSTRAINT delivery_id IF NOT EXISTS FOR (d:Delivery) REQUIRE d.id IS UNIQUE;
CREATE INDEX delivery_watch IF NOT EXISTS FOR (d:Delivery) ON (d.watchId);
CREATE INDEX delivery_created IF NOT EXISTS FOR (d:Delivery) ON (d.createdAt);
// The delivery loop claims the due deliveries in order, from this index (it stops at the batch).
CREATE INDEX pending_delivery_due IF NOT EXISTS FOR (d:PendingDelivery) ON (d.nextAttemptAt);
// Negotiations (issue 27): not entities (a frame over the graph, not a source's claim); stances,
// events and documents are IN_NEGOTIATION, and the `negotiation` scope of the reads starts here.
CREATE CONSTRAINT negotiation_id IF NOT EXISTS FOR (n:Negotiation) REQUIRE n.id IS UNIQUE;
