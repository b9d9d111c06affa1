import { describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/cypherFiles.ts';
import { NODE_TYPES } from '../../server/contract/model.ts';

describe('cypher/graph/nodes.cypher', () => {
  it('scans exactly the node labels of the model (a type added to NODE_TYPES must be drawn too)', () => {
    const scanned = /MATCH \(n:([A-Za-z|]+)\)/.exec(cypher('graph/nodes'))?.[1]?.split('|');
    expect(scanned?.sort()).toEqual([...NODE_TYPES].sort());
  });
});
