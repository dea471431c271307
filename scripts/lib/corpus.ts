/**
 * A deterministic synthetic newsroom for benchmarks: N Chinese articles built
 * from the seed article's sentences plus generated names, written into a
 * folder of its own (never content/). The same N and seed give the same bytes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const SECTIONS = [
  { slug: 'us-stocks', name: '美股新闻' },
  { slug: 'tech', name: '科技' },
  { slug: 'finance', name: '财经' },
  { slug: 'world', name: '国际' },
  { slug: 'china', name: '国内' },
  { slug: 'culture', name: '文化' },
];

/** In nearly every article: the benchmark's common term. */
export const COMMON_TERM = '阿里巴巴';
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
}

export async function writeCorpus(dir: string, { articles, seed = 1, source }: CorpusOptions): Promise<void> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const sentences = source
    .split(/(?<=[。！？])/u)
    .map((s) => s.replace(/^[#\s]+/u, '').trim())
    .filter((s) => s.length > 8);
  const phrases = [...new Set(source.match(/\p{Script=Han}{4,9}/gu) ?? [])];
  const common = sentences.filter((s) => s.includes(COMMON_TERM));
  const person = () => pick([...SURNAMES]) + pick([...GIVEN]) + (next() < 0.6 ? pick([...GIVEN]) : '');

  await mkdir(path.join(dir, 'articles'), { recursive: true });
  await writeFile(path.join(dir, 'sections.json'), `${JSON.stringify(SECTIONS, null, 2)}\n`);
  await writeFile(
    path.join(dir, 'site.json'),
    `${JSON.stringify({ name: '阅读', description: '合成新闻库，用于基准测试。', publisher: '阅读' }, null, 2)}\n`,
  );
  const digits = String(articles).length;
  for (let k = 0; k < articles; k++) {
    const name = person();
    const title = `${name}：${pick(phrases)}${next() < 0.5 ? `与${pick(phrases)}` : ''}`;
    const targetBytes = 1024 + Math.floor(next() * 7 * 1024);
    const headings = 2 + Math.floor(next() * 5);
    const paragraphs: string[] = [`${name}表示，${pick(common)}`, `据悉，${rareTerm(k)}由${name}牵头。${pick(sentences)}`];
    let bytes = Buffer.byteLength(paragraphs.join(''));
    while (bytes < targetBytes) {
      const paragraph = Array.from({ length: 2 + Math.floor(next() * 3) }, () =>
        next() < 0.15 ? `${person()}认为，${pick(sentences)}` : pick(sentences),
      ).join('');
      paragraphs.push(paragraph);
      bytes += Buffer.byteLength(paragraph);
    }
    const every = Math.max(1, Math.floor(paragraphs.length / (headings + 1)));
    const body = paragraphs.flatMap((p, i) => (i > 0 && i % every === 0 && i / every <= headings ? [`## ${pick(phrases)}`, p] : [p]));
    const day = new Date(Date.UTC(2023, 0, 1) + ((k * 7919) % 1000) * 86_400_000).toISOString().slice(0, 10);
    const file = [
      '---',
      `title: ${JSON.stringify(title)}`,
      `section: ${JSON.stringify(pick(SECTIONS).name)}`,
      `date: ${day}`,
      '---',
      '',
      body.join('\n\n'),
      '',
    ].join('\n');
    await writeFile(path.join(dir, 'articles', `a-${String(k).padStart(digits, '0')}.md`), file);
  }
}
