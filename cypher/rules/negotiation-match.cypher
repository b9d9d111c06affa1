// negotiation-match(@actor, @date): the negotiation an actor's stance (or event, document) of that date belongs to by its parties and period (docs/model.md, "Negotiations"): one whose parties or mediators @actor is or rolls up to, and whose period holds @date. Of several, a party's before a mediator's, then the shortest period, then the id; null when none matches ($unassigned, the "Unassigned" negotiation, never matches).
COLLECT {
  MATCH (@actor)-[{{roll-up()}}]->(_side)<-[_role:PARTY|MEDIATOR]-(_neg:Negotiation)
  WHERE _neg.id <> $unassigned
    AND (_neg.start IS NULL OR @date >= _neg.start)
    AND (_neg.end IS NULL OR @date <= _neg.end)
  RETURN _neg
  ORDER BY CASE type(_role) WHEN 'PARTY' THEN 0 ELSE 1 END,
    CASE WHEN _neg.start IS NULL OR _neg.end IS NULL THEN 1000000000 ELSE duration.inDays(_neg.start, _neg.end).days END,
    _neg.id
  LIMIT 1
}[0]
