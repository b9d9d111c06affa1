// Evidence whose stored text is not yet only analyst-facing (server/features/sources/migrations.ts):
// a summary that starts with a "Summary:" label or carries an extractor's cue, or a `via` that
// names a source by its id ("per source:parley-background-notes") instead of its title.
MATCH (e:Evidence)
WHERE toLower(trim(e.summary)) STARTS WITH 'summary' OR e.summary CONTAINS '(read from '
   OR e.via CONTAINS 'source:'
RETURN e.id AS id, e.summary AS summary, e.via AS via
ORDER BY id
