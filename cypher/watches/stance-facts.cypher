// New stances as the change events describe them, read in the writing transaction: who, on what,
// the party the actor rolls up to, the event and official tied to it, its negotiations, the sources behind it, and
// every stance of the same actor on the same target (for reversals and conflicts).
UNWIND $ids AS wanted
MATCH (actor:Entity)-[:TOOK]->(s:Stance {id: wanted})-[:ON]->(target:Entity)
WITH s, actor, target, {{party-of(actor)}} AS party
RETURN s.id AS id,
       s.type AS type,
       s.family AS family,
       toString(s.date) AS date,
       coalesce(s.datePrecision, 'day') AS datePrecision,
       actor.id AS actorId,
       coalesce(actor.name, actor.id) AS actorLabel,
       target.id AS targetId,
       coalesce(target.name, target.id) AS targetLabel,
       [label IN labels(target) WHERE label <> 'Entity'][0] AS targetType,
       party.id AS party,
       [(s)-[:AT|VOICED_BY]->(x:Entity) | x.id] AS related,
       [(s)-[:IN_NEGOTIATION]->(n:Negotiation) | n.id] AS negotiations,
       [(s)-[:EVIDENCED_BY]->(:Evidence)-[:FROM]->(src:Source) | src.id] AS sources,
       [(actor)-[:TOOK]->(o:Stance)-[:ON]->(target) | {
          id: o.id, type: o.type, family: o.family, date: toString(o.date), datePrecision: coalesce(o.datePrecision, 'day'),
          sources: [(o)-[:EVIDENCED_BY]->(:Evidence)-[:FROM]->(x:Source) | x.id]
       }] AS pair
