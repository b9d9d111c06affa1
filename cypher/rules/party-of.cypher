// party-of(@actor): the party a stance of @actor counts for: the outermost party it rolls up to
// (itself for a party that is part of none; null for an official or delegation of no party).
COLLECT { MATCH (@actor)-[{{roll-up()}}]->(_party:Party) WHERE NOT (_party)-[:PART_OF]->(:Party) RETURN _party }[0]
