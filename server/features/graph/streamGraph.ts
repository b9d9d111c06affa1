import { once } from 'node:events';
import type { Response } from 'express';
import type { GraphPart } from './graph.ts';

/**
 * Writes `{"nodes":[…],"edges":[…],"truncated":…}` as the parts arrive, respecting
 * back-pressure. An error after the first byte can only cut the connection (the error handler
 * destroys the socket), so the client sees an incomplete body rather than a wrong one.
 */
export async function writeGraphJson(res: Response, parts: AsyncIterable<GraphPart>, extra: Record<string, unknown> = {}): Promise<void> {
  res.status(200).type('application/json');
  let section: 'start' | 'nodes' | 'edges' = 'start';
  let first = true;
  let buffer = '{"nodes":[';
  const flush = async (force = false) => {
    if (buffer.length < 64 * 1024 && !force) return;
    const ok = res.write(buffer);
    buffer = '';
    if (!ok) await once(res, 'drain');
  };
  for await (const p of parts) {
    if (p.part === 'node') {
      buffer += (first ? '' : ',') + JSON.stringify(p.node);
      first = false;
      section = 'nodes';
    } else if (p.part === 'edge') {
      if (section !== 'edges') {
        buffer += '],"edges":[';
        section = 'edges';
        first = true;
      }
      buffer += (first ? '' : ',') + JSON.stringify(p.edge);
      first = false;
    } else {
      if (section !== 'edges') buffer += '],"edges":[';
      const tail = Object.entries(extra).map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v)}`).join('');
      buffer += `],"truncated":${p.truncated}${tail}}`;
    }
    await flush();
  }
  await flush(true);
  res.end();
}
