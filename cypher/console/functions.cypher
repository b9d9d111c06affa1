// Every function Neo4j offers, with its signature.
SHOW FUNCTIONS YIELD name, signature, description
RETURN name, signature, description
ORDER BY name
