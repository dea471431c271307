import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/lib/content/article-file.ts';

const FILE = 'content/articles/test.md';
const SECTIONS = ['美股新闻'];
const parse = (text: string) => parseArticleFile(new TextEncoder().encode(text), FILE, SECTIONS);

describe('parseArticleFile', () => {
  it('accepts a file with title and section and no invented author or date', () => {
    const result = parse('---\ntitle: "标题"\nsection: "美股新闻"\n---\n\n正文。\n');
    expect(result).toEqual({ ok: true, data: { title: '标题', section: '美股新闻' }, body: '\n正文。\n' });
  });

  it('names the file and the field when title is missing', () => {
    const result = parse('---\nsection: "美股新闻"\n---\n\n正文。\n');
    expect(result).toEqual({ ok: false, problems: [`${FILE}: "title": required`] });
  });

  it('names the field with the wrong type and every other problem too', () => {
    const result = parse('---\ntitle: 3\nsection: "美股新闻"\ndate: 十月底\ntitel: x\n---\n\n正文。\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.stringMatching(new RegExp(`^${FILE}: "title": .*expected string, received number`)),
      `${FILE}: "date": expected YYYY-MM-DD, got "十月底"`,
      `${FILE}: "titel": unknown field`,
    ]);
  });

  it('keeps an unquoted YAML date as the plain day', () => {
    const result = parse('---\ntitle: 标题\nsection: 美股新闻\ndate: 2023-10-31\n---\n\n正文。\n');
    expect(result.ok && result.data.date).toBe('2023-10-31');
  });

  it('rejects a section the newsroom does not have', () => {
    const result = parse('---\ntitle: 标题\nsection: 体育\n---\n\n正文。\n');
    expect(result).toEqual({ ok: false, problems: [expect.stringContaining(`${FILE}: "section": unknown section "体育"`)] });
  });

  it('rejects an empty body', () => {
    expect(parse('---\ntitle: 标题\nsection: 美股新闻\n---\n\n  \n')).toEqual({
      ok: false,
      problems: [expect.stringContaining(`${FILE}: body: empty`)],
    });
  });

  it('rejects a file that is not UTF-8', () => {
    const gbk = new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xb1, 0xea, 0xcc, 0xe2]);
    expect(parseArticleFile(gbk, FILE, SECTIONS)).toEqual({ ok: false, problems: [expect.stringContaining(`${FILE}: not valid UTF-8`)] });
  });

  it('reports broken YAML with the file name', () => {
    expect(parse('---\ntitle: [unclosed\n---\n\n正文\n')).toEqual({
      ok: false,
      problems: [expect.stringContaining(`${FILE}: frontmatter is not valid YAML`)],
    });
  });
});
