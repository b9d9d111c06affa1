/**
 * Webhook signing keys are never stored: each is derived as HMAC-SHA256(server key, watch id and
 * a stored nonce), so that nothing read from the graph (the public read-only Cypher console
 * included) gives one away. The server key is PARLEY_WEBHOOK_KEY, or one made once and kept in
 * PARLEY_HOME/webhook.key (instances on other hosts must then share it through the variable).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const cache = new Map<string, string>();

export function serverKey(settings: { key: string | undefined; home: string }): string {
  if (settings.key) return settings.key;
  const file = path.join(settings.home, 'webhook.key');
  const cached = cache.get(file);
  if (cached) return cached;
  fs.mkdirSync(settings.home, { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const key = fs.readFileSync(file, 'utf8').trim();
  cache.set(file, key);
  return key;
}

export function signingKey(key: string, watchId: string, nonce: string): string {
  return crypto.createHmac('sha256', key).update(`${watchId}\n${nonce}`).digest('base64url');
}
