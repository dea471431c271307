import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from '../support/browser.ts';
import { useSite } from '../support/e2e.ts';
import { CHEN, LEVEE, LIN, TYPHOON } from '../support/series-site.ts';

// Searching a newsroom as a news reader does: when each story appeared, newest first.
const SHOTS = process.env['YUEDU_SHOTS'];
const site = useSite('distSeries', '/news/');

/** In four articles over three years, a series page's introduction, and the undated seed article. */
const WORD = '一个';

async function search(query: string, viewport = PHONE): Promise<Page> {
  const page = await site.browser.newPage({ viewport, serviceWorkers: 'block' });
  await page.goto(`${site.server.url}search/?${query}`);
  await done(page);
  return page;
}
const done = (page: Page) => page.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
/** Each result: its title and the dates under it. */
const results = (page: Page) =>
  page.locator('#yd-search-results > .yd-result').evaluateAll((items) =>
    items.map((li) => ({
      title: li.querySelector('.yd-result-title a')?.textContent ?? '',
      dates: [...li.querySelectorAll(':scope > .yd-meta time')].map((t) => t.getAttribute('datetime')),
    })),
  );

describe('search results of a newsroom', () => {
  it('show when each article appeared, and when it was corrected', async () => {
    const page = await search(`q=${encodeURIComponent('海堤')}`);
    const [levee] = await results(page);
    expect(levee).toEqual({ title: '海堤修补工程赶在汛期前完工', dates: ['2024-10-02', '2024-10-08'] });
    expect(await page.locator('#yd-search-results > .yd-result .yd-meta').first().innerText()).toMatch(/^2024-10-02\s+更新于 2024-10-08$/);
    expect(await page.locator(`#yd-search-results a[href*="/articles/${LEVEE}/"]`).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('newest first (?sort=newest): dates never go up, the undated article comes last, and the control says so', async () => {
    const page = await search(`q=${WORD}&sort=newest`);
    expect(await page.locator('#yd-search-sort').inputValue()).toBe('newest');
    const shown = await results(page);
    expect(shown.length).toBe(6);
    // A series page is dated by its newest part.
    expect(shown[0]).toEqual({ title: '台风过后', dates: ['2024-09-20'] });
    const dates = shown.map((r) => r.dates[0] ?? '');
    expect(dates.at(-1)).toBe('');
    expect(shown.at(-1)?.title).toBe('阿里云还是阿里巴巴的那朵云');
    const dated = dates.slice(0, -1);
    expect(dated.every(Boolean)).toBe(true);
    expect(dated).toEqual([...dated].sort().reverse());
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/search-newest-phone.png`, fullPage: false });
    await page.close();
  });

  it('newest first still works when the build\'s date list cannot be fetched: Pagefind\'s own sort answers', async () => {
    const page = await site.browser.newPage({ viewport: PHONE, serviceWorkers: 'block' });
    const asked: string[] = [];
    await page.route('**/pagefind/yuedu-newest.*', (route) => {
      asked.push(route.request().url());
      return route.abort();
    });
    await page.goto(`${site.server.url}search/?q=${WORD}&sort=newest`);
    await done(page);
    expect(asked.length).toBeGreaterThan(0);
    const dates = (await results(page)).map((r) => r.dates[0] ?? '');
    expect(dates.length).toBe(6);
    expect(dates.at(-1)).toBe('');
    expect(dates.slice(0, -1)).toEqual([...dates.slice(0, -1)].sort().reverse());
    await page.close();
  });

  it('switches between 相关度 and 最新 in place, keeping the choice in the URL so a link reproduces it', async () => {
    const page = await search(`q=${WORD}`, DESKTOP);
    expect(await page.locator('#yd-search-sort').inputValue()).toBe('relevance');
    const byRelevance = (await results(page)).map((r) => r.title);
    await page.selectOption('#yd-search-sort', 'newest');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'newest');
    await done(page);
    const byDate = (await results(page)).map((r) => r.title);
    expect([...byDate].sort()).toEqual([...byRelevance].sort());
    // The address now reproduces the newest-first list.
    const again = await search(new URL(page.url()).search.slice(1), DESKTOP);
    expect((await results(again)).map((r) => r.title)).toEqual(byDate);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/search-newest-desktop.png`, fullPage: false });
    await page.selectOption('#yd-search-sort', 'relevance');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('sort'));
    await done(page);
    expect((await results(page)).map((r) => r.title)).toEqual(byRelevance);
    await Promise.all([page.close(), again.close()]);
  });

  it('takes an unknown sort= as relevance, the default, and still searches', async () => {
    const page = await search(`q=${WORD}&sort=oldest`);
    expect(await page.locator('#yd-search-sort').inputValue()).toBe('relevance');
    expect((await results(page)).length).toBe(6);
    await page.close();
  });

  it('narrows to a year, counting each year\'s results for the query and greying the years without any', async () => {
    const page = await search(`q=${WORD}&year=2024`);
    expect(await page.locator('#yd-search-year').inputValue()).toBe('2024');
    const shown = await results(page);
    expect(shown.length).toBe(4);
    expect(shown.every((r) => r.dates[0]?.startsWith('2024-'))).toBe(true);
    // Pagefind's own counts for the query in each year, with 2023 (nothing for it) greyed, not hidden.
    await page.waitForFunction(() => document.querySelector('#yd-search-year option[value="2024"]')?.textContent?.includes('（'));
    const options = await page.locator('#yd-search-year option').evaluateAll((all) =>
      all.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent, disabled: (o as HTMLOptionElement).disabled })),
    );
    expect(options).toEqual([
      { value: '', text: '全部年份', disabled: false },
      { value: '2024', text: '2024 年（4）', disabled: false },
      { value: '2023', text: '2023 年（0）', disabled: true },
      { value: '2022', text: '2022 年（1）', disabled: false },
    ]);
    await page.close();
  });

  it('combines section and year, and keeps both in the address by fixed names', async () => {
    const page = await search(`q=${WORD}`, DESKTOP);
    await page.selectOption('#yd-search-section', 'society');
    await page.selectOption('#yd-search-year', '2024');
    await page.waitForFunction(() => {
      const params = new URL(location.href).searchParams;
      return params.get('section') === 'society' && params.get('year') === '2024';
    });
    await done(page);
    const sections = await page.locator('#yd-search-results > .yd-result .yd-result-section').allInnerTexts();
    expect(sections.length).toBeGreaterThan(0);
    expect(new Set(sections)).toEqual(new Set(['社会']));
    expect((await results(page)).every((r) => r.dates[0]?.startsWith('2024-'))).toBe(true);
    // The year filter counts for the query within the section: 2 of the 4 in 2024 are 社会's.
    await page.waitForFunction(() => document.querySelector('#yd-search-year option[value="2024"]')?.textContent === '2024 年（2）');
    expect(await page.locator('#yd-search-year option').allInnerTexts()).toEqual(['全部年份', '2024 年（2）', '2023 年（0）', '2022 年（1）']);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/search-filters-desktop.png`, fullPage: false });
    await page.close();
  });

  it('takes an unknown year= as every year, and counts the years once the reader turns to them', async () => {
    const page = await search(`q=${WORD}&year=1999`);
    expect(await page.locator('#yd-search-year').inputValue()).toBe('');
    expect((await results(page)).length).toBe(6);
    // No year chosen: the counts (the index's filter data) are fetched only when the reader turns to the list.
    expect(await page.locator('#yd-search-year option').allInnerTexts()).toEqual(['全部年份', '2024 年', '2023 年', '2022 年']);
    await page.focus('#yd-search-year');
    await page.waitForFunction(() => document.querySelector('#yd-search-year option[value="2024"]')?.textContent?.includes('（'));
    expect(await page.locator('#yd-search-year option').allInnerTexts()).toEqual(['全部年份', '2024 年（4）', '2023 年（0）', '2022 年（1）']);
    expect(await page.locator('#yd-search-year option[value="2023"]').isDisabled()).toBe(true);
    await page.close();
  });

  it('narrows to an author or a series by slug, combined, counting each choice and greying those without results', async () => {
    // 台风: three parts of 台风过后 (two by 林晓雨, one of them with 陈默's photographs), the levee story, the series page.
    const page = await search(`q=${encodeURIComponent('台风')}&author=${LIN.slug}`, DESKTOP);
    expect(await page.locator('#yd-search-author').inputValue()).toBe(LIN.slug);
    expect((await results(page)).map((r) => r.title).sort()).toEqual(['临时安置点里的第三天', '台风登陆的那一夜']);
    await page.waitForFunction(() => document.querySelector('#yd-search-author option[value="chen-mo"]')?.textContent?.includes('（'));
    expect(await page.locator('#yd-search-author option').allInnerTexts()).toEqual(['全部作者', '陈默（1）', '林晓雨（2）']);
    await page.selectOption('#yd-search-author', CHEN.slug);
    await page.selectOption('#yd-search-series', TYPHOON.slug);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('series') === 'after-the-typhoon');
    await done(page);
    expect(new URL(page.url()).searchParams.get('author')).toBe(CHEN.slug);
    expect((await results(page)).map((r) => r.title)).toEqual(['台风登陆的那一夜']);
    // Within 陈默's results, the chip series has none: listed, greyed.
    await page.waitForFunction(() => document.querySelector('#yd-search-series option[value="chip-year"]')?.textContent?.includes('（'));
    expect(await page.locator('#yd-search-series option[value="chip-year"]').innerText()).toBe('芯片这一年（0）');
    expect(await page.locator('#yd-search-series option[value="chip-year"]').isDisabled()).toBe(true);
    await page.close();
  });

  it('takes an unknown author= or series= as everyone and every series', async () => {
    const page = await search(`q=${encodeURIComponent('台风')}&author=nobody&series=none`);
    expect([await page.locator('#yd-search-author').inputValue(), await page.locator('#yd-search-series').inputValue()]).toEqual(['', '']);
    expect((await results(page)).length).toBe(5);
    await page.close();
  });

  it('finds a tag or a byline\'s name, below the articles whose text holds it, landing on the article\'s top', async () => {
    // 救灾 is the typhoon night's tag and nowhere in its text; the night market's text says it once.
    const rescue = await search(`q=${encodeURIComponent('救灾')}`);
    expect((await results(rescue)).map((r) => r.title)).toEqual(['夜市回来了', '台风登陆的那一夜']);
    const night = rescue.locator('#yd-search-results > .yd-result').nth(1);
    expect(await night.locator('.yd-hit-section').allInnerTexts()).toEqual(['导语']);
    expect(new URL(await night.locator('.yd-hit-link').first().evaluate((a) => (a as HTMLAnchorElement).href)).hash).toBe('#yd-title');
    // A reporter's name: her two stories, though no text names her.
    const lin = await search(`q=${encodeURIComponent(LIN.name)}`);
    expect((await results(lin)).map((r) => r.title).sort()).toEqual(['临时安置点里的第三天', '台风登陆的那一夜']);
    await Promise.all([rescue.close(), lin.close()]);
  });
});
