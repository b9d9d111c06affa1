/**
 * Sending one webhook, safely: http or https only, no credentials in the URL, the address
 * actually connected to (after DNS, through the request's own `lookup`, and once more on the
 * socket) must be public unless private addresses are allowed, redirects are not followed, and a
 * connect timeout and a total timeout apply. The body is signed with HMAC-SHA256 over
 * "<timestamp>.<body>"; the idempotency key is the delivery's id, the same on every retry.
 * Nothing here logs: the caller records outcomes, never a secret.
 */
import crypto from 'node:crypto';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { ValidationError } from '../../errors.ts';

export interface WebhookPolicy {
  allowPrivate: boolean;
  connectTimeoutMs: number;
  timeoutMs: number;
}

/** Why an address may not be called, or null when it may: only globally routed unicast addresses pass. */
export function refusedAddress(address: string, allowPrivate: boolean): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const parsed = ipaddr.parse(address);
  const range = parsed.range();
  if (range === 'unspecified' || range === 'multicast' || range === 'broadcast') return `a ${range} address`;
  if (allowPrivate) return null;
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) return 'an IPv4-mapped IPv6 address';
  return range === 'unicast' ? null : `a ${range} address`;
}

/** A webhook URL as the watch stores it, or a 400 naming what is wrong with it (its scheme, its host, where it resolves). */
export async function checkWebhookUrl(text: string, policy: Pick<WebhookPolicy, 'allowPrivate'>): Promise<string> {
  const problem = (message: string) => new ValidationError(`webhook.url: ${message}`, [{ path: 'webhook.url', message }]);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw problem('is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw problem(`must be http or https, not ${url.protocol.replace(/:$/, '')}`);
  if (url.username || url.password) throw problem('must not carry a user name or password');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = net.isIP(host) ? [host] : await resolve(host).catch(() => {
    throw problem(`${host} does not resolve`);
  });
  for (const address of addresses) {
    const refused = refusedAddress(address, policy.allowPrivate);
    if (!refused) continue;
    const where = net.isIP(host) ? `${host} is ${refused}` : `${host} resolves to ${address}, ${refused}`;
    throw problem(`${where}; refused unless PARLEY_WEBHOOK_ALLOW_PRIVATE=true`);
  }
  return url.toString();
}

async function resolve(host: string): Promise<string[]> {
  const found = await dns.promises.lookup(host, { all: true, verbatim: true });
  return found.map((a) => a.address);
}

/** The request's own DNS look-up: resolves, then refuses a disallowed address before any connection. */
function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true, verbatim: true }, (err, found) => {
      if (err) return callback(err, '', 0);
      const list = found as dns.LookupAddress[];
      const refused = list.map((a) => refusedAddress(a.address, allowPrivate)).find((r) => r !== null);
      if (refused || list.length === 0) {
        const error = Object.assign(new Error(`refused: ${hostname} resolves to ${refused ?? 'nothing'}`), { code: 'EADDRREFUSED' });
        return callback(error, '', 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

export interface SendResult {
  ok: boolean;
  status: number | null;
  error: string | null;
  ms: number;
}

export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Connections kept open between deliveries (a burst sends many to one receiver; a new connection
 * each costs both ends more than the request). A kept socket is the one checked when it connected,
 * and the check below runs again on every request it carries. Idle sockets do not hold the process.
 */
const keptAlive = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

type Delivery = { secret: string; idempotencyKey: string; event: string; body: string };

/** POSTs one signed delivery; resolves with the outcome (never rejects). */
export async function sendWebhook(target: string, delivery: Delivery, policy: WebhookPolicy): Promise<SendResult> {
  const first = await sendOnce(target, delivery, policy, true);
  // A kept socket the receiver closed as the request went out: once more on a new connection.
  return first.staleSocket ? (await sendOnce(target, delivery, policy, false)).result : first.result;
}

function sendOnce(
  target: string,
  { secret, idempotencyKey, event, body }: Delivery,
  policy: WebhookPolicy,
  reuse: boolean,
): Promise<{ result: SendResult; staleSocket: boolean }> {
  const started = Date.now();
  const timestamp = String(Math.floor(started / 1000));
  return new Promise((done) => {
    let staleSocket = false;
    const resolve = (result: SendResult) => done({ result, staleSocket });
    let settled = false;
    // Declared before `finish`, which an early refusal calls before they are set.
    let total: NodeJS.Timeout | undefined;
    let connect: NodeJS.Timeout | undefined;
    const finish = (result: Omit<SendResult, 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      clearTimeout(connect);
      resolve({ ...result, ms: Date.now() - started });
    };
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      finish({ ok: false, status: null, error: 'not a URL' });
      return;
    }
    const client = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
    if (!client) {
      finish({ ok: false, status: null, error: 'not http or https' });
      return;
    }
    // An IP literal skips the look-up: check it before connecting, so not even a SYN reaches it.
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    const refusedLiteral = net.isIP(literal) ? refusedAddress(literal, policy.allowPrivate) : null;
    if (refusedLiteral) {
      finish({ ok: false, status: null, error: `refused: ${literal} is ${refusedLiteral}` });
      return;
    }
    const request = client.request(url, {
      method: 'POST',
      agent: reuse ? (client === https ? keptAlive.https : keptAlive.http) : false,
      lookup: guardedLookup(policy.allowPrivate),
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'user-agent': 'Parley-Webhook/1',
        'idempotency-key': idempotencyKey,
        'x-parley-delivery': idempotencyKey,
        'x-parley-event': event,
        'x-parley-timestamp': timestamp,
        'x-parley-signature': signature(secret, timestamp, body),
      },
    });
    const fail = (error: string) => {
      request.destroy();
      finish({ ok: false, status: null, error });
    };
    total = setTimeout(() => fail(`no answer within ${policy.timeoutMs} ms`), policy.timeoutMs);
    connect = setTimeout(() => fail(`no connection within ${policy.connectTimeoutMs} ms`), policy.connectTimeoutMs);
    request.on('socket', (socket) => {
      const connected = () => {
        clearTimeout(connect);
        // The address actually connected to, whatever resolved it (an IP literal skips the look-up).
        const refused = socket.remoteAddress ? refusedAddress(socket.remoteAddress, policy.allowPrivate) : 'an unknown address';
        if (refused) fail(`refused: connected to ${refused}`);
      };
      if ((socket as net.Socket).connecting) socket.once('connect', connected);
      else connected();
    });
    request.on('error', (err: NodeJS.ErrnoException) => {
      staleSocket = request.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE');
      finish({ ok: false, status: null, error: err.code ? `${err.code}: ${err.message}` : err.message });
    });
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      response.resume();
      response.on('end', () => {
        if (status >= 200 && status < 300) finish({ ok: true, status, error: null });
        else if (status >= 300 && status < 400) finish({ ok: false, status, error: 'redirect not followed' });
        else finish({ ok: false, status, error: `answered ${status}` });
      });
      response.on('error', (err) => finish({ ok: false, status, error: err.message }));
    });
    request.end(body);
  });
}
