import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown.ts';

describe('renderMarkdown', () => {
  it('gives a Chinese heading a readable id and a self-link', () => {
    const { html, headings } = renderMarkdown('导语。\n\n## 昂贵的AI\n\n正文。\n');
    expect(headings).toEqual([{ depth: 2, slug: '昂贵的ai', text: '昂贵的AI' }]);
    expect(html).toContain('<h2 id="昂贵的ai">昂贵的AI</h2>');
    expect(html).toContain('href="#昂贵的ai"');
    expect(html).toContain('aria-label="本节链接：昂贵的AI"');
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

  it('links bare URLs', () => {
    expect(renderMarkdown('见 https://example.com/a 。\n').html).toContain('<a href="https://example.com/a">');
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
    const hant = renderMarkdown('## 昂貴的AI\n\n正文。\n\n## 昂貴的AI\n', hans.headings.map((h) => h.slug));
    expect(hant.headings).toEqual([
      { depth: 2, slug: '昂贵的ai', text: '昂貴的AI' },
      { depth: 2, slug: '昂贵的ai-1', text: '昂貴的AI' },
    ]);
  });
});
