// A school admin on a phone imports the pupil list: a file with a mistake is shown row by row, the corrected one
// is previewed and imported at once, all in Chinese on a 360-px screen without sideways scrolling.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, type Journey, PHONE, seriousViolations, logIn, startJourney } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';

const file = (rows: string[]) => ({ name: '学生名单.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF姓名,学号,年级,班级\r\n${rows.join('\r\n')}\r\n`) });

describe.skipIf(!CHROMIUM)('school admin imports the pupil list on a phone', () => {
  let journey: Journey;
  let page: Page;
  let server: RunningServer;
  let importPath: string;

  beforeAll(async () => {
    journey = await startJourney(PHONE);
    ({ page, server } = journey);
  });

  afterAll(() => journey?.close());

  const fitsTheScreen = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  const shoot = async (name: string) => {
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
  };

  it('opens the import page of their school', async () => {
    await logIn(journey, 'admin@clubroll.demo');
    await page.goto(`${server.url}/admin`);
    await page.waitForURL(/\/admin\/schools\/\d+$/);
    importPath = `${new URL(page.url()).pathname}/pupils/import`;
    await page.goto(`${server.url}${importPath}`);
    expect(await page.locator('h1').textContent()).toBe('导入学生名单（CSV）');
    expect(await fitsTheScreen()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot('pupil-import-form');
  });

  it('sees each mistake by row and column, and nothing is imported', async () => {
    await page.getByLabel('CSV 文件').setInputFiles(file(['王小明,E2E001,3,2班', '李雷,E2E001,9,']));
    await page.getByRole('button', { name: '预览' }).click();
    await expect.poll(() => page.locator('.csv-problems li').allTextContents()).toEqual(['第 3 行，学号：与第 2 行的学号重复。', expect.stringMatching(/^第 3 行，年级：这所学校只有 \d–\d 年级。$/)]);
    expect(await page.getByRole('button', { name: '确认导入' }).count()).toBe(0);
    expect(await fitsTheScreen()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot('pupil-import-problems');
  });

  it('previews the corrected file and imports it at once', async () => {
    await page.getByLabel('CSV 文件').setInputFiles(file(['王小明,E2E001,3,2班', '李雷,E2E002,2,']));
    await page.getByRole('button', { name: '预览' }).click();
    await expect.poll(() => page.locator('.notice').first().textContent()).toContain('共 2 行：新增 2 名，更新 0 名，0 名不变。');
    expect(await fitsTheScreen()).toBe(true);
    await shoot('pupil-import-preview');
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => page.locator('.notice').first().textContent()).toContain('已导入：新增 2 名，更新 0 名，0 名不变。');
    expect(await seriousViolations(page)).toEqual([]);
    expect(journey.problems).toEqual([]);
  });
});
