/**
 * 相关阅读: which other articles to offer at the end of one, chosen at build
 * time from what the build already has: each article's tags, section and the
 * words of its text as Intl.Segmenter cuts them (the segmentation the search
 * index uses). Pure and deterministic: same content, same lists.
 */

/** An article's most frequent words, [word, count], most frequent first. */
export type KeyTerms = [string, number][];

/** Words kept per article: enough to tell what it is about, small enough to store for every article. */
const TERMS_KEPT = 40;
const HAN = /^\p{Script=Han}{2,}$/u;
const LATIN = /^[\p{L}\p{N}][\p{L}\p{N}.+-]+$/u;
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
/**
 * Words any article has, whatever it is about. At 10,000 articles IDF alone
 * would weigh them down; a small newsroom has too few articles for that.
 */
const FUNCTION_WORDS = new Set(
  (
    '我们 他们 你们 她们 它们 自己 大家 这个 那个 这些 那些 这样 那样 这里 那里 这种 那种 什么 怎么 为什么 如何 ' +
    '已经 没有 不是 就是 还是 但是 可是 而且 并且 因为 所以 如果 虽然 然后 以及 或者 还有 只是 不过 其中 之后 之前 ' +
    '开始 可以 可能 能够 应该 需要 觉得 认为 表示 进行 通过 对于 关于 一起 一直 一样 一定 一下 一些 一点 一切 ' +
    '今年 去年 明年 现在 目前 时候 时间 每天 今天 昨天 之一 以上 以下 其他 另外 也是 都是 就是 只有 越来'
  ).split(/\s+/),
);
/** 一个, 三位, 两家, 每年: a number and a measure word. */
const COUNTED = /^[一二三四五六七八九十两几每这那半][个位些家年种次件条名只片座艘块幅趟轮截天月成批层]$/u;

/**
 * The words an article is about, from its rendered HTML: Han words of two or
 * more characters and Latin words (lowercased), counted. Single characters
 * (的, 了, 在) say nothing about a subject.
 */
export function keyTerms(html: string): KeyTerms {
  const text = html.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
  const counts = new Map<string, number>();
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (!isWordLike) continue;
    const word = segment.toLowerCase();
    if (FUNCTION_WORDS.has(word) || COUNTED.test(word)) continue;
    if (HAN.test(word) || (LATIN.test(word) && !/^\d+$/.test(word))) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  // Among words counted as often, the longer say more (晶圆厂 over 工厂); then code point order, for determinism.
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1)).slice(0, TERMS_KEPT);
}

export interface RelatedInput {
  id: string;
  section: string;
  /** YYYY-MM-DD, when known: between equally related articles, the nearer in time comes first. */
  date?: string | undefined;
  tags: readonly string[];
  terms: KeyTerms;
  /** Pinned by the editor (`related:`), in order. */
  pinned: readonly string[];
  /** Never offered: the parts of its series, which the page lists already. */
  exclude: readonly string[];
}

/** Articles offered at the end of each. */
export const RELATED_COUNT = 4;
/** The words that stand for an article: its key words with the highest TF-IDF. */
const TOP_WORDS = 20;
/** Words held by more than this share of the archive (公司, 发展) are not looked up: they relate everything to everything. */
const COMMON_SHARE = 0.05;
/** Top words two articles must share to be related by their text alone. */
const MIN_SHARED = 2;
/** Being in the same section counts as half a shared word. */
const SAME_SECTION = 0.5;

interface Scored {
  index: number;
  tags: number;
  text: number;
  distance: number;
}

const dayNumber = (date: string | undefined) => (date ? Date.parse(date) / 86_400_000 : Number.NaN);

/**
 * id -> up to RELATED_COUNT other article ids. Pinned first; then articles
 * sharing the most tags (rarer tags weigh more); then those sharing the
 * most of each other's 20 top words (TF-IDF), a same section counting half a
 * word; then the nearer in time; then the lower id.
 *
 * Why counts of top words, not a cosine: a daily rebuild adds a few articles,
 * which moves every word's IDF a little. A cosine reorders near-equal
 * candidates on every such move, and each reordered list re-renders a page
 * (the list is in its cache key); a count changes only when a word enters or
 * leaves an article's top 20. On the bench's newsroom this halved the old
 * articles whose lists changed after a day's 20 new ones (1,000 articles:
 * 213 to 88).
 *
 * Candidates come from an inverted index of tags and of the words no more
 * than 5% of articles hold: at 10,000 articles an article meets a few
 * hundred others, not all 9,999.
 */
export function relatedReading(items: readonly RelatedInput[], count = RELATED_COUNT): Map<string, string[]> {
  const list = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = list.length;
  const indexOf = new Map(list.map((item, i) => [item.id, i]));

  const postings = (keys: (item: RelatedInput) => Iterable<string>) => {
    const map = new Map<string, number[]>();
    list.forEach((item, i) => {
      for (const key of new Set(keys(item))) {
        const at = map.get(key);
        if (at) at.push(i);
        else map.set(key, [i]);
      }
    });
    return map;
  };
  const idf = (df: number) => Math.log(1 + n / df);
  const allTerms = postings((item) => item.terms.map(([word]) => word));
  const tops = list.map((item) =>
    item.terms
      .map(([word, tf]) => [word, (1 + Math.log(tf)) * idf(allTerms.get(word)?.length ?? 1)] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, TOP_WORDS)
      .map(([word]) => word),
  );
  const tagPostings = postings((item) => item.tags);
  const topPostings = new Map<string, number[]>();
  tops.forEach((words, i) => {
    for (const word of words) {
      const at = topPostings.get(word);
      if (at) at.push(i);
      else topPostings.set(word, [i]);
    }
  });
  const commonLimit = Math.max(20, Math.ceil(n * COMMON_SHARE));

  const result = new Map<string, string[]>();
  const tagScore = new Float64Array(n);
  const shared = new Float64Array(n);
  const seen = new Uint8Array(n);
  list.forEach((item, self) => {
    const touched: number[] = [];
    const touch = (j: number) => {
      if (seen[j] === 0) {
        seen[j] = 1;
        touched.push(j);
      }
    };
    for (const tag of new Set(item.tags)) {
      const holders = tagPostings.get(tag) ?? [];
      const weight = idf(holders.length);
      for (const j of holders) {
        touch(j);
        tagScore[j] = (tagScore[j] ?? 0) + weight;
      }
    }
    for (const word of tops[self] ?? []) {
      if ((allTerms.get(word)?.length ?? 0) > commonLimit) continue;
      for (const j of topPostings.get(word) ?? []) {
        touch(j);
        shared[j] = (shared[j] ?? 0) + 1;
      }
    }
    const skip = new Set([item.id, ...item.exclude, ...item.pinned]);
    const day = dayNumber(item.date);
    const scored: Scored[] = [];
    for (const j of touched) {
      const other = list[j];
      const tags = tagScore[j] ?? 0;
      const words = shared[j] ?? 0;
      if (other && !skip.has(other.id) && (tags > 0 || words >= MIN_SHARED)) {
        const distance = Math.abs(dayNumber(other.date) - day);
        scored.push({ index: j, tags, text: words + (other.section === item.section ? SAME_SECTION : 0), distance: Number.isNaN(distance) ? Infinity : distance });
      }
      seen[j] = 0;
      tagScore[j] = 0;
      shared[j] = 0;
    }
    scored.sort((a, b) => b.tags - a.tags || b.text - a.text || a.distance - b.distance || a.index - b.index);
    // A pinned part of its own series is listed already, at the series' end.
    const listed = new Set([item.id, ...item.exclude]);
    const chosen = [...new Set(item.pinned.filter((id) => !listed.has(id) && indexOf.has(id)))].slice(0, count);
    for (const { index } of scored) {
      if (chosen.length >= count) break;
      chosen.push(list[index]?.id ?? '');
    }
    result.set(item.id, chosen);
  });
  return result;
}
