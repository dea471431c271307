import { describe, expect, it } from 'vitest';
import { buildT2sTable } from '../../src/lib/search/t2s-table.ts';

const convert = (table: { t: string; s: string }, text: string) => {
  const s = [...table.s];
  const map = new Map([...table.t].map((c, i) => [c, s[i] ?? c]));
  return [...text].map((c) => map.get(c) ?? c).join('');
};

describe('buildT2sTable', () => {
  const table = buildT2sTable('阿里云的通义千问为什么着急');

  it('turns traditional queries into the simplified text the site holds', () => {
    expect(convert(table, '阿里雲')).toBe('阿里云');
    expect(convert(table, '通義千問')).toBe('通义千问');
  });

  it('folds Taiwan variant forms first (為 -> 为)', () => {
    expect(convert(table, '為什麼')).toBe('为什么');
  });

  it('keeps only characters the site needs, so readers download a few KB at most', () => {
    expect([...table.t].length).toBe([...table.s].length);
    expect([...table.t].length).toBeLessThan(30);
    expect(convert(table, '龍')).toBe('龍');
  });
});
