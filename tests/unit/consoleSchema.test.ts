/** The console's schema leaves out the server's own layout node, its label and the keys only it carries. */
import { describe, expect, it } from 'vitest';
import { withoutInternalLabels } from '../../server/features/console/schema.ts';

describe('withoutInternalLabels', () => {
  const tokens = { labels: ['Party', 'GraphLayout', 'Stance'], relationshipTypes: ['TOOK'], propertyKeys: ['id', 'name', 'key', 'stamp', 'snapshot', 'type'] };
  const labelProperties = [
    { label: 'Party', keys: ['id', 'name'] },
    { label: 'GraphLayout', keys: ['key', 'stamp', 'snapshot', 'id'] },
    { label: 'Stance', keys: ['id', 'type'] },
  ];

  it('drops the layout label and the keys found only on it, keeping keys the model shares with it', () => {
    const visible = withoutInternalLabels(tokens, labelProperties);
    expect(visible.tokens).toEqual({ labels: ['Party', 'Stance'], relationshipTypes: ['TOOK'], propertyKeys: ['id', 'name', 'type'] });
    expect(visible.labelProperties.map((row) => row.label)).toEqual(['Party', 'Stance']);
  });

  it('changes nothing when the graph holds no layout node', () => {
    const model = labelProperties.filter((row) => row.label !== 'GraphLayout');
    const plain = { ...tokens, labels: ['Party', 'Stance'] };
    expect(withoutInternalLabels(plain, model)).toEqual({ tokens: plain, labelProperties: model });
  });
});
