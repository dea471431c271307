import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/lib/content/content-error.ts';
import { readSearchAliases } from '../../src/lib/content/search-aliases.ts';

const folder = (aliases?: unknown) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yuedu-aliases-'));
  if (aliases !== undefined) writeFileSync(path.join(dir, 'search-aliases.json'), JSON.stringify(aliases));
  return dir;
};
const problemsOf = (dir: string) => {
  try {
    readSearchAliases(dir);
    return [];
  } catch (error) {
    return error instanceof ContentError ? error.problems.map((p) => p.replace(/^.*search-aliases\.json: /, '')) : [String(error)];
  }
};

describe('content/search-aliases.json', () => {
  it('is optional, and read as groups of words', () => {
    expect(readSearchAliases(folder())).toEqual([]);
    expect(readSearchAliases(folder([['悉尼', '雪梨']]))).toEqual([['悉尼', '雪梨']]);
  });

  it('refuses a word twice in a group and a word in two groups, naming each place', () => {
    expect(problemsOf(folder([['悉尼', '雪梨', '悉尼'], ['川普', '特朗普'], ['特朗普', '唐纳德']]))).toEqual([
      '[0][2]: "悉尼" is in this group twice',
      '[2][0]: "特朗普" is already in group [1]; a word belongs to one group',
    ]);
  });

  it('refuses an empty group, an empty word and a word that is not text', () => {
    expect(problemsOf(folder([[], ['悉尼', ''], ['川普', 3]])).length).toBe(3);
    expect(problemsOf(folder({ groups: [] })).length).toBe(1);
  });
});
