import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importScrape } from '../../src/lib/import/import-scrape.ts';
import { parseScrape } from '../../src/lib/import/parse-scrape.ts';
import { slugFromTitle } from '../../src/lib/content/slug.ts';
import { tidyLine } from '../../src/lib/import/typography.ts';
import { ARTICLE_ID } from '../support/dist.ts';
import { makeScrape, seedBodyLines, seedParagraphs, seedText } from '../support/scrape.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const importText = (text: string, options = {}) => importScrape(utf8(text), options);
const committed = readFileSync(new URL(`../../content/articles/${ARTICLE_ID}.md`, import.meta.url), 'utf8');

describe('importing the seed scrape', () => {
  const article = importText(seedText);

  it('reproduces the committed content file byte for byte, under the committed slug', () => {
    expect(article.slug).toBe(ARTICLE_ID);
    expect(article.file).toBe(committed);
  });

  it('keeps every run of Chinese text of the body, in order', () => {
    const runs = seedBodyLines.join('\n').match(/\p{Script=Han}+/gu) ?? [];
    expect(runs.length).toBeGreaterThan(250);
    let from = 0;
    for (const run of runs) {
      const at = article.file.indexOf(run, from);
      expect(at, `lost or moved: ${run}`).toBeGreaterThanOrEqual(0);
      from = at + run.length;
    }
  });

  it('drops the breadcrumb, poster id, counters and the forum footer', () => {
    for (const junk of ['첫 페이지', '본문', '123457886', '1105 0 0', '您需要登录后才可以回帖', 'Sign Up', '本版积分规则', '新手上路', 'Follow', 'Articles']) {
      expect(article.file).not.toContain(junk);
    }
  });

  it('takes the title and the breadcrumb section, and invents no author or date', () => {
    expect(article.file.startsWith('---\ntitle: "阿里云还是阿里巴巴的那朵云"\nsection: "美股新闻"\n---\n\n')).toBe(true);
    expect(article.file).not.toMatch(/^(author|date):/m);
  });

  it('turns the two short unpunctuated lines into ## headings', () => {
    expect(article.file.match(/^## .*$/gm)).toEqual(['## 昂贵的AI', '## 无法脱离于阿里巴巴的阿里云']);
  });

  it('gives the same bytes for the same input every time', () => {
    expect(importText(seedText).file).toBe(article.file);
  });
});

describe('synthetic scrapes in the seed format', () => {
  const paragraphs = seedParagraphs.slice(0, 6).map((p) => p.trim());
  const expectedParagraphs = paragraphs.map(tidyLine);
  const HEADINGS: [string, number][] = [['第一部分', 1], ['GitHub Copilot的成本', 2], ['淘天的选择', 3], ['结语', 5]];

  for (let count = 0; count <= 4; count++) {
    it(`finds ${count} heading(s) where they stand, and every paragraph`, () => {
      const headings = HEADINGS.slice(0, count);
      const parsed = parseScrape(makeScrape({ title: `合成文章${count}`, paragraphs, headings }));
      expect(parsed.title).toBe(`合成文章${count}`);
      expect(parsed.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(headings.map(([t]) => t));
      expect(parsed.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text)).toEqual(expectedParagraphs);
      for (const [text, before] of headings) {
        const at = parsed.blocks.findIndex((b) => b.text === text);
        expect(parsed.blocks[at + 1]?.text).toBe(expectedParagraphs[before]);
      }
    });
  }

  const base = { title: '微软的云：Azure与OpenAI', paragraphs, headings: HEADINGS.slice(0, 2) };
  const reference = importText(makeScrape(base)).file;

  it('reads extra blank lines between paragraphs the same', () => {
    expect(importText(makeScrape({ ...base, blankLines: 3 })).file).toBe(reference);
  });

  it('reads CRLF line ends the same as LF', () => {
    expect(importText(makeScrape({ ...base, eol: '\r\n' })).file).toBe(reference);
  });

  it('ignores a UTF-8 byte order mark', () => {
    expect(importText(makeScrape({ ...base, bom: true })).file).toBe(reference);
  });

  it('decodes a GBK scrape to the same file', () => {
    const gbk = iconv.encode(makeScrape(base), 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    expect(importScrape(gbk).file).toBe(reference);
  });

  it('decodes a GB18030 scrape with CRLF and a character outside GBK', () => {
    const text = makeScrape({ ...base, paragraphs: [...paragraphs, '生僻字𠀀也要保留，不能丢。'], eol: '\r\n' });
    const file = importScrape(iconv.encode(text, 'gb18030')).file;
    expect(file).toContain('生僻字𠀀也要保留，不能丢。');
  });

  it('takes the section from another breadcrumb, or from --section', () => {
    const scrape = makeScrape({ ...base, breadcrumb: '首页 > 科技 > 正文' });
    expect(importText(scrape).section).toBe('科技');
    expect(importText(scrape, { section: '美股新闻' }).section).toBe('美股新闻');
  });

  it('derives an ASCII slug from the title, or takes --slug', () => {
    expect(importText(makeScrape(base)).slug).toBe(slugFromTitle(base.title));
    expect(slugFromTitle(base.title)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(importText(makeScrape(base), { slug: 'azure-openai' }).slug).toBe('azure-openai');
  });

  it('keeps Markdown-looking text literal', () => {
    const file = importText(makeScrape({ ...base, paragraphs: [...paragraphs, '1. 这不是列表，*也不是*强调。'] })).file;
    expect(file).toContain('1\\. 这不是列表，\\*也不是\\*强调。');
  });
});

describe('typography cleanup', () => {
  it('trims ASCII and full-width spaces at both ends', () => {
    expect(tidyLine(' \u3000 正文。\u3000 ')).toBe('正文。');
  });
  it.each([
    ['每年秋天,阿里巴巴', '每年秋天，阿里巴巴'],
    ['资本市场;外部投资', '资本市场；外部投资'],
    ['表态:从底层', '表态：从底层'],
    ['谁来补?资本', '谁来补？资本'],
    ['太难了!但是', '太难了！但是'],
    ['阿里云(智能)集团', '阿里云（智能）集团'],
  ])('widens the half-width mark in %s', (input, output) => {
    expect(tidyLine(input)).toBe(output);
  });
  it('widens a mark between Chinese and Latin, as Chinese prose reads', () => {
    expect(tidyLine('成熟之前,AI大模型')).toBe('成熟之前，AI大模型');
    expect(tidyLine('OpenAI,两家')).toBe('OpenAI，两家');
  });
  it('leaves marks between Latin letters or digits alone', () => {
    expect(tidyLine('3,000 and 10:30 (note)')).toBe('3,000 and 10:30 (note)');
    expect(tidyLine('80-90%')).toBe('80-90%');
  });
  it('changes no other wording, not even an odd space inside a quote', () => {
    expect(tidyLine('盛会“云栖大会 ”')).toBe('盛会“云栖大会 ”');
  });
});

describe('bad scrapes are refused with a reason', () => {
  it.each([
    ['an empty file', new Uint8Array(), 'file is empty'],
    ['only whitespace', utf8(' \n\n  \n'), 'file is empty'],
    ['binary garbage', Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256), 'not text'],
    ['no title', utf8('123\n  正文第一段，足够长的一段话。\n'), 'no recognisable title'],
    ['no body', utf8('标题\n\n没有缩进的正文\n'), 'no body paragraphs'],
  ])('%s', (_, bytes, message) => {
    expect(() => importScrape(bytes)).toThrow(message);
  });
});
