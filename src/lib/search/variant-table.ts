import HKPhrases from 'opencc-js/dict/HKPhrases';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import { simplifyCharacters } from './t2s-table.ts';

/** Groups of words that name one thing in the mainland, Taiwan and Hong Kong, in simplified characters. */
export interface VariantTable {
  groups: string[][];
}

/**
 * Words OpenCC gives as another region's form that mainland news uses every
 * day in a meaning of its own (资料 materials, not 数据; 进程 progress, not
 * 程序; 项目's 专案 a police task force), or that would join unrelated words
 * into one group (检视 joins 查看 and 视图, 乔治亚 Georgia the country and the
 * state). A query's variants are searched and shown with its own results, so
 * a pair holding one of these is left out rather than let 支持 bring every
 * article saying 支援.
 */
const NOT_REGIONAL = new Set([
  '资料', '支援', '智慧', '指标', '执行', '进程', '专案', '社群', '对象', '宣告', '呼叫',
  '通道', '外挂', '文件', '档案', '核心', '模拟', '高级', '检视', '变数', '乔治亚',
]);

/** OpenCC's regional phrase tables: "standard-form regional [alternatives]|…" (軟件 軟體, 打印機 印表機). */
function regionalPairs(): [string, string][] {
  return [TWPhrases, HKPhrases].flatMap((dict) =>
    dict.split('|').flatMap((entry): [string, string][] => {
      const [standard, regional] = entry.split(' ').map(simplifyCharacters);
      return standard && regional && !NOT_REGIONAL.has(standard) && !NOT_REGIONAL.has(regional) ? [[standard, regional]] : [];
    }),
  );
}

/** Joins pairs and groups that share a word into one group each (信息 / 资讯 with 资讯 / 消息…). */
function mergeGroups(groups: readonly string[][]): string[][] {
  const parent = new Map<string, string>();
  const find = (word: string): string => {
    const up = parent.get(word) ?? word;
    if (up === word) return word;
    const root = find(up);
    parent.set(word, root);
    return root;
  };
  for (const group of groups) {
    for (const word of group) if (!parent.has(word)) parent.set(word, word);
    for (const word of group.slice(1)) parent.set(find(word), find(group[0] ?? word));
  }
  const merged = new Map<string, string[]>();
  for (const word of parent.keys()) merged.set(find(word), [...(merged.get(find(word)) ?? []), word]);
  return [...merged.values()];
}

/** The words of `candidates` that occur in `text`: one pass over the text, trying only words that start with each character. */
function wordsIn(text: string, candidates: Iterable<string>): Set<string> {
  const byFirst = new Map<string, string[]>();
  for (const word of candidates) {
    const first = word[0] ?? '';
    byFirst.set(first, [...(byFirst.get(first) ?? []), word]);
  }
  const found = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const words = byFirst.get(text[i] ?? '');
    if (words) for (const word of words) if (!found.has(word) && text.startsWith(word, i)) found.add(word);
  }
  return found;
}

/**
 * The regional vocabulary search needs: OpenCC's Taiwan and Hong Kong
 * phrase tables (软件 / 软体, 打印机 / 印表机, 出租车 / 计程车, 新西兰 / 纽西兰)
 * and the editors' alias groups (悉尼 / 雪梨), all in simplified characters,
 * kept only where the site's `text` holds one of a group's words: a reader's
 * query can only find what the site contains, and the table stays small.
 */
export function buildVariantTable(text: string, aliases: readonly string[][]): VariantTable {
  const simplified = simplifyCharacters(text);
  const groups = mergeGroups([...regionalPairs().filter(([a, b]) => a !== b), ...aliases.map((group) => group.map(simplifyCharacters))]);
  const present = wordsIn(simplified, groups.flat());
  const kept = groups.filter((group) => group.some((word) => present.has(word))).map((group) => [...new Set(group)]);
  return { groups: kept.filter((group) => group.length > 1).sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1)) };
}

/**
 * The same groups for the zh-Hant pages' search, whose index holds traditional
 * text: each word as the zh-Hant pages spell it, the way the build writes a
 * simplified article's twin (`toHant`: OpenCC's character forms, no vocabulary
 * swaps) and, for the articles written in traditional characters
 * (`hantWritten`), every spelling they use of it (Hong Kong forms too).
 * Characters map one to one, so a word's place in the folded text is its
 * place in the text as written.
 */
export function hantVariantTable(table: VariantTable, toHant: (text: string) => string, hantWritten: string): VariantTable {
  const folded = simplifyCharacters(hantWritten);
  const spellings = (word: string): string[] => {
    const found = [toHant(word)];
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + word.length)) found.push(hantWritten.slice(at, at + word.length));
    return found;
  };
  return { groups: table.groups.map((group) => [...new Set(group.flatMap(spellings))]) };
}
