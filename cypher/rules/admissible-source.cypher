// admissible-source(@source): @source counts under the request's grade filter ($sources: the
// admissible sources, decided once in server/core/grading.ts; null: every source).
($sources IS NULL OR @source.id IN $sources)
