import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/lib/render/slugify.ts';
import { buildToc } from '../../src/lib/render/toc.ts';

describe('slugify', () => {
  it('keeps Han characters and lowercases Latin', () => {
    expect(slugify('昂贵的AI')).toBe('昂贵的ai');
    expect(slugify('无法脱离于阿里巴巴的阿里云')).toBe('无法脱离于阿里巴巴的阿里云');
  });
  it('drops punctuation and joins words with hyphens', () => {
    expect(slugify('  GitHub Copilot：亏损？ ')).toBe('github-copilot亏损');
    expect(slugify('“1+6+N”大分拆')).toBe('16n大分拆');
  });
  it('never returns an empty id', () => {
    expect(slugify('？！')).toBe('section');
  });
});

describe('buildToc', () => {
  it('nests h3 under the h2 before it', () => {
    const toc = buildToc([
      { depth: 2, slug: 'a', text: 'A' },
      { depth: 3, slug: 'a1', text: 'A1' },
      { depth: 2, slug: 'b', text: 'B' },
    ]);
    expect(toc).toEqual([
      { slug: 'a', text: 'A', children: [{ slug: 'a1', text: 'A1', children: [] }] },
      { slug: 'b', text: 'B', children: [] },
    ]);
  });
  it('keeps a leading h3 at the top level rather than dropping it', () => {
    expect(buildToc([{ depth: 3, slug: 'x', text: 'X' }])).toEqual([{ slug: 'x', text: 'X', children: [] }]);
  });
});
