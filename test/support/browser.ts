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

const turns = new WeakMap<Page, Promise<unknown>>();

/** One axe analysis at a time on a page: axe refuses to start while another runs on the same document. */
function inTurn<T>(page: Page, run: () => Promise<T>): Promise<T> {
  const next = (turns.get(page) ?? Promise.resolve()).then(run);
  turns.set(page, next.catch(() => {}));
  return next;
}

/** Serious and critical accessibility violations on the page as it is now (none expected). */
export function seriousViolations(page: Page): Promise<string[]> {
  return inTurn(page, async () => {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  });
}

/**
 * Checks every document the page loads with axe (each address once) without touching the page the test drives:
 * at its load the document sends a copy of itself, which is checked (scripts left out, stylesheets and images
 * fetched from its address) in a page of its own, in a second context with the same viewport and language.
 * Serious and critical violations are added to `problems` as "axe <address>: …".
 */
export async function checkEveryPage(page: Page, problems: string[], context: BrowserContextOptions) {
  const checker = await (await page.context().browser()!.newContext(context)).newPage();
  const checked = new Set<string>();
  const found: string[] = [];
  let queue = Promise.resolve();
  await page.exposeBinding('clubrollAxeCopy', ({ frame }, url: string, html: string) => {
    const address = url.replace(/#.*$/, '');
    if (frame !== page.mainFrame() || !/^https?:/.test(url) || checked.has(address)) return;
    checked.add(address);
    const base = `<base href="${url.replace(/"/g, '&quot;')}">`;
    const copy = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<head([^>]*)>/i, `<head$1>${base}`);
    queue = queue.then(async () => {
      await checker.setContent(copy);
      const { pathname, search } = new URL(url);
      const named = (await seriousViolations(checker)).map((violation) => `axe ${pathname}${search}: ${violation}`);
      found.push(...named);
      problems.push(...named);
    });
  });
  await page.addInitScript(() => {
    const send = (window as unknown as { clubrollAxeCopy: (url: string, html: string) => void }).clubrollAxeCopy;
    addEventListener('load', () => send(location.href, `<!doctype html>${document.documentElement.outerHTML}`));
  });
  return {
    /** Waits for the checks queued, then says how many addresses were checked and what was found. */
    settle: async () => {
      await queue;
      return { checked: checked.size, violations: found };
    },
  };
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

/** Logs out through the header's menu, as a person would: open the menu, then 退出登录 / Log out. */
export async function logOut(page: Page): Promise<void> {
  const menu = page.locator('.site-nav__menu');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  await page.locator('form[action="/logout"] button').click();
  await page.waitForURL((url) => url.pathname === '/');
}

/**
 * The real server on a fresh demo database (with any extra environment), and one browser page looking at it.
 * Every document the page loads is checked with axe (unless `axe: false`, for a test that measures time); a
 * serious or critical violation is a problem, and close() fails the suite with them after cleaning up.
 */
export async function startJourney(context: BrowserContextOptions, env: Record<string, string> = {}, options: { axe?: boolean } = {}): Promise<Journey> {
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
  const axe = options.axe === false ? null : await checkEveryPage(page, problems, context);
  return {
    server,
    databasePath,
    page,
    problems,
    close: async () => {
      const accessibility = await axe?.settle();
      await browser.close();
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
      if (accessibility && accessibility.checked === 0) throw new Error('axe checked no page of this journey');
      if (accessibility && accessibility.violations.length > 0) throw new Error(`accessibility problems:\n${accessibility.violations.join('\n')}`);
    },
  };
}
