import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/render/markdown.ts';

describe('renderMarkdown', () => {
  it('says whether the body has text before its first heading, the opening the TOC\'s 导语 leads to', () => {
    expect(renderMarkdown('导语。\n\n## 背景\n\n正文。\n').opening).toBe(true);
    expect(renderMarkdown('## 背景\n\n正文。\n').opening).toBe(false);
    expect(renderMarkdown('没有小标题的文章。\n').opening).toBe(true);
  });

  it('gives a Chinese heading a readable id and a self-link', () => {
    const { html, headings } = renderMarkdown('导语。\n\n## 昂贵的AI\n\n正文。\n');
    expect(headings).toEqual([{ depth: 2, slug: '昂贵的ai', text: '昂贵的AI' }]);
    expect(html).toContain('<h2 id="昂贵的ai">昂贵的AI</h2>');
    expect(html).toContain('href="#昂贵的ai"');
    expect(html).toContain('aria-label="本节链接：昂贵的AI"');
    // A page in traditional characters labels its permalinks in them.
    expect(renderMarkdown('導語。\n\n## 昂貴的AI\n\n正文。\n', { script: 'zh-Hant' }).html).toContain('aria-label="本節連結：昂貴的AI"');
  });

  it('keeps ids unique when two headings read the same', () => {
    const { headings, html } = renderMarkdown('## 背景\n\n一。\n\n## 背景\n\n二。\n\n## 背景\n\n三。\n');
    expect(headings.map((h) => h.slug)).toEqual(['背景', '背景-1', '背景-2']);
    expect(html.match(/ id="/g)).toHaveLength(3);
  });

  it('lists nested headings in document order with their depth', () => {
    const { headings } = renderMarkdown('## 一\n\n### 一点一\n\n## 二\n');
    expect(headings.map((h) => [h.depth, h.text])).toEqual([
      [2, '一'],
      [3, '一点一'],
      [2, '二'],
    ]);
  });

  it('shows raw HTML in a content file as text instead of running it', () => {
    const { html } = renderMarkdown('<script>alert(1)</script>\n\n段落<img src=x onerror=alert(1)>结束\n');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('refuses javascript: links', () => {
    const { html } = renderMarkdown('[点我](javascript:alert(1))\n');
    expect(html).not.toContain('href="javascript:');
  });

  it('links bare URLs, marked as leaving the site', () => {
    expect(renderMarkdown('见 https://example.com/a 。\n').html).toContain('<a href="https://example.com/a" rel="noopener" class="yd-external">');
  });

  it('leaves links within the site unmarked', () => {
    const { html } = renderMarkdown('回到[首页](/)或[本节](#notes)。\n');
    expect(html).toContain('<a href="/">首页</a>');
    expect(html).toContain('<a href="#notes">本节</a>');
  });

  it('counts characters without whitespace and keeps the first paragraph as the lead', () => {
    const { charCount, lead } = renderMarkdown('第一段 有AI。\n\n## 标题\n\n第二段。\n');
    expect(lead).toBe('第一段 有AI。');
    expect(charCount).toBe('第一段有AI。标题第二段。'.length);
  });
});

describe('renderMarkdown with given heading ids', () => {
  it('keeps the simplified page’s anchors on the traditional page', () => {
    const hans = renderMarkdown('## 昂贵的AI\n\n正文。\n\n## 昂贵的AI\n');
    const hant = renderMarkdown('## 昂貴的AI\n\n正文。\n\n## 昂貴的AI\n', { slugs: hans.headings.map((h) => h.slug) });
    expect(hant.headings).toEqual([
      { depth: 2, slug: '昂贵的ai', text: '昂貴的AI' },
      { depth: 2, slug: '昂贵的ai-1', text: '昂貴的AI' },
    ]);
  });
});

describe('renderMarkdown beyond paragraphs', () => {
  it('aligns table columns with classes, never inline styles the CSP would block', () => {
    const { html } = renderMarkdown('| 指标 | 数值 |\n| :--- | ---: |\n| 利用率 | 61.5 |\n');
    expect(html).not.toContain('style=');
    expect(html).toContain('<td class="yd-align-right">61.5</td>');
    expect(html).toContain('<th class="yd-align-left">指标</th>');
  });

  it('puts each table in its own focusable, named scroll box', () => {
    const { html } = renderMarkdown('| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n', { script: 'zh-Hant' });
    expect(html).toMatch(/^<div class="yd-table" tabindex="0" role="region" aria-label="表格 1"><table>/);
  });

  it('numbers footnotes, lists them at the end and links there and back with prefixed ids', () => {
    const { html } = renderMarkdown('正文[^a]，再引[^b]。\n\n[^a]: 第一条注释。\n[^b]: 第二条注释。\n');
    expect(html).toContain('<sup class="yd-fnref"><a href="#yd-fn-1" id="yd-fnref-1"');
    expect(html).toContain('<a href="#yd-fn-2" id="yd-fnref-2"');
    expect(html).toMatch(/<section class="yd-notes"[^>]*><h2 id="yd-notes-title" class="yd-notes-title">注释<\/h2>/);
    expect(html).toMatch(/<li id="yd-fn-1"><p>第一条注释。 <a href="#yd-fnref-1" class="yd-fnback" aria-label="回到引用 1">/);
    // Not read as a link reference definition: no link whose URL is the note's text.
    expect(html).not.toContain('href="第一条注释');
  });

  it('says 註釋 on the traditional page, with the same note ids', () => {
    const { html } = renderMarkdown('正文[^1]。\n\n[^1]: 註釋內容。\n', { script: 'zh-Hant' });
    expect(html).toContain('>註釋</h2>');
    expect(html).toContain('id="yd-fn-1"');
    expect(html).toContain('aria-label="回到引用 1"');
  });

  it('renders quotes, lists, inline code, code blocks and rules as their elements', () => {
    const { html } = renderMarkdown('> 引语。\n\n1. 一\n2. 二\n\n- 甲\n\n用 `npm test`。\n\n```\nuptime\n```\n\n---\n');
    expect(html).toContain('<blockquote>\n<p>引语。</p>\n</blockquote>');
    expect(html).toContain('<ol>\n<li>一</li>');
    expect(html).toContain('<ul>\n<li>甲</li>');
    expect(html).toContain('<code>npm test</code>');
    expect(html).toContain('<pre><code>uptime\n</code></pre>');
    expect(html).toContain('<hr>');
  });
});

describe('renderMarkdown with pictures', () => {
  const body = '导语。\n\n![机房外景](./a.jpg "清晨的机房")\n\n文字中的图![图标](./b.png)。\n';

  it('collects every picture in document order with its alt text and caption', () => {
    expect(renderMarkdown(body).pictureRefs).toEqual([
      { src: './a.jpg', alt: '机房外景', caption: '清晨的机房' },
      { src: './b.png', alt: '图标', caption: '' },
    ]);
  });

  it('makes a paragraph of one picture a figure with its title as the caption', () => {
    const pictures = [
      { render: (alt: string) => `<img src="/x-a.avif" alt="${alt}">` },
      { render: (alt: string) => `<img src="/x-b.avif" alt="${alt}">` },
    ];
    const { html, lead } = renderMarkdown(body, { pictures });
    expect(html).toContain('<figure class="yd-figure"><picture><img src="/x-a.avif" alt="机房外景"></picture><figcaption>清晨的机房</figcaption></figure>');
    // A picture inside a sentence stays inline: no figure inside a paragraph.
    expect(html).toContain('<p>文字中的图<picture><img src="/x-b.avif" alt="图标"></picture>。</p>');
    expect(lead).toBe('导语。');
  });

  it('shows a lone titled link (a picture the importer could only link to) as a figure with its caption; a titled link in a sentence stays a link', () => {
    const { html } = renderMarkdown('导语。\n\n[码头](https://img.example.cn/a.jpg "图为新建成的<客运>码头。")\n\n正文里[一个链接](https://example.cn/x "提示")。\n');
    expect(html).toMatch(/<figure class="yd-figure yd-figure-link"><a href="https:\/\/img\.example\.cn\/a\.jpg"[^>]*>码头<\/a><figcaption>图为新建成的&lt;客运&gt;码头。<\/figcaption><\/figure>/);
    expect(html).not.toMatch(/<a [^>]*title="图为/);
    expect(html).toMatch(/<p>正文里<a href="https:\/\/example\.cn\/x" title="提示"[^>]*>一个链接<\/a>。<\/p>/);
  });

  it('opens the teaser on the story, not on a byline, dateline, caption or bold sub-heading', () => {
    const lead = (body: string) => renderMarkdown(body).lead;
    expect(lead('记者 李明\n\n市交通运输局今天上午通报施工安排。\n')).toBe('市交通运输局今天上午通报施工安排。');
    expect(lead('2019年9月26日 15:10 来源：天天基金网\n\n基金净值今天普遍上涨。\n')).toBe('基金净值今天普遍上涨。');
    expect(lead('图为开通仪式现场。\n\n地铁新线今天开通。\n')).toBe('地铁新线今天开通。');
    expect(lead('**长江网10月4日讯（记者陈智 整合）**\n\n国庆中秋长假过半。\n')).toBe('国庆中秋长假过半。');
    // Sentences that merely start like a credit are the story.
    expect(lead('记者在现场看到，排队的市民一直延伸到街角。\n')).toBe('记者在现场看到，排队的市民一直延伸到街角。');
    expect(lead('文化是民族的血脉。\n')).toBe('文化是民族的血脉。');
  });

  it('never takes a figure for the lead', () => {
    expect(renderMarkdown('![图](./a.jpg "说明")\n\n第一段。\n').lead).toBe('第一段。');
  });

  it('escapes alt text and captions', () => {
    const { html } = renderMarkdown('![<b>"x"</b>](./a.jpg "<script>")\n');
    expect(html).toContain('alt="&lt;b&gt;&quot;x&quot;&lt;/b&gt;"');
    expect(html).toContain('<figcaption>&lt;script&gt;</figcaption>');
  });
});
