// Debian's Chromium under playwright-core: found on PATH, required in CI, skipped (loudly) elsewhere when absent.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContextOptions, type Page, chromium } from 'playwright-core';
import { type RunningServer, startServer } from './server.ts';

export function chromiumPath(): string | null {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export const CHROMIUM = chromiumPath();
if (!CHROMIUM && process.env.CI === 'true') {
  throw new Error('CI=true but no chromium on PATH: the browser tests must run in CI (apt-get install chromium)');
}
if (!CHROMIUM) console.warn('chromium not found: browser tests are skipped here (they run in CI)');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM!,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A phone: 360 × 740 CSS pixels, touch, Chinese. */
export const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

/** Serious and critical accessibility violations on the page as it is now (none expected). */
export async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

export interface Journey {
  server: RunningServer;
  /** The demo district's SQLite file, for a test that must look something up. */
  databasePath: string;
  page: Page;
  /** Script errors and CSP violations seen so far (a 4xx answer to a form with mistakes is expected, not a problem). */
  problems: string[];
  close(): Promise<void>;
}

/** Signs the journey's page in through the login form (a demo login, password clubroll-demo unless given). */
export async function logIn(journey: Pick<Journey, 'page' | 'server'>, login: string, password = 'clubroll-demo'): Promise<void> {
  const { page, server } = journey;
  await page.goto(`${server.url}/login`);
  await page.getByLabel('手机号或邮箱').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${server.url}/`);
}

/** The real server on a fresh demo database (with any extra environment), and one browser page looking at it. */
/** Logs out through the header's menu, as a person would: open the menu, then 退出登录 / Log out. */
export async function logOut(page: Page): Promise<void> {
  const menu = page.locator('.site-nav__menu');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  await page.locator('form[action="/logout"] button').click();
  await page.waitForURL((url) => url.pathname === '/');
}

export async function startJourney(context: BrowserContextOptions, env: Record<string, string> = {}): Promise<Journey> {
  const folder = mkdtempSync(join(tmpdir(), 'clubroll-e2e-'));
  const databasePath = join(folder, 'e2e.db');
  const server = await startServer({ DATABASE_URL: `sqlite:${databasePath}`, SEED_DEMO: '1', ...env });
  const browser = await launchChromium();
  const page = await (await browser.newContext(context)).newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return {
    server,
    databasePath,
    page,
    problems,
    close: async () => {
      await browser.close();
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
