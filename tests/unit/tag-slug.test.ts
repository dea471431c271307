import { describe, expect, it } from 'vitest';
import { tagSlug } from '../../src/lib/content/tag-slug.ts';

describe("a tag's address", () => {
  it('gives homophones distinct addresses (示例/事例, 公式/公示, 权利/权力 read alike in pinyin)', () => {
    for (const [a, b] of [['示例', '事例'], ['公式', '公示'], ['权利', '权力'], ['油价', '邮价']] as const) {
      expect(tagSlug(a)).not.toBe(tagSlug(b));
    }
  });

  it('is the name a reader sees, whatever other tags exist, and the same every time', () => {
    expect(tagSlug('示例')).toBe('示例');
    expect(tagSlug('云计算')).toBe('云计算');
    // Only the name goes in: there is no list of other tags to number against.
    expect(tagSlug.length).toBe(1);
    expect([tagSlug('数据中心'), tagSlug('数据中心')]).toEqual(['数据中心', '数据中心']);
  });

  it('stays one path segment: punctuation and spaces become hyphens, Latin letters lower case', () => {
    expect(tagSlug('iPhone 15 Pro')).toBe('iphone-15-pro');
    expect(tagSlug('AI/芯片')).toBe('ai-芯片');
    expect(tagSlug('  中美关系？ ')).toBe('中美关系');
    expect(tagSlug('C++')).toBe('c');
    expect(tagSlug('../etc')).toBe('etc');
    for (const name of ['a/b', 'x?y#z', '100%', 'q&a']) expect(tagSlug(name)).toMatch(/^[^/?#%&]+$/);
  });

  it('a name of punctuation alone, or a very long one, still gets an address of its own', () => {
    expect(tagSlug('！！')).toMatch(/^tag-[0-9a-f]{8}$/);
    expect(tagSlug('！！')).not.toBe(tagSlug('？？'));
    const long = '这是一个非常非常长的标签名称用来检验地址的长度不会超过文件系统的限制而且仍然各不相同甲';
    const other = `${long.slice(0, -1)}乙`;
    expect([...tagSlug(long)].length).toBeLessThanOrEqual(40);
    expect(tagSlug(long)).not.toBe(tagSlug(other));
  });
});
