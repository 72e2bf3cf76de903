// Trust and sharing on public pages: the footer names who runs the platform (only what is configured), and the
// home, catalogue and offering pages carry share-card tags (Open Graph) whose links never come from a Host header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, buildApp, createSchool } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { type TestDatabase, createTestDatabase } from '../support/database.ts';

describe('footer and share cards', () => {
  let handle: TestDatabase;
  let offering: number;

  beforeAll(async () => {
    handle = await createTestDatabase('sqlite');
    const school = await createSchool(handle, 'share-school');
    offering = await createOffering(handle, await createTerm(handle, school), { code: 'ROB', title_zh: '乐高机器人', description_zh: '用乐高搭建会动的机器人。'.repeat(10) });
  });
  afterAll(() => handle.drop());

  it('shows the issuing authority, contact and filing number when configured, and none of them otherwise', async () => {
    const configured = buildApp(handle, { footer: { authority: '云溪高新区教育局', contact: '0571-8888 1234', icp: '浙ICP备12345678号-1' } }).app;
    const page = await (await new Browser(configured).get('/')).text();
    expect(page).toContain('<p>主办单位：云溪高新区教育局</p>');
    expect(page).toContain('<p>联系方式：0571-8888 1234</p>');
    expect(page).toContain('<a href="https://beian.miit.gov.cn/" rel="noopener" target="_blank">浙ICP备12345678号-1</a>');
    const english = await (await new Browser(configured, { lang: 'en' }).get('/')).text();
    expect(english).toContain('<p>Run by 云溪高新区教育局</p>');
    const bare = await (await new Browser(buildApp(handle).app).get('/')).text();
    expect(bare).not.toContain('主办单位');
    expect(bare).not.toContain('beian.miit.gov.cn');
  });

  it('gives the home, catalogue and offering pages share-card tags with a title, a description and an image', async () => {
    const browser = new Browser(buildApp(handle).app);
    const home = await (await browser.get('/')).text();
    expect(home).toContain('<meta property="og:title" content="首页"/>');
    expect(home).toMatch(/<meta property="og:description" content="1 所学校的 /);
    expect(home).toContain('<meta property="og:image" content="/static/share.png"/>');
    const catalogue = await (await browser.get('/s/share-school')).text();
    expect(catalogue).toMatch(/<meta property="og:description" content="[^"]+的科创社团和特色课程：看介绍、上课时间和余位，手机上就能报名。"\/>/);
    expect(catalogue).toContain('<meta property="og:url" content="/s/share-school"/>');
    const page = await (await browser.get(`/offerings/${offering}`)).text();
    expect(page).toContain('<meta property="og:title" content="乐高机器人"/>');
    // School and grades, then the description cut at 100 characters.
    expect(page).toMatch(/<meta property="og:description" content="[^"]+ · [^"]+ · 用乐高搭建会动的机器人。[^"]{88}…"\/>/);
    // Pages that are not the public catalogue carry none.
    expect(await (await browser.get('/login')).text()).not.toContain('og:title');
  });

  it('makes the share links absolute from PUBLIC_ORIGIN only, never from the Host header', async () => {
    const published = new Browser(buildApp(handle, { publicOrigin: 'https://kehou.example.cn' }).app);
    const page = await (await published.get('/s/share-school', { host: 'evil.example' })).text();
    expect(page).toContain('<meta property="og:url" content="https://kehou.example.cn/s/share-school"/>');
    expect(page).toContain('<meta property="og:image" content="https://kehou.example.cn/static/share.png"/>');
    const local = await (await new Browser(buildApp(handle).app).get('/s/share-school', { host: 'evil.example' })).text();
    expect(local).not.toContain('evil.example');
  });
});
