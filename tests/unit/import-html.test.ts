import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../src/lib/import/html/decode.ts';
import { detectKind } from '../../src/lib/import/html/detect.ts';
import { importPage } from '../../src/lib/import/html/import-html.ts';
import { cutSiteSuffix, dayOf } from '../../src/lib/import/html/metadata.ts';
import { ROOT } from '../support/build-site.ts';

const WEB = path.join(ROOT, 'tests/fixtures/web');
const source = (name: string) => readFileSync(path.join(WEB, name, 'source.html'));
const page = (bytes: Uint8Array, dir = WEB, pageUrl?: string) => importPage(bytes, { pageDir: dir, pageUrl });
// Readability's own test harness reads each page as if served from here (its relative pictures resolve against it).
const FAKEHOST = 'http://fakehost/test/page.html';
const fixture = (name: string) => page(source(name), path.join(WEB, name), FAKEHOST);
const html = (body: string, head = '<meta charset="utf-8"><title>测试页面</title>') =>
  Buffer.from(`<!doctype html><html lang="zh-CN"><head>${head}</head><body>${body}</body></html>`);
const prose = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `<p>第${i + 1}段：这是一段足够长的新闻正文，讲述了记者在现场看到的情况，以及专家对此事的看法和分析。受访者表示，这一变化在过去几个月里逐渐显现，影响了许多普通家庭的日常安排，也让地方政府重新评估相关政策。</p>`,
  ).join('');

/** Letters and digits only: how a paragraph is compared across HTML and Markdown. */
const letters = (text: string) => text.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');

/** Readability's expected paragraphs, in order, as letters and digits. */
function expectedParagraphs(name: string): string[] {
  const doc = parse(readFileSync(path.join(WEB, name, 'expected.html'), 'utf8'));
  return doc.querySelectorAll('p').map((p) => letters(p.textContent)).filter((text) => text.length > 0);
}

/** Recall: expected paragraphs found in order in the Markdown. Precision: Markdown paragraphs that are in the expected text. */
function score(name: string, markdown: string, junk: string[]) {
  // A link's address is not text; its title is (a caption kept with its linked picture).
  const text = letters(markdown.replace(/\]\([^)" ]*(?: "([^"]*)")?\)/g, '] $1'));
  const wanted = expectedParagraphs(name).filter((p) => !junk.some((j) => p === letters(j)));
  let at = 0;
  const missing: string[] = [];
  for (const paragraph of wanted) {
    const found = text.indexOf(paragraph, at);
    if (found === -1) missing.push(paragraph);
    else at = found + paragraph.length;
  }
  const expectedText = expectedParagraphs(name).join('');
  // Pictures are not paragraphs: a link to one, or its words, is left out of precision.
  const blocks = markdown
    .split(/\n{2,}/)
    .filter((b) => !/^(?:!?\[[^\]]*\]\([^)]*\)|（图片：.*）)$/.test(b))
    .map((b) => letters(b.replace(/\]\([^)]*\)/g, ']')))
    .filter(Boolean);
  const precise = blocks.filter((b) => expectedText.includes(b)).length;
  return { recall: (wanted.length - missing.length) / wanted.length, precision: precise / blocks.length, missing, extra: blocks.filter((b) => !expectedText.includes(b)) };
}

const FIXTURES = [
  {
    name: 'qq',
    title: 'DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶',
    lang: 'zh-CN',
    // The page's navigation, share bar, comment box and footer.
    junk: ['转播到腾讯微博', '返回首页', '网站导航', '热门评论', '腾讯招聘', '版权所有', '精彩视频推荐', 'QQ空间', '领英分享', '隐私政策', '评论成功'],
  },
  {
    name: 'pixnet',
    title: '新竹尖石_美樹營地賞楓 (2)',
    lang: 'zh-Hant',
    junk: ['跳到主文', '部落格全站分類', '送出留言', '關閉視窗', '這個類別其他的文章', '謝謝分享文章喲', '鹿野_福鹿山休閒農莊'],
  },
  { name: 'gmw', title: '宇航员在太空中喝酒会怎么样？后果很严重', lang: 'zh-CN', junk: ['光明网版权所有', '返回首页'] },
  { name: 'youth', title: '海外留学生看两会：出国前后关注点大不同', lang: 'zh-CN', junk: ['中国青年网版权所有', '网站地图'] },
] as const;

describe.each(FIXTURES)("Readability's test page $name", ({ name, title, lang, junk }) => {
  it('keeps every paragraph of Readability’s expected article, in order, and little else', async () => {
    const { markdown } = await fixture(name);
    const { recall, precision, missing, extra } = score(name, markdown, [...junk]);
    expect(missing).toEqual([]);
    expect(recall).toBe(1);
    expect(precision, extra.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('takes the title without the site’s suffix and tells the script', async () => {
    const imported = await fixture(name);
    expect(imported.metadata.title).toBe(title);
    expect(imported.lang).toBe(lang);
  });

  it('leaves out the navigation, share bar, comments and footer', async () => {
    const { markdown } = await fixture(name);
    for (const text of junk) expect(markdown, text).not.toContain(text);
  });

  it('keeps every photo, as a file or as a link to it, never as a remote picture', async () => {
    const imported = await fixture(name);
    const expected = parse(readFileSync(path.join(WEB, name, 'expected.html'), 'utf8'))
      .querySelectorAll('img')
      .map((img) => img.getAttribute('src') ?? '')
      .filter((src) => /^https?:/.test(src));
    for (const src of expected) expect(imported.markdown, src).toMatch(new RegExp(`\\]\\(${src.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: "[^"]*")?\\)`));
    expect(imported.markdown).not.toMatch(/!\[[^\]]*\]\(https?:/);
  });
});

describe('the qq page (declares gb2312, stored as UTF-8)', () => {
  it('is read as UTF-8, the bytes winning over the stale declaration', () => {
    const { encoding, text } = decodeHtml(source('qq'));
    expect(encoding).toBe('utf-8');
    expect(text).toContain('人工智能迈上新台阶');
  });

  it('states a date only because its dated source line does, and no author', async () => {
    const { metadata } = await fixture('qq');
    expect(metadata.date).toBe('2016-10-14');
    expect(metadata.author).toBeUndefined();
    expect(metadata.section).toBe('科技');
  });
});

describe('the youth page (sub-headings set in bold, no <h2>)', () => {
  it('gets its six sections as headings, in order; the other test pages, one bold line or none, get none', async () => {
    const headings = (markdown: string) => markdown.split('\n').filter((line) => /^#{2,4} /.test(line));
    expect(headings((await fixture('youth')).markdown)).toEqual([
      '## 出国前后关注点大不同',
      '## 出国前：政治科目会出啥考题？',
      '## 出国后：国家未来将如何发展？',
      '## 关注点多与所学专业相关',
      '## 两会成为了解国情的窗口',
      '## 盼准确把握国家发展需求 愿寻求机遇回国有所作为',
    ]);
    for (const name of ['gmw', 'pixnet', 'qq']) expect(headings((await fixture(name)).markdown), name).toEqual([]);
  });

  it('leaves bold lines that are no sub-headings alone on another real page: jwz’s essay, a title run, "that said...", an intro ending in a colon', async () => {
    const { markdown, sections } = await fixture('jwz');
    expect(sections).toBe(0);
    expect(markdown).toContain('**that said...**');
    expect(markdown).toContain("**And here's the Random Commentary section:**");
    expect(markdown).not.toMatch(/^#{2,4} /m);
  });

  it('writes no description when the page\'s own is only the article\'s opening run together (caption, sub-headings and all)', async () => {
    expect((await fixture('youth')).metadata.description).toBeUndefined();
    // A description of its own, shorter than the text or not in it, is kept (the page states it).
    const own = await page(html(`<article><h1>测试页面</h1>${prose(4)}</article>`, '<meta charset="utf-8"><title>测试页面</title><meta name="description" content="记者走访多个家庭，记录一项政策在过去几个月里带来的变化与争议。">'));
    expect(own.metadata.description).toBe('记者走访多个家庭，记录一项政策在过去几个月里带来的变化与争议。');
  });
});

describe('the pixnet page (traditional characters)', () => {
  it('is kept as written, never converted', async () => {
    const { markdown } = await fixture('pixnet');
    expect(markdown).toContain('美樹營地');
    expect(markdown).not.toContain('美树营地');
  });
});

describe('decoding', () => {
  it('reads a GBK page by its declared charset', () => {
    const bytes = iconv.encode('<!doctype html><html><head><meta charset="gbk"><title>标题</title></head><body><p>简体中文正文</p></body></html>', 'gbk');
    expect(decodeHtml(bytes)).toMatchObject({ encoding: 'gbk', text: expect.stringContaining('简体中文正文') });
  });

  it('reads a Big5 page by its http-equiv charset', () => {
    const bytes = iconv.encode('<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body><p>繁體中文內容</p></body></html>', 'big5');
    expect(decodeHtml(bytes)).toMatchObject({ encoding: 'big5', text: expect.stringContaining('繁體中文內容') });
  });

  it('falls back to GB18030 for an undeclared non-UTF-8 page', () => {
    const bytes = iconv.encode('<html><body><p>没有声明编码的页面</p></body></html>', 'gb18030');
    expect(decodeHtml(bytes).text).toContain('没有声明编码的页面');
  });

  it('refuses bytes that would decode to replacement characters', () => {
    const bytes = Buffer.concat([Buffer.from('<html><meta charset="big5"><body>'), Buffer.from([0xff, 0xff, 0xff, 0x80, 0xff]), Buffer.from('</body></html>')]);
    expect(() => decodeHtml(bytes)).toThrow(/cannot decode the page without replacement characters/);
  });
});

describe('what kind of file it is, by content', () => {
  it.each([
    ['<!DOCTYPE html><html>', 'html'],
    ['\uFEFF  <!-- saved from url=(0014)about:internet -->\n<html lang="zh">', 'html'],
    ['<head><title>x</title></head>', 'html'],
    ['财经 > 美股\n标题\n  正文第一段。', 'scrape'],
  ])('%j is %s', (text, kind) => {
    expect(detectKind(Buffer.from(text))).toBe(kind);
  });

  it.each([
    ['empty', Buffer.alloc(0), /file is empty; expected a saved web page/],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /not text: binary data; expected a saved web page/],
    ['a fragment', Buffer.from('<div class="page"><p>只是一段 HTML</p></div>'), /an HTML fragment, not a whole page/],
  ])('%s is refused, saying what was expected', (_, bytes, message) => {
    expect(() => detectKind(bytes)).toThrow(message);
  });
});

describe('pages that are not articles, or not safe', () => {
  it('refuses a page of links', async () => {
    const links = Array.from({ length: 60 }, (_, i) => `<li><a href="/news/${i}.html">第${i}条新闻标题</a></li>`).join('');
    await expect(page(html(`<h1>新闻列表</h1><ul>${links}</ul>`))).rejects.toThrow(/not an article/);
  });

  it('refuses a login page', async () => {
    await expect(page(html('<form><label>用户名<input name="u"></label><label>密码<input type="password"></label><button>登录</button></form>'))).rejects.toThrow(/not an article/);
  });

  it('refuses a page with no title at all', async () => {
    await expect(page(Buffer.from(`<!doctype html><html><head><meta charset="utf-8"></head><body><article>${prose(8)}</article></body></html>`))).rejects.toThrow(/no title/);
  });

  it('writes nothing of scripts, event handlers or javascript: links', async () => {
    const hostile = html(
      `<article><h1>测试页面</h1>${prose(6)}<p>点击<a href="javascript:alert(1)">这里</a>或<a href="https://example.org/x" onclick="steal()">原文</a>。</p>` +
        `<script>alert("x")</script><img src="x.jpg" onerror="alert(2)" alt="坏图"><style>p{color:red}</style></article>`,
    );
    const { markdown } = await page(hostile);
    expect(markdown).not.toMatch(/alert|javascript:|onerror|onclick|steal|<script|color:red/);
    expect(markdown).toContain('点击这里或[原文](https://example.org/x)。');
  });
});

describe('metadata, never invented', () => {
  it('cuts only the trailing segments that name the site or its channel', () => {
    expect(cutSiteSuffix('DeepMind新电脑_科技_腾讯网')).toEqual({ title: 'DeepMind新电脑', channel: '科技' });
    expect(cutSiteSuffix('宇航员喝酒 _探索者 _光明网').title).toBe('宇航员喝酒');
    expect(cutSiteSuffix('两会观察 | 光明网').title).toBe('两会观察');
    expect(cutSiteSuffix('出国前后关注点大不同_教育频道_中国青年网')).toEqual({ title: '出国前后关注点大不同', channel: '教育' });
    expect(cutSiteSuffix('新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家_藍天 :: 痞客邦 PIXNET ::', '史蒂文的家_藍天').title).toBe('新竹尖石_美樹營地賞楓 (2)');
    expect(cutSiteSuffix('日本-韩国关系的新变化').title).toBe('日本-韩国关系的新变化');
    expect(cutSiteSuffix('特斯拉降价 - XX新闻').title).toBe('特斯拉降价');
  });

  it('reads dates as YYYY-MM-DD and refuses impossible ones', () => {
    expect(dayOf('2016-10-14T07:17:00+08:00')).toBe('2016-10-14');
    expect(dayOf('TNW中文站2016年10月14日07:17')).toBe('2016-10-14');
    expect(dayOf('2023年2月30日')).toBeUndefined();
    expect(dayOf('十月底')).toBeUndefined();
  });

  it('takes author, date, publisher, source and description from what the page states', async () => {
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: '央行宣布降准', author: { '@type': 'Person', name: '王小明' }, datePublished: '2024-03-05T09:30:00+08:00', publisher: { '@type': 'Organization', name: '示例财经' } });
    const head = `<meta charset="utf-8"><title>央行宣布降准_财经_示例网</title><link rel="canonical" href="https://news.example.cn/a/1.html"><meta name="description" content="央行今日宣布下调存款准备金率。"><script type="application/ld+json">${ld}</script>`;
    const { metadata } = await page(html(`<article><h1>央行宣布降准</h1><p>责任编辑：李编辑</p>${prose(6)}</article>`, head));
    expect(metadata).toMatchObject({ title: '央行宣布降准', author: '王小明', date: '2024-03-05', publisher: '示例财经', sourceUrl: 'https://news.example.cn/a/1.html', description: '央行今日宣布下调存款准备金率。' });
  });

  it('takes a byline from an explicit 记者 line, never from 责任编辑', async () => {
    const withReporter = await page(html(`<article><h1>测试页面</h1><p>记者 张三 报道</p>${prose(6)}<p>责任编辑：李四</p></article>`));
    expect(withReporter.metadata.author).toBe('张三');
    const editorOnly = await page(html(`<article><h1>测试页面</h1><p>责任编辑：李四</p>${prose(6)}</article>`));
    expect(editorOnly.metadata.author).toBeUndefined();
    expect(editorOnly.metadata.date).toBeUndefined();
  });
});

describe('structure', () => {
  it('makes h2/h3 sections, the h1 the title, and keeps lists, quotes and tables', async () => {
    const body = `<article><h1>测试页面</h1>${prose(3)}<h2>第一部分</h2>${prose(2)}<h3>细节</h3><ul><li>甲项</li><li>乙项</li></ul><blockquote><p>一句引语。</p></blockquote>` +
      `<table><thead><tr><th>指标</th><th>数值</th></tr></thead><tbody><tr><td>营收</td><td>100</td></tr></tbody></table>${prose(2)}</article>`;
    const { markdown } = await page(html(body));
    expect(markdown).not.toMatch(/^#+ 测试页面/m);
    expect(markdown).toContain('## 第一部分');
    expect(markdown).toContain('### 细节');
    expect(markdown).toMatch(/^-\s+甲项$/m);
    expect(markdown).toContain('> 一句引语。');
    expect(markdown).toMatch(/\| 指标 \| 数值 \|\n\| --- \| --- \|\n\| 营收 \| 100 \|/);
  });

  it('makes bold lines that read as sub-headings into sections, leaves bold sentences alone and drops empty links', async () => {
    const body = `<article><h1>测试页面</h1>${prose(2)}<p><strong>出国前后关注点大不同</strong></p>${prose(2)}<p><b>方案1</b></p>${prose(1)}` +
      `<p><strong>这是一句加粗强调的完整句子。</strong></p><p>正文里有一个<a href="http://example.com/x"></a>空链接和<a href="http://example.com/y"><svg></svg></a>图标链接。</p>${prose(2)}</article>`;
    const { markdown } = await page(html(body));
    expect(markdown).toMatch(/^## 出国前后关注点大不同$/m);
    expect(markdown).toMatch(/^## 方案1$/m);
    expect(markdown).toContain('**这是一句加粗强调的完整句子。**');
    expect(markdown).not.toMatch(/\[\]\(/);
    expect(markdown).toContain('正文里有一个空链接和图标链接。');
    // Under a page's own ## sections, they are one level down.
    const nested = await page(html(`<article><h1>测试页面</h1>${prose(2)}<h2>第一部分</h2>${prose(1)}<p><strong>小标题</strong></p>${prose(2)}<p><strong>另一个小标题</strong></p>${prose(1)}</article>`));
    expect(nested.markdown).toMatch(/^### 小标题$/m);
    // One bold line alone (a credit line, a map's coordinates) is no set of sub-headings.
    const alone = await page(html(`<article><h1>测试页面</h1>${prose(3)}<p><strong>出品︱科学栏目组</strong></p>${prose(1)}</article>`));
    expect(alone.markdown).toContain('**出品︱科学栏目组**');
  });

  it('keeps a caption line under its picture whether the picture was copied or linked, photographer credits included', async () => {
    const body =
      `<article><h1>测试页面</h1>${prose(2)}<p><img src="https://img.example.cn/a.jpg" alt="码头"></p><p>图为新建成的客运码头。</p>${prose(1)}` +
      `<p><img src="https://img.example.cn/b.jpg" alt="航线"></p><p>5月3日，游客在码头候船。（新华社记者 李明 摄）</p>${prose(1)}` +
      `<p><a href="https://news.example.cn/more">更多报道</a></p><p>图为另一个码头。</p>${prose(1)}</article>`;
    const { markdown } = await page(html(body), WEB, 'https://news.example.cn/a.html');
    expect(markdown).toContain('[码头](https://img.example.cn/a.jpg "图为新建成的客运码头。")');
    expect(markdown).toContain('[航线](https://img.example.cn/b.jpg "5月3日，游客在码头候船。（新华社记者 李明 摄）")');
    // A link to a page is not a picture: the line under it stays a paragraph.
    expect(markdown).toMatch(/^\[更多报道\]\(https:\/\/news\.example\.cn\/more\)\n\n图为另一个码头。$/m);
    expect(markdown).not.toMatch(/^图为新建成/m);
  });

  it('applies the text importer’s punctuation rules: half-width marks in Chinese prose widened, full-width indents dropped', async () => {
    const { markdown } = await page(html(`<article><h1>测试页面</h1><p>\u3000\u3000之前,AI大模型(LLM)的成本很高!价格3,000元。</p>${prose(6)}</article>`));
    expect(markdown).toMatch(/^之前，AI大模型（LLM）的成本很高！价格3,000元。$/m);
  });
});
