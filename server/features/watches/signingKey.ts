/**
 * Webhook signing keys are never stored: each is derived as HMAC-SHA256(server key, watch id and
 * a stored nonce), so that nothing read from the graph (the public read-only Cypher console
 * included) gives one away. Webhook URLs (which often carry a token of their own) are stored
 * sealed with AES-256-GCM under a key derived from the same server key. The server key is PARLEY_WEBHOOK_KEY, or one made once and kept in
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

const urlKey = (key: string) => crypto.createHash('sha256').update(`webhook-url\n${key}`).digest();

/** A URL sealed for storage: iv, tag and ciphertext, base64url, joined by dots. */
export function sealUrl(key: string, url: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', urlKey(key), iv);
  const sealed = Buffer.concat([cipher.update(url, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url')).join('.');
}

/** The URL back, or null when it was sealed under another server key. */
export function openUrl(key: string, sealed: string): string | null {
  try {
    const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    const decipher = crypto.createDecipheriv('aes-256-gcm', urlKey(key), iv!);
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
