// opposed(@a, @b): the graph sets position @a against position @b: one was put forward instead of the other (ALTERNATIVE_TO, either way), so a party holding one answers the same matter the opposite way from a party holding the other.
EXISTS { (@a)-[:ALTERNATIVE_TO]-(@b) }
