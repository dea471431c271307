import { describe, expect, it } from 'vitest';
import type { PagefindResultData } from '../../src/scripts/pagefind-api.ts';
import { queryTerms, sectionHits, splitSections } from '../../src/scripts/section-hits.ts';

const Z = '\u200b';
// Shaped like Pagefind's fragment: words joined by U+200B, anchors at word positions.
const page: PagefindResultData = {
  url: '/news/articles/a/',
  excerpt: '',
  meta: { title: '标题' },
  sub_results: [],
  raw_content: ['标题', '. ', '云栖', '大会', '开幕', '。 ', '昂贵', '的', 'AI', '. ', '云', '栖', '大会', '与', 'Azure', '。'].join(Z),
  anchors: [
    { element: 'h1', id: 'yd-title', text: '标题', location: 0 },
    { element: 'h2', id: '昂贵的ai', text: '昂贵的AI', location: 6 },
  ],
};

describe('splitSections', () => {
  it('cuts the page at its heading anchors and labels the opening part 导语', () => {
    expect(splitSections(page)).toEqual([
      { title: '导语', url: '/news/articles/a/#yd-title', text: '云栖大会开幕。 ', opening: true },
      { title: '昂贵的AI', url: `/news/articles/a/#${encodeURIComponent('昂贵的ai')}`, text: '云栖大会与Azure。', opening: false },
    ]);
  });
});

describe('sectionHits', () => {
  it('finds the whole phrase even where Pagefind split it into single characters', () => {
    const hits = sectionHits(splitSections(page), ['云栖大会']);
    expect(hits.map((h) => [h.section.title, h.count, h.snippet.match])).toEqual([
      ['导语', 1, '云栖大会'],
      ['昂贵的AI', 1, '云栖大会'],
    ]);
  });

  it('matches Latin regardless of case but marks the text as written', () => {
    const [hit] = sectionHits(splitSections(page), ['azure']);
    expect(hit?.section.title).toBe('昂贵的AI');
    expect(hit?.snippet).toEqual({ before: '云栖大会与', match: 'Azure', after: '。' });
  });

  it('treats regex characters in a query literally', () => {
    expect(sectionHits(splitSections(page), ['1+6+N'])).toEqual([]);
    expect(sectionHits(splitSections(page), ['.*'])).toEqual([]);
  });

  it('does not list a section that lacks the phrase', () => {
    expect(sectionHits(splitSections(page), ['开幕']).map((h) => h.section.title)).toEqual(['导语']);
  });
});

describe('queryTerms', () => {
  it('splits on whitespace, drops quotes and duplicates', () => {
    expect(queryTerms('  吴泳铭 演讲 吴泳铭 ')).toEqual(['吴泳铭', '演讲']);
    expect(queryTerms('"云栖大会"')).toEqual(['云栖大会']);
    expect(queryTerms('   ')).toEqual([]);
  });
});
