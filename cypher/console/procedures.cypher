// The procedures the console allows ($names), with their signatures and what they yield.
SHOW PROCEDURES YIELD name, signature, description, returnDescription
WHERE name IN $names
RETURN name, signature, description, [item IN returnDescription | {name: item.name, signature: item.name + ' :: ' + item.type}] AS returnItems
ORDER BY name
