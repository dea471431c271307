import { serveStatic } from './support/static-server.ts';
import { launchBrowser, PHONE, DESKTOP } from './support/browser.ts';
const s = await serveStatic('/work/main/dist');
const b = await launchBrowser();
const which = process.argv[2] ?? 'light';
for (const [name, vp] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
  const ctx = await b.newContext({ viewport: vp, colorScheme: which === 'dark' ? 'dark' : 'light' });
  const p = await ctx.newPage();
  await p.goto(s.url + 'articles/ali-yun-haishi-alibaba-de-na-duo-yun/');
  await p.screenshot({ path: `/tmp/${which}-article-${name}.png` });
  await p.goto(s.url + 'articles/ali-yun-haishi-alibaba-de-na-duo-yun/zh-hant/');
  await p.screenshot({ path: `/tmp/${which}-hant-${name}.png` });
  await p.goto(s.url + 'articles/ali-yun-haishi-alibaba-de-na-duo-yun/#昂贵的ai');
  await p.waitForTimeout(300);
  await p.screenshot({ path: `/tmp/${which}-section-${name}.png` });
  await p.goto(s.url);
  await p.screenshot({ path: `/tmp/${which}-home-${name}.png` });
  await p.goto(s.url + '?q=' + encodeURIComponent('云栖大会'));
  await p.waitForSelector('#yd-search-panel:not([hidden]) .yd-search-results[aria-busy="false"]', { state: 'attached' });
  await p.screenshot({ path: `/tmp/${which}-panel-${name}.png` });
  await p.goto(s.url + 'search/?q=' + encodeURIComponent('吴泳铭 演讲'));
  await p.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
  await p.screenshot({ path: `/tmp/${which}-search-${name}.png` });
  await ctx.close();
}
await b.close(); await s.close();
