/**
 * The watches suite's webhook receiver, run as a child process of its own (bench/suites/watches.ts):
 * it answers every delivery, and tells its parent, over IPC, only the first receipt per source
 * (the time from the change event's commit to the receipt). So the bench process that times the
 * ingestion does not also serve the thousands of deliveries, which a real receiver would serve
 * elsewhere; the product's delivery work (servers, Neo4j) still runs beside the timed ingestion.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const seen = new Set<string>();
let received = 0;
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const now = Date.now();
    received += 1;
    try {
      // One delivery per watch and change, carrying the change's events (one source, one commit time).
      const { events } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: { sourceId: string; at: string }[] };
      const event = events[0]!;
      if (!seen.has(event.sourceId)) {
        seen.add(event.sourceId);
        process.send?.({ type: 'arrived', sourceId: event.sourceId, ms: now - Date.parse(event.at) });
      }
    } catch {
      // Not a delivery.
    }
    res.end('ok');
  });
});
process.on('message', (message: { type: string }) => {
  if (message.type === 'count') process.send?.({ type: 'count', received });
});
process.on('disconnect', () => process.exit(0));
server.listen(0, '127.0.0.1', () => process.send?.({ type: 'ready', port: (server.address() as AddressInfo).port }));
