import { readFileSync } from 'node:fs';
import { SEED } from './dist.ts';

export const seedText = readFileSync(SEED, 'utf8');

/** The seed's body lines (indented, between the counters and the login prompt), untouched. */
export const seedBodyLines = seedText
  .slice(seedText.indexOf('1105 0 0\n') + '1105 0 0\n'.length, seedText.indexOf('您需要登录后才可以回帖'))
  .split('\n')
  .filter((line) => line.trim() !== '');

/** Seed paragraphs only (the two heading lines are short and unpunctuated). */
export const seedParagraphs = seedBodyLines.filter((line) => line.trim().length > 30);

const FOOTER = ['您需要登录后才可以回帖 登录 | Sign Up', '', '本版积分规则', '', '987654 新手上路', '  • Follow', '', '    0', ''];

export interface ScrapeShape {
  title: string;
  breadcrumb?: string;
  /** Paragraph lines without their indent. */
  paragraphs: string[];
  /** heading text -> index of the paragraph it stands before */
  headings?: [text: string, before: number][];
  blankLines?: number;
  eol?: '\n' | '\r\n';
  bom?: boolean;
}

/** A scrape laid out like the seed: breadcrumb, title, id, counters, indented body, forum footer. */
export function makeScrape({ title, breadcrumb = '첫 페이지 美股新闻 본문', paragraphs, headings = [], blankLines = 0, eol = '\n', bom = false }: ScrapeShape): string {
  const body: string[] = [];
  paragraphs.forEach((paragraph, i) => {
    for (const [text, before] of headings) if (before === i) body.push(`  ${text}`);
    body.push(`  ${paragraph}`);
  });
  const gap = Array.from({ length: blankLines }, () => '');
  const lines = [breadcrumb, '', title, '', '555000111', '321 4 5', ...body.flatMap((line) => [line, ...gap]), ...FOOTER];
  return (bom ? '\uFEFF' : '') + lines.join(eol);
}
