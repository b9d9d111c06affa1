// Names and aliases of everything a question can mention, with the party an actor rolls up to,
// in id order so that two reads of unchanged names compare equal (core/namesData.ts).
MATCH (n:Party|Official|Delegation|Position|Event|Document|Place)
RETURN n.id AS id, coalesce(n.name, n.id) AS label, [l IN labels(n) WHERE l <> 'Entity'][0] AS type,
  [n.name] + coalesce(n.aliases, []) + coalesce(n.reportedAliases, []) AS names,
  {{party-of(n)}}.id AS party
ORDER BY id
