import { describe, expect, it } from 'vitest';
import { sentenceUrl, textDirective } from '../../src/client/reading/share-link.ts';

const decode = (directive: string) => decodeURIComponent(directive);

describe('a link to one sentence', () => {
  const paragraph = '虽然在商业化真正成熟之前，AI大模型还有很长的路要走。但提供云计算服务的厂商仍然会是这轮AI热潮的最大受益者。';

  it('quotes a short sentence whole, cut at word boundaries', () => {
    const start = paragraph.indexOf('但');
    const directive = textDirective(paragraph, start, paragraph.length, paragraph);
    expect(decode(directive)).toBe('text=但提供云计算服务的厂商仍然会是这轮AI热潮的最大受益者。');
  });

  it('drops a half-selected word at either edge: text fragments match whole words only', () => {
    // From the middle of 商业化 to the middle of 成熟.
    const start = paragraph.indexOf('业化');
    const end = paragraph.indexOf('熟之前');
    const quote = decode(textDirective(paragraph, start, end, paragraph)).slice('text='.length);
    expect(paragraph).toContain(quote);
    expect(quote.startsWith('业')).toBe(false);
    expect(quote.endsWith('成')).toBe(false);
  });

  it('sends a long quote as its first and last words', () => {
    const directive = decode(textDirective(paragraph, 0, paragraph.length, paragraph));
    expect(directive).toMatch(/^text=虽然在商业化\S*,\S*最大受益者。$/);
  });

  it('adds the words before and after a quote that occurs more than once', () => {
    const text = '他说：好的。她也说：好的。';
    const start = text.lastIndexOf('好的');
    const directive = decode(textDirective(text, start, start + 2, text));
    expect(directive).toMatch(/^text=.*说：-,好的,-。$/);
  });

  it('escapes the characters text fragments reserve', () => {
    const text = 'A-B, C&D 测试一下。';
    expect(textDirective(text, 0, text.length, text)).toBe('text=A%2DB%2C%20C%26D%20%E6%B5%8B%E8%AF%95%E4%B8%80%E4%B8%8B%E3%80%82');
  });

  it('gives nothing for a selection of punctuation only', () => {
    expect(textDirective('。，！', 0, 3, '。，！')).toBe('');
  });

  it('puts the directive after the section anchor of the page', () => {
    expect(sentenceUrl('https://example.com/news/articles/a/?x=1#old', '昂贵的ai', 'text=AI')).toBe(
      `https://example.com/news/articles/a/?x=1#${encodeURIComponent('昂贵的ai')}:~:text=AI`,
    );
  });
});
