import { describe, expect, it } from 'vitest';
import { toHant } from '../../src/lib/render/hant.ts';
import { buildVariantTable, hantVariantTable } from '../../src/lib/search/variant-table.ts';

const groupOf = (table: { groups: string[][] }, word: string) => table.groups.find((g) => g.includes(word))?.slice().sort();

describe('the regional vocabulary table', () => {
  it('groups the words OpenCC maps between the mainland, Taiwan and Hong Kong, in simplified characters', () => {
    const table = buildVariantTable('新款软件支持打印机，乘出租车去新西兰。', []);
    expect(groupOf(table, '软件')).toContain('软体');
    expect(groupOf(table, '打印机')).toContain('印表机');
    expect(groupOf(table, '出租车')).toContain('计程车');
    expect(groupOf(table, '新西兰')).toContain('纽西兰');
  });

  it('finds the group from the other side too, and from text written in traditional characters', () => {
    const table = buildVariantTable('這套軟體很好用。', []);
    expect(groupOf(table, '软体')).toContain('软件');
  });

  it('keeps only groups the site uses, and adds the editors\' aliases', () => {
    const table = buildVariantTable('悉尼的早晨。', [['悉尼', '雪梨'], ['特朗普', '川普']]);
    expect(groupOf(table, '雪梨')).toEqual(['悉尼', '雪梨'].sort());
    expect(groupOf(table, '川普')).toBeUndefined();
    expect(groupOf(table, '软件')).toBeUndefined();
    expect(table.groups.length).toBe(1);
  });

  it('leaves out words mainland news uses in a meaning of their own, so a query does not bring unrelated articles', () => {
    const table = buildVariantTable('支持与支援，数据与资料，项目与专案，查看与视图，进程与程序，格鲁吉亚与佐治亚。', []);
    expect(groupOf(table, '支持')).toBeUndefined();
    expect(groupOf(table, '资料')).toBeUndefined();
    expect(groupOf(table, '专案')).toBeUndefined();
    expect(groupOf(table, '查看')).toBeUndefined();
    expect(groupOf(table, '程序')).toEqual(['程序', '程式'].sort());
    expect(groupOf(table, '格鲁吉亚')).toBeUndefined();
  });

  it('spells each group as the zh-Hant pages do: twins as the build converts them, and every form an article written in traditional characters uses', () => {
    const written = '這套軟體很好用，香港叫軟件；悉尼又叫雪梨。';
    const table = hantVariantTable(buildVariantTable(`新款软件。${written}`, [['悉尼', '雪梨']]), toHant, written);
    expect(groupOf(table, '軟體')).toEqual(['軟件', '軟體'].sort());
    expect(groupOf(table, '雪梨')).toEqual(['悉尼', '雪梨'].sort());
    // Nothing in simplified characters is left: the traditional index holds none.
    expect(table.groups.flat().filter((word) => word !== toHant(word) && !written.includes(word))).toEqual([]);
  });
});
