/**
 * A deterministic synthetic newsroom for benchmarks: N Chinese articles
 * written into a folder of its own (never content/). The same N and seed give
 * the same bytes.
 *
 * Its words are real: OpenCC's simplified phrase list (about 46,000 words of
 * two to four characters), drawn with Zipf-like frequencies, so the number of
 * distinct words grows with the corpus as in real news (Heaps' law), mixed
 * with the seed article's sentences and generated names. Dates run over five
 * years in article order, so the newest articles are the last written.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import phraseList from 'opencc-js/dict/STPhrases';

export const SECTIONS = [
  { slug: 'us-stocks', name: '美股新闻' },
  { slug: 'tech', name: '科技' },
  { slug: 'finance', name: '财经' },
  { slug: 'world', name: '国际' },
  { slug: 'china', name: '国内' },
  { slug: 'culture', name: '文化' },
];

/** In every article: the benchmark's common term. */
export const COMMON_TERM = '阿里巴巴';
/** In every tenth article (k % 10 === 3): a term held by 10% of the archive. */
export const TENTH_TERM = '碳中和';
export const holdsTenth = (k: number) => k % 10 === 3;
/** Exponent of the Zipf-like draw: word r is drawn with weight 1 / r^s. */
const ZIPF = 1.05;
/** The span of publication dates, and its first day. */
const YEARS = 5;
const FIRST_DAY = Date.UTC(2021, 0, 1);
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力鹏宇晨轩澜舟星岚峰云海';
const RARE = '甍罍鬯彧黻黼鞶氍毹甗簋簠笾豆匜盉斝觥觯爵尊卣壶罂瓿缶盂鉴';

/** mulberry32: tiny, fast, and the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A word that occurs in article k and no other: the benchmark's rare term. */
export function rareTerm(k: number): string {
  const chars = [...RARE];
  let n = k;
  let word = '';
  for (let i = 0; i < 4; i++) {
    word += chars[n % chars.length];
    n = Math.floor(n / chars.length);
  }
  return `${word}计划`;
}

export interface CorpusOptions {
  articles: number;
  seed?: number;
  /** Sentences to draw from: the seed article's body. */
  source: string;
  /** Write articles from this number on (the earlier ones exist): a day's new articles. */
  from?: number;
  /** Digits of the file numbers (a-0042.md); by default those of `articles`. */
  digits?: number;
}

/** The real vocabulary, in a fixed shuffled order (rank 1 first), without the benchmark's terms. */
function vocabulary(next: () => number): string[] {
  const words = [...new Set(phraseList.split('|').map((entry) => entry.split(' ')[0] ?? ''))].filter(
    (word) => /^\p{Script=Han}{2,4}$/u.test(word) && !word.includes(TENTH_TERM) && !COMMON_TERM.includes(word) && !word.includes(COMMON_TERM),
  );
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [words[i], words[j]] = [words[j] as string, words[i] as string];
  }
  return words;
}

/** Draws ranks with weight 1 / r^ZIPF by binary search over the cumulative weights. */
function zipf(size: number, next: () => number): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let r = 0; r < size; r++) cumulative[r] = total += 1 / (r + 1) ** ZIPF;
  return () => {
    const target = next() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Where article k is written. */
export const corpusFile = (dir: string, k: number, digits: number) => path.join(dir, 'articles', `a-${String(k).padStart(digits, '0')}.md`);

/** Article k's day: the archive spans YEARS years in article order, at least one article a day. */
export function dateOf(k: number, articles: number): string {
  const perDay = Math.max(1, articles / (YEARS * 365));
  return new Date(FIRST_DAY + Math.floor(k / perDay) * 86_400_000).toISOString().slice(0, 10);
}

export async function writeCorpus(dir: string, { articles, seed = 1, source, from = 0, digits = String(articles).length }: CorpusOptions): Promise<void> {
  const base = random(seed);
  const words = vocabulary(base);
  const rank = zipf(words.length, base);
  const sentences = source
    .split(/(?<=[。！？])/u)
    .map((s) => s.replace(/^[#\s]+/u, '').trim())
    .filter((s) => s.length > 8);
  const common = sentences.filter((s) => s.includes(COMMON_TERM));

  await mkdir(path.join(dir, 'articles'), { recursive: true });
  await writeFile(path.join(dir, 'sections.json'), `${JSON.stringify(SECTIONS, null, 2)}\n`);
  await writeFile(
    path.join(dir, 'site.json'),
    `${JSON.stringify({ name: '阅读', description: '合成新闻库，用于基准测试。', publisher: '阅读' }, null, 2)}\n`,
  );
  for (let k = from; k < articles; k++) {
    // Each article its own stream: article k reads the same whatever was written before it.
    const next = random(seed * 1_000_003 + k);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const word = () => words[rank()] as string;
    const person = () => pick([...SURNAMES]) + pick([...GIVEN]) + (next() < 0.6 ? pick([...GIVEN]) : '');
    // A sentence of real words: clauses of two to five words, the way news strings its phrases.
    const made = () =>
      Array.from({ length: 2 + Math.floor(next() * 3) }, () => Array.from({ length: 2 + Math.floor(next() * 4) }, word).join('')).join('，') + '。';
    const name = person();
    const title = `${name}：${word()}${word()}${next() < 0.5 ? `与${word()}` : ''}`;
    const targetBytes = 1024 + Math.floor(next() * 7 * 1024);
    const headings = 2 + Math.floor(next() * 5);
    const paragraphs: string[] = [`${name}表示，${pick(common)}`, `据悉，${rareTerm(k)}由${name}牵头。${made()}`];
    if (holdsTenth(k)) paragraphs.push(`${name}谈到${TENTH_TERM}时说，${made()}`);
    let bytes = Buffer.byteLength(paragraphs.join(''));
    while (bytes < targetBytes) {
      const paragraph = Array.from({ length: 2 + Math.floor(next() * 3) }, () => {
        const roll = next();
        return roll < 0.15 ? `${person()}认为，${made()}` : roll < 0.35 ? pick(sentences) : made();
      }).join('');
      paragraphs.push(paragraph);
      bytes += Buffer.byteLength(paragraph);
    }
    const every = Math.max(1, Math.floor(paragraphs.length / (headings + 1)));
    const body = paragraphs.flatMap((p, i) => (i > 0 && i % every === 0 && i / every <= headings ? [`## ${word()}${word()}`, p] : [p]));
    const file = [
      '---',
      `title: ${JSON.stringify(title)}`,
      `section: ${JSON.stringify(pick(SECTIONS).name)}`,
      `date: ${dateOf(k, articles)}`,
      '---',
      '',
      body.join('\n\n'),
      '',
    ].join('\n');
    await writeFile(corpusFile(dir, k, digits), file);
  }
}
