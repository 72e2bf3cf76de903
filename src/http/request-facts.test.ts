import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddress, originOf, ownOrigin } from './request-facts.ts';

/** What the app would take as the client's address and origin for these headers. */
async function seen(trustProxy: number, headers: Record<string, string>) {
  const app = new Hono();
  app.get('/', (c) => c.json({ address: clientAddress(c, { publicOrigin: undefined, trustProxy }), origin: ownOrigin(c, { publicOrigin: undefined, trustProxy }) }));
  return (await (await app.request('/', { headers })).json()) as { address: string; origin: string };
}

describe('the client address behind trusted proxies', () => {
  it('is the hop the one trusted proxy added (the right-most), not what the client wrote before it', async () => {
    expect((await seen(1, { 'x-forwarded-for': '10.9.9.9, 198.51.100.20' })).address).toBe('198.51.100.20');
    expect((await seen(1, { 'x-forwarded-for': '198.51.100.20' })).address).toBe('198.51.100.20');
  });

  it('with two trusted hops, is the second from the right', async () => {
    expect((await seen(2, { 'x-forwarded-for': 'spoofed, 198.51.100.20, 203.0.113.5' })).address).toBe('198.51.100.20');
  });

  it('takes the left-most hop when fewer hops came than are trusted, and ignores empty ones', async () => {
    expect((await seen(3, { 'x-forwarded-for': '198.51.100.20, 203.0.113.5' })).address).toBe('198.51.100.20');
    expect((await seen(1, { 'x-forwarded-for': '198.51.100.20, , ' })).address).toBe('198.51.100.20');
  });

  it('ignores X-Forwarded-* entirely when no proxy is trusted', async () => {
    const facts = await seen(0, { 'x-forwarded-for': '198.51.100.20', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' });
    expect(facts.address).not.toBe('198.51.100.20');
    expect(facts.origin).toBe('http://localhost');
  });

  it('reads the proxy’s scheme and host the same way', async () => {
    expect((await seen(1, { 'x-forwarded-proto': 'http, https', 'x-forwarded-host': 'evil.example, clubroll.example.cn' })).origin).toBe('https://clubroll.example.cn');
  });
});

describe('the origin of a request address', () => {
  it('is what URL says for every form a Host header can take', () => {
    const addresses = [
      'http://localhost:3000/offerings/1/enrollments',
      'http://127.0.0.1/',
      'https://clubroll.example.cn/schools/a?lang=en',
      'http://Clubroll.Example.CN:8080/x',
      'http://example.cn:80/x',
      'https://example.cn:443/x',
      'http://example.cn:443/x',
      'http://[::1]:3000/x',
      'http://[0:0::1]/x',
      'http://user@example.cn/x',
      'http://例子.中国/x',
      'http://exa%41mple.cn/x',
      'https://a-b.example.cn',
    ];
    for (const address of addresses) expect(originOf(address), address).toBe(new URL(address).origin);
  });
});
