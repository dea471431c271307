import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPage } from '../../src/lib/import/html/import-html.ts';
import { letters } from '../../src/lib/import/html/stated.ts';
import { ROOT } from '../support/build-site.ts';
import { portalPage, STORY } from '../support/portal-page.ts';

// The importer checks what Readability kept against what the page says about itself.

const WEB = path.join(ROOT, 'tests/fixtures/web');
const load = (html: string | Uint8Array, dir?: string) => importPage(typeof html === 'string' ? Buffer.from(html) : html, { pageDir: dir, pageUrl: undefined });
const description = (text: string) => `<meta name="description" content="${text}">`;
const TEASER = '活动现场设置了咨询台和志愿服务点';

describe('a portal page whose short story sits beside a longer list', () => {
  it('is a real trap: with nothing stated, Readability takes the list', async () => {
    const page = await load(portalPage());
    expect(page.rule).toBe('Readability');
    expect(page.markdown).toContain(TEASER);
    expect(page.markdown).not.toContain(STORY[1]);
  });

  it('imports the story when the page’s description states its opening, and says which rule chose it', async () => {
    for (const head of [description(STORY[0] ?? ''), `<meta property="og:description" content="${STORY[0]?.slice(0, 30)}…">`]) {
      const page = await load(portalPage({ head }));
      expect(page.rule).toBe('metadata: stated opening');
      expect(page.markdown.split('\n\n')).toEqual(STORY);
    }
  });

  it('falls back to a JSON-LD articleBody that is the whole story when no element holds it', async () => {
    const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: '城东快速路高架段下月起分段封闭施工', articleBody: STORY.join('\n') };
    const page = await load(portalPage({ story: [], head: `<script type="application/ld+json">${JSON.stringify(ld)}</script>` }));
    expect(page.rule).toBe('metadata: articleBody');
    expect(page.markdown.split('\n\n')).toEqual(STORY);
  });

  it('never trades a right extraction away: a summary found nowhere on the page, or only the headline, changes nothing', async () => {
    const summary = await load(portalPage({ head: description('高架封闭三个月，过境车辆绕行环城北路，夜间施工白天通行，交警沿线疏导。') }));
    expect(summary.rule).toBe('Readability');
    // Many CMSs write the headline and a few channel words as the description.
    const headline = await load(portalPage({ head: description('城东快速路高架段下月起分段封闭施工 城市 交通 示例网') }));
    expect(headline.rule).toBe('Readability');
  });
});

describe('pages Readability gets right stay exactly as they were', () => {
  it.each(['qq', 'pixnet', 'gmw', 'youth', 'bbc'])('%s: chosen by Readability', async (name) => {
    const page = await load(readFileSync(path.join(WEB, name, 'source.html')), path.join(WEB, name));
    expect(page.rule).toBe('Readability');
  });

  it('newspaper’s BBC 中文网 page keeps every paragraph newspaper expects, in order', async () => {
    const page = await load(readFileSync(path.join(WEB, 'bbc', 'source.html')), path.join(WEB, 'bbc'));
    const text = letters(page.markdown.replace(/\]\([^)]*\)/g, ']'));
    const expected = readFileSync(path.join(WEB, 'bbc', 'expected.txt'), 'utf8').split(/\n+/).map(letters).filter(Boolean);
    let at = 0;
    const missing = expected.filter((p) => {
      const found = text.indexOf(p, at);
      if (found === -1) return true;
      at = found + p.length;
      return false;
    });
    expect(expected).toHaveLength(15);
    expect(missing).toEqual([]);
    expect(page.metadata.title).toBe('港特首梁振英就住宅违建事件道歉');
    expect(page.metadata.date).toBe('2012-12-10');
    expect(page.sections).toBe(1);
  });
});

describe('a story set in <div>s and <br>s, which Readability’s quick test turns away', () => {
  const story = STORY.join('<br><br>');
  const page = (head: string) =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>城东快速路高架段下月起分段封闭施工</title>${head}</head><body><div class="nav"><a href="/">首页</a></div><span class="t">${story}</span></body></html>`;

  it('is imported when the page’s description confirms what Readability found', async () => {
    const imported = await load(page(description(STORY[0] ?? '')));
    expect(imported.rule).toBe('Readability, confirmed by metadata');
    expect(imported.markdown).toContain(STORY[3]);
  });

  it('is still refused when nothing the page states confirms it', async () => {
    await expect(load(page(''))).rejects.toThrow(/^not an article/);
  });
});
