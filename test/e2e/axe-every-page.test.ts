// The journeys' accessibility check itself: every document a page loads is checked with axe, once per address,
// and a serious violation reaches the journey's problems.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, checkEveryPage, launchChromium } from '../support/browser.ts';

describe.skipIf(!CHROMIUM)('axe on every page a journey opens', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  const pages: Record<string, string> = {
    '/clean': '<!doctype html><html lang="en"><title>Fine</title><main><h1>Fine</h1><a href="/broken">on</a></main></html>',
    '/broken': '<!doctype html><html lang="en"><title>Broken</title><main><h1>Broken</h1><img src="/x.png"></main></html>',
  };
  beforeAll(async () => {
    server = createServer((request, response) => {
      const body = pages[request.url ?? ''];
      response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? '');
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('reports a serious violation on a loaded page, names the address, and checks each address once', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const axe = await checkEveryPage(page, problems, {});
    await page.goto(`${origin}/clean`);
    await page.goto(`${origin}/broken`);
    await page.goto(`${origin}/clean#again`);
    await page.goto(`${origin}/broken`);
    const { checked, violations } = await axe.settle();
    expect(checked).toBe(2);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/^axe \/broken: image-alt: /);
    expect(problems).toEqual(violations);
  });
});
