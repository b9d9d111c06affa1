// counts-for(@actor, @ids): @actor is one of the entities @ids names, or rolls up to one of them
// (a party's stances are its own and its officials', delegations' and member bodies').
EXISTS { MATCH (@actor)-[{{roll-up()}}]->(_up) WHERE _up.id IN @ids }
