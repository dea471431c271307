import { describe, expect, it } from 'vitest';
import { markWordBreaks } from '../../src/lib/search/word-breaks.ts';

const Z = '\u200b';
const page = (body: string, head = '<title>阿里云的标题</title>') =>
  `<!doctype html><html lang="zh-CN"><head>${head}</head><body><nav>新闻栏目</nav><article data-pagefind-body>${body}</article></body></html>`;
const unmark = (html: string) => html.replaceAll(Z, '');

describe('markWordBreaks', () => {
  it('puts U+200B between Han words, where Intl.Segmenter cuts them', () => {
    const marked = markWordBreaks(page('<p>阿里巴巴在云栖大会上发布了新模型。</p>'), 'zh-CN');
    const text = /<p>(.*)<\/p>/.exec(marked)?.[1] ?? '';
    const words = [...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment('阿里巴巴在云栖大会上发布了新模型。')]
      .map((s) => s.segment);
    expect(text.split(Z)).toEqual([...words.slice(0, -2), words.slice(-2).join('')]);
    expect(text.split(Z)).toContain('阿里巴巴');
  });

  it('changes nothing but the marks: removing them gives the page back byte for byte', () => {
    const html = page('<h2 id="x">昂贵的AI</h2><p>微软的Azure收入增长29%，不仅增速&lt;惊人&gt;&amp;稳定。</p><ul><li>淘天集团</li></ul>');
    expect(unmark(markWordBreaks(html, 'zh-CN'))).toBe(html);
  });

  it('leaves headings, the head, the page outside the indexed body and scripts unmarked', () => {
    const html = page('<h1 id="t">阿里云还是阿里巴巴的那朵云</h1><p>淘天集团</p><script type="application/ld+json">{"headline":"阿里云还是阿里巴巴"}</script>');
    const marked = markWordBreaks(html, 'zh-CN');
    expect(marked).toContain('<h1 id="t">阿里云还是阿里巴巴的那朵云</h1>');
    expect(marked).toContain('<title>阿里云的标题</title><');
    expect(marked).toContain('<nav>新闻栏目</nav>');
    expect(marked).toContain('{"headline":"阿里云还是阿里巴巴"}');
    expect(/<p>([^<]*)<\/p>/.exec(marked)?.[1]).toContain(`${Z}集团`);
  });

  it('leaves the text of a filter as it is: the name the search page filters by', () => {
    const marked = markWordBreaks(page('<p class="yd-meta"><a href="/authors/lin-xiaoyu/" data-pagefind-filter="author">林晓雨</a> 记者报道</p><p>专题：<a href="/series/x/" data-pagefind-filter="series">台风过后</a></p>'), 'zh-CN');
    expect(marked).toContain('data-pagefind-filter="author">林晓雨</a>');
    expect(marked).toContain('data-pagefind-filter="series">台风过后</a>');
    // The text around them is marked as ever.
    expect(marked).toContain(`记者${Z}报道`);
  });

  it('never cuts inside an entity, and marks nothing between Han and Latin or digits', () => {
    const marked = markWordBreaks(page('<p>公司&amp;集团在2023年用Azure</p>'), 'zh-CN');
    expect(marked).toContain('&amp;');
    expect(marked).not.toMatch(new RegExp(`${Z}[A-Za-z0-9&]|[A-Za-z0-9;]${Z}`));
  });

  it('segments traditional text with the zh-Hant locale', () => {
    const marked = markWordBreaks(page('<p>阿里雲與淘天集團</p>'), 'zh-Hant');
    expect(marked).toContain(Z);
    expect(unmark(marked)).toContain('<p>阿里雲與淘天集團</p>');
  });

  it('returns a page with no indexed body as it is', () => {
    const html = '<html><body><p>阿里巴巴在云栖大会</p></body></html>';
    expect(markWordBreaks(html, 'zh-CN')).toBe(html);
  });
});
