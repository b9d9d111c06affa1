import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded local Neo4j on loopback with writes disabled', () => {
    const config = loadConfig({});
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3000);
    expect(config.writeTokens).toEqual([]);
    expect(config.cypherConsole).toEqual({ timeoutMs: 5_000, maxRows: 1_000, maxBytes: 10_000_000 });
  });

  it('labels write tokens for the audit trail, and keeps the single-token variable as "default"', () => {
    expect(loadConfig({ PARLEY_WRITE_TOKEN: 'secret' }).writeTokens).toEqual([{ label: 'default', token: 'secret' }]);
    expect(loadConfig({ PARLEY_WRITE_TOKENS: 'alice:a-token, bot:b:token', PARLEY_WRITE_TOKEN: 'c' }).writeTokens).toEqual([
      { label: 'alice', token: 'a-token' },
      { label: 'bot', token: 'b:token' },
      { label: 'default', token: 'c' },
    ]);
    expect(() => loadConfig({ PARLEY_WRITE_TOKENS: 'no-label-here' })).toThrow(/PARLEY_WRITE_TOKENS: each entry must look like label:token/);
    expect(() => loadConfig({ PARLEY_WRITE_TOKENS: 'a:x,a:y' })).toThrow(/labels and tokens must be unique/);
    expect(() => loadConfig({ PARLEY_WRITE_TOKENS: 'a:x,b:x' })).toThrow(/labels and tokens must be unique/);
  });

  it('treats an empty NEO4J_URI as unset, so a blank line in an env file keeps the local default', () => {
    expect(loadConfig({ NEO4J_URI: '  ' }).neo4j.uri).toBeUndefined();
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io' }).neo4j.uri).toBe('neo4j+s://abc.databases.neo4j.io');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PARLEY_NEO4J_HEAP: 'lots' })).toThrow(/PARLEY_NEO4J_HEAP: must look like 512m or 1g/);
    expect(() => loadConfig({ NEO4J_DATABASE: 'neo4j; DROP' })).toThrow(/NEO4J_DATABASE/);
  });

  it('splits the CORS allow-list', () => {
    expect(loadConfig({ PARLEY_CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('limits every client per minute by default, lets 0 switch a tier off, and never trusts every proxy', () => {
    expect(loadConfig({}).rateLimits).toEqual({ requests: 1_200, queries: 120, writes: 30 });
    expect(loadConfig({ PARLEY_RATE_LIMIT_WRITES: '0' }).rateLimits.writes).toBe(0);
    expect(() => loadConfig({ PARLEY_RATE_LIMIT_QUERIES: '-1' })).toThrow(/PARLEY_RATE_LIMIT_QUERIES/);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ PARLEY_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ PARLEY_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => loadConfig({ PARLEY_TRUST_PROXY: 'true' })).toThrow(/PARLEY_TRUST_PROXY/);
  });
});
