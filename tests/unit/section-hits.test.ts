import { describe, expect, it } from 'vitest';
import type { PagefindResultData } from '../../src/client/search/pagefind-api.ts';
import { normaliseQuery, queryTerms, termPattern } from '../../src/client/search/query.ts';
import { sectionHits, splitSections, type SnippetPart } from '../../src/client/search/section-hits.ts';

const Z = '\u200b';
// Shaped like Pagefind's fragment: words joined by U+200B, anchors at word positions.
const page: PagefindResultData = {
  url: '/news/articles/a/',
  excerpt: '',
  meta: { title: '标题' },
  filters: {},
  sub_results: [],
  raw_content: ['标题', '. ', '云栖', '大会', '开幕', '。 ', '会场', '。 ', '昂贵', '的', 'AI', '. ', '云', '栖', '大会', '与', 'Azure', '。'].join(Z),
  anchors: [
    { element: 'h1', id: 'yd-title', text: '标题', location: 0 },
    { element: 'h2', id: '昂贵的ai', text: '昂贵的AI', location: 8 },
  ],
};
const render = (parts: SnippetPart[] | undefined) => (parts ?? []).map((p) => (p.marked ? `[${p.text}]` : p.text)).join('');

describe('splitSections', () => {
  it('cuts the page at its heading anchors, labels the opening part 导语, and drops the gap Pagefind leaves after 。', () => {
    expect(splitSections(page)).toEqual([
      { title: '导语', url: '/news/articles/a/#yd-title', text: '云栖大会开幕。会场。' },
      { title: '昂贵的AI', url: `/news/articles/a/#${encodeURIComponent('昂贵的ai')}`, text: '云栖大会与Azure。' },
    ]);
  });

  it('keeps the text before the first heading, every word in its own part, and a heading at the very end', () => {
    const untitled: PagefindResultData = {
      ...page,
      raw_content: ['前言', '。 ', '一', '. ', '甲', '乙', '。 ', '二', '. '].join(Z),
      // Pagefind lists anchors in page order; they are sorted anyway.
      anchors: [
        { element: 'h2', id: 'b', text: '二', location: 7 },
        { element: 'h2', id: 'a', text: '一', location: 2 },
      ],
    };
    expect(splitSections(untitled).map(({ title, text }) => [title, text])).toEqual([
      ['导语', '前言。'],
      ['一', '甲乙。'],
      ['二', ''],
    ]);
  });
});

describe('sectionHits', () => {
  it('finds the whole phrase even where Pagefind split it into single characters', () => {
    const hits = sectionHits(splitSections(page), ['云栖大会']);
    expect(hits.map((h) => [h.section.title, h.count, render(h.snippets[0])])).toEqual([
      ['导语', 1, '[云栖大会]开幕。会场。'],
      ['昂贵的AI', 1, '[云栖大会]与Azure。'],
    ]);
  });

  it('matches Latin regardless of case but marks the text as written', () => {
    const [hit] = sectionHits(splitSections(page), ['azure']);
    expect(hit?.section.title).toBe('昂贵的AI');
    expect(render(hit?.snippets[0])).toBe('云栖大会与[Azure]。');
  });

  it('marks every term inside an excerpt', () => {
    const [, hit] = sectionHits(splitSections(page), ['大会', 'Azure']);
    expect(render(hit?.snippets[0])).toBe('云栖[大会]与[Azure]。');
  });

  it('gives separate occurrences their own excerpts, cut with ellipses', () => {
    const section = { title: 's', url: '/a/#s', text: `淘天${'字'.repeat(60)}淘天${'字'.repeat(60)}淘天` };
    const [hit] = sectionHits([section], ['淘天'], { radius: 4, maxSnippets: 2 });
    expect(hit?.count).toBe(3);
    expect(hit?.snippets.map(render)).toEqual(['[淘天]字字字字…', '…字字字字[淘天]字字字字…']);
  });

  it('starts a cut excerpt at a word, not at stray punctuation', () => {
    const section = { title: 's', url: '/a/#s', text: '前面的话。：“张勇一并卸任' };
    const [hit] = sectionHits([section], ['张勇'], { radius: 3 });
    expect(render(hit?.snippets[0])).toBe('…[张勇]一并卸…');
  });

  it('treats regex characters in a query literally', () => {
    expect(sectionHits(splitSections(page), ['1+6+N'])).toEqual([]);
    expect(sectionHits(splitSections(page), ['.*'])).toEqual([]);
  });

  it('does not list a section that lacks the phrase', () => {
    expect(sectionHits(splitSections(page), ['开幕']).map((h) => h.section.title)).toEqual(['导语']);
  });

  it('never cuts a character outside the Basic Multilingual Plane in half', () => {
    const section = { title: 's', url: '/a/#s', text: '𠀀𠀀淘天𠀀𠀀' };
    const [hit] = sectionHits([section], ['淘天'], { radius: 3 });
    expect(render(hit?.snippets[0])).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});

describe('query handling', () => {
  it('splits on whitespace, drops quotes, duplicates and punctuation-only terms', () => {
    expect(queryTerms('  吴泳铭 演讲 吴泳铭 ')).toEqual(['吴泳铭', '演讲']);
    expect(queryTerms('"云栖大会"')).toEqual(['云栖大会']);
    expect(queryTerms('   ')).toEqual([]);
    expect(queryTerms('，。！？ ……')).toEqual([]);
    expect(queryTerms('1+6+N')).toEqual(['1+6+N']);
  });

  it('cuts a pasted essay to 100 characters', () => {
    expect([...normaliseQuery('字'.repeat(10_000))]).toHaveLength(100);
  });

  it('prefers the longest term where terms overlap', () => {
    expect('阿里巴巴集团'.match(termPattern(['阿里', '阿里巴巴']))).toEqual(['阿里巴巴']);
  });
});

describe('text Pagefind stored HTML-escaped', () => {
  it('reads as the reader wrote it, and is matched that way', () => {
    const escaped: PagefindResultData = {
      ...page,
      raw_content: ['标题', '. ', '&lt;img', ' ', 'src=x&gt;', ' ', 'A&amp;B', ' ', '&quot;引号&quot;', '&#39;'].join(Z),
      anchors: [{ element: 'h1', id: 'yd-title', text: '标题', location: 0 }],
    };
    const [opening] = splitSections(escaped);
    expect(opening?.text).toBe('<img src=x> A&B "引号"\'');
    expect(render(sectionHits(splitSections(escaped), ['A&B'])[0]?.snippets[0])).toContain('[A&B]');
  });
});

describe('a query of several words', () => {
  const section = (text: string) => ({ title: '导语', url: '/a/', text });

  it('counts and marks the words as one phrase where the text holds them side by side as typed', () => {
    const [hit] = sectionHits([section('工程师用 Visual Studio 查看日志，也有人用 Visual Studio Code。')], ['visual', 'studio']);
    expect(hit?.count).toBe(2);
    expect(render(hit?.snippets[0])).toContain('[Visual Studio] 查看日志');
  });

  it('treats Chinese words typed with a space as the run the text holds without one', () => {
    const [hit] = sectionHits([section('阿里巴巴的云。')], ['阿里', '巴巴']);
    expect(hit?.count).toBe(1);
    expect(render(hit?.snippets[0])).toBe('[阿里巴巴]的云。');
  });

  it('marks each word on its own when they are never side by side, and counts each', () => {
    const [hit] = sectionHits([section('Studio 在前，后面才是 Visual。')], ['Visual', 'Studio']);
    expect(hit?.count).toBe(2);
    expect(render(hit?.snippets[0])).toBe('[Studio] 在前，后面才是 [Visual]。');
  });

  it('uses the phrase in every section once any part of the page holds it', () => {
    const hits = sectionHits([section('Visual Studio 发布。'), { ...section('只有 Studio。'), title: '二' }], ['Visual', 'Studio']);
    expect(hits.map((h) => [h.section.title, h.count])).toEqual([['导语', 1]]);
  });
});
