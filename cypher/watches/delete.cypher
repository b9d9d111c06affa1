// A watch and its delivery log; nothing for an unknown id.
OPTIONAL MATCH (w:Watch {id: $id})
OPTIONAL MATCH (d:Delivery {watchId: $id})
WITH collect(DISTINCT w) AS watches, collect(DISTINCT d) AS deliveries
FOREACH (n IN watches + deliveries | DETACH DELETE n)
RETURN size(watches) > 0 AS deleted
