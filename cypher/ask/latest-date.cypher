// The newest stance date: the year a question means when it names a month or day without one.
MATCH (s:Stance) RETURN toString(max(s.date)) AS latest
