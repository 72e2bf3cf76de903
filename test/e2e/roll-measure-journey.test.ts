// Measures a typical day's roll of a 20-child class on a phone with every answer 300 ms late: 2 absent, 1 late
// with a note, the other 17 by "everyone else present". Prints taps (clicks, keys and screen-high swipes to reach
// a button) and seconds, for the closing note; runs on any version of the roll page.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, type Journey, PHONE, startJourney } from '../support/browser.ts';
import { openFullRoll } from '../support/roll-class.ts';

const SHOTS = join(process.cwd(), 'test-results');

describe.skipIf(!CHROMIUM)('a typical day on a 20-child roll', () => {
  let journey: Journey;
  let page: Page;

  beforeAll(async () => {
    journey = await startJourney(PHONE, {}, { axe: false });
    page = journey.page;
    await openFullRoll(journey, 20);
  });

  afterAll(() => journey?.close());

  it('takes the roll and prints the taps and seconds', async () => {
    await page.route('**/teach/meetings/*/*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    const viewport = page.viewportSize()!;
    let taps = 0;
    let swipes = 0;
    // A thumb reaches what is on screen; anything below takes one swipe per screen height.
    async function reach(locator: ReturnType<Page['locator']>) {
      const box = (await locator.boundingBox())!;
      const below = box.y + box.height - viewport.height;
      if (below > 0) {
        swipes += Math.ceil(below / (viewport.height * 0.8));
        await locator.scrollIntoViewIfNeeded();
      }
    }
    const steps: string[] = [];
    async function tap(locator: ReturnType<Page['locator']>) {
      await reach(locator);
      await locator.click();
      taps += 1;
      steps.push(`${((Date.now() - started) / 1000).toFixed(2)}`);
    }
    const row = (index: number) => page.locator('.roll-row').nth(index);
    await page.evaluate(() => window.scrollTo(0, 0));
    const started = Date.now();
    await tap(row(0).getByRole('button', { name: '缺勤' }));
    await tap(row(1).getByRole('button', { name: '缺勤' }));
    await tap(row(2).getByRole('button', { name: '迟到' }));
    await expect.poll(() => row(2).locator('.roll-row__note .button').count(), { interval: 50 }).toBe(1);
    await tap(row(2).locator('.roll-row__note summary'));
    await row(2).locator('.roll-row__note input').fill('堵车，16:20 到');
    await tap(row(2).locator('.roll-row__note .button'));
    await expect.poll(() => row(2).locator('.notice').textContent(), { interval: 50 }).toContain('已保存：迟到');
    await tap(page.getByRole('button', { name: /其余全部出勤/ }));
    await expect.poll(() => page.locator('#roll-counts').textContent(), { timeout: 10_000, interval: 50 }).toContain('未点 0');
    const seconds = (Date.now() - started) / 1000;
    expect(await page.locator('#roll-counts').textContent()).toContain('出勤 17');
    console.log(`ROLL MEASURE (20 children, 300 ms answers): ${taps + swipes} taps (${taps} on buttons, ${swipes} swipes to reach them), ${seconds.toFixed(1)} s (taps at ${steps.join(', ')} s)`);
    await page.screenshot({ path: join(SHOTS, 'roll-measure-phone.png') });
  });
});
