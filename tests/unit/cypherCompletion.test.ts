import { describe, expect, it } from 'vitest';
import { cypherCompletions } from '../../client/src/console/cypherCompletion.ts';
import type { ConsoleSchema } from '../../server/contract/console.ts';

const schema: ConsoleSchema = {
  labels: ['Entity', 'Party', 'Position', 'Stance'],
  relationshipTypes: ['ON', 'TOOK', 'REPRESENTS'],
  propertyKeys: ['aliases', 'date', 'family', 'id', 'name', 'narrative', 'title'],
  propertiesByLabel: { Party: ['aliases', 'id', 'name'], Stance: ['date', 'family', 'id'] },
  functions: [
    { name: 'toUpper', signature: 'toUpper(input :: STRING) :: STRING', description: '' },
    { name: 'toLower', signature: 'toLower(input :: STRING) :: STRING', description: '' },
    { name: 'date.truncate', signature: 'date.truncate(unit :: STRING, input :: ANY) :: DATE', description: '' },
  ],
  procedures: [],
};

/** The text after accepting `label`: the result's `from` to the cursor replaced by its `apply`. */
function accept(text: string, label: string): string {
  const result = cypherCompletions(text, text.length, schema)!;
  const option = result.options.find((o) => o.label === label)!;
  expect(option, `${label} offered for ${text}`).toBeTruthy();
  return text.slice(0, result.from) + option.apply;
}
const labels = (text: string, explicit = false) => cypherCompletions(text, text.length, schema, explicit)?.options.map((o) => o.label) ?? [];

describe('Cypher completion', () => {
  it('keeps the colon when a label or relationship type is accepted', () => {
    expect(accept('MATCH (n:Pa', 'Party') + ')').toBe('MATCH (n:Party)');
    expect(accept('MATCH (n)-[r:TO', 'TOOK') + ']').toBe('MATCH (n)-[r:TOOK]');
    expect(accept('MATCH (n)-[r:TOOK|RE', 'REPRESENTS')).toBe('MATCH (n)-[r:TOOK|REPRESENTS');
    expect(accept('MATCH (n) WHERE n:Po', 'Position')).toBe('MATCH (n) WHERE n:Position');
  });

  it('offers every label right after the colon, and types in a relationship', () => {
    expect(labels('MATCH (n:')).toEqual(schema.labels);
    expect(labels('MATCH (a)-[:')).toEqual(schema.relationshipTypes);
  });

  it('offers functions by prefix', () => {
    expect(accept('RETURN toUpp', 'toUpper')).toBe('RETURN toUpper');
    expect(labels('RETURN date.tr')).toEqual(['date.truncate']);
  });

  it("offers only the keys of a variable's label, and every key when the query gives none", () => {
    expect(labels('MATCH (n:Party) RETURN n.na')).toEqual(['name']);
    expect(labels('MATCH (n:Party) RETURN n.')).toEqual(['aliases', 'id', 'name']);
    expect(labels('MATCH (n) RETURN n.na')).toEqual(['name', 'narrative']);
  });

  it('offers nothing inside a string, or after a space unless asked', () => {
    expect(labels("MATCH (n) WHERE n.name = 'a:Pa")).toEqual([]);
    expect(labels('MATCH (n) ')).toEqual([]);
    expect(labels('MATCH (n) ', true)).toContain('WHERE');
  });
});
