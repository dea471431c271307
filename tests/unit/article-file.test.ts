import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/lib/content/article-file.ts';

const FILE = 'content/articles/test.md';
const SECTIONS = ['美股新闻'];
const parse = (text: string) => parseArticleFile(new TextEncoder().encode(text), FILE, SECTIONS);

describe('parseArticleFile', () => {
  it('accepts a file with title and section and no invented author or date', () => {
    const result = parse('---\ntitle: "标题"\nsection: "美股新闻"\n---\n\n正文。\n');
    expect(result).toEqual({ ok: true, data: { title: '标题', section: '美股新闻' }, body: '\n正文。\n', refs: { related: [], authors: [] } });
  });

  it('names the file and the field when title is missing', () => {
    const result = parse('---\nsection: "美股新闻"\n---\n\n正文。\n');
    expect(result).toEqual({ ok: false, problems: [`${FILE}: "title": required`], refs: { related: [], authors: [] } });
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
    expect(result).toEqual({ ok: false, problems: [expect.stringContaining(`${FILE}: "section": unknown section "体育"`)], refs: { related: [], authors: [] } });
  });

  it('reports an unknown section in the same pass as a bad date and an unknown field, not a build later', () => {
    const result = parse('---\ntitle: 标题\nsection: 体育\ndate: 十月底\nfoo: 1\n---\n\n正文。\n');
    expect(result.ok || result.problems).toEqual([
      `${FILE}: "date": expected YYYY-MM-DD, got "十月底"`,
      `${FILE}: "foo": unknown field`,
      expect.stringContaining(`${FILE}: "section": unknown section "体育"`),
    ]);
  });

  it('hands the series and related articles it names to the cross-file check, even when a field is wrong', () => {
    const result = parse(
      '---\ntitle: 标题\nsection: 美股新闻\ndate: 十月底\nseries: taifeng\nseries_part: 2\nrelated: [a-1, a-2]\nauthors: [zhang-san, { name: 李四, role: 摄影 }]\n---\n\n正文。\n',
    );
    expect(result.ok).toBe(false);
    expect(result.refs).toEqual({ series: 'taifeng', series_part: 2, related: ['a-1', 'a-2'], authors: ['zhang-san', '李四'] });
  });

  it('asks for a whole number as the part of a series', () => {
    const result = parse('---\ntitle: 标题\nsection: 美股新闻\nseries: taifeng\nseries_part: 第二篇\n---\n\n正文。\n');
    expect(result.ok || result.problems).toEqual([`${FILE}: "series_part": expected a whole number like 2`]);
  });

  it('rejects an empty body', () => {
    expect(parse('---\ntitle: 标题\nsection: 美股新闻\n---\n\n  \n')).toEqual({
      ok: false,
      problems: [expect.stringContaining(`${FILE}: body: empty`)],
      refs: { related: [], authors: [] },
    });
  });

  it('rejects a file that is not UTF-8', () => {
    const gbk = new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xb1, 0xea, 0xcc, 0xe2]);
    expect(parseArticleFile(gbk, FILE, SECTIONS)).toEqual({ ok: false, problems: [expect.stringContaining(`${FILE}: not valid UTF-8`)], refs: { related: [], authors: [] } });
  });

  it('reports broken YAML with the file name', () => {
    expect(parse('---\ntitle: [unclosed\n---\n\n正文\n')).toEqual({
      ok: false,
      problems: [expect.stringContaining(`${FILE}: frontmatter is not valid YAML`)],
      refs: { related: [], authors: [] },
    });
  });
});
