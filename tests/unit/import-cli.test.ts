import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/build-site.ts';
import { ARTICLE_ID, SEED } from '../support/dist.ts';
import { runImportSync } from '../support/run-import.ts';

let tmp: string;
let content: string;
const target = () => path.join(content, 'articles', `${ARTICLE_ID}.md`);
const seedPath = () => path.join(tmp, 'seed.txt');

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'yuedu-import-'));
  content = path.join(tmp, 'content');
  await mkdir(path.join(content, 'articles'), { recursive: true });
  await writeFile(path.join(content, 'sections.json'), JSON.stringify([{ slug: 'us-stocks', name: '美股新闻' }]));
  await writeFile(seedPath(), await readFile(SEED));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

const runImport = (...args: string[]) => runImportSync({ cwd: tmp, content }, ...args);

describe('npm run import', () => {
  it('--dry-run prints the content file and writes nothing', async () => {
    const { code, stdout } = runImport(seedPath(), '--dry-run');
    expect(code).toBe(0);
    expect(stdout).toBe(await readFile(path.join(ROOT, 'content/articles', `${ARTICLE_ID}.md`), 'utf8'));
    expect(await readdir(path.join(content, 'articles'))).toEqual([]);
  });

  it('writes content/articles/<slug>.md and leaves no temporary file behind', async () => {
    const { code, stdout } = runImport(seedPath());
    expect(code).toBe(0);
    expect(stdout).toContain(`${ARTICLE_ID}.md`);
    expect(await readdir(path.join(content, 'articles'))).toEqual([`${ARTICLE_ID}.md`]);
  });

  it('refuses to overwrite an existing file without --force, and keeps it intact', async () => {
    await writeFile(target(), 'an editor’s fixes\n');
    const { code, stderr } = runImport(seedPath());
    expect(code).toBe(1);
    expect(stderr).toBe(`import: ${seedPath()}: content/articles/${ARTICLE_ID}.md already exists; pass --force to replace it`);
    expect(await readFile(target(), 'utf8')).toBe('an editor’s fixes\n');
  });

  it('replaces it with --force', async () => {
    expect(runImport(seedPath(), '--force').code).toBe(0);
    expect(await readFile(target(), 'utf8')).toMatch(/^---\ntitle: "阿里云还是阿里巴巴的那朵云"/);
  });

  it('takes --slug and --section', async () => {
    await writeFile(path.join(content, 'sections.json'), JSON.stringify([{ slug: 'us-stocks', name: '美股新闻' }, { slug: 'tech', name: '科技' }]));
    const { code } = runImport(seedPath(), '--slug', 'aliyun', '--section', '科技');
    expect(code).toBe(0);
    expect(await readFile(path.join(content, 'articles/aliyun.md'), 'utf8')).toContain('section: "科技"');
  });

  it.each([
    ['a missing file', 'missing.txt', null, 'no such file'],
    ['an empty file', 'empty.txt', '', 'file is empty'],
    ['binary garbage', 'garbage.bin', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), 'not text'],
    ['a scrape without a title', 'no-title.txt', '123457886\n  只有正文，没有标题。\n', 'no recognisable title'],
    ['a scrape without body paragraphs', 'no-body.txt', '标题\n\n1105 0 0\n', 'no body paragraphs'],
  ])('%s: exits 1 with one line naming the file and the problem', async (_, name, data, message) => {
    const file = path.join(tmp, name);
    if (data !== null) await writeFile(file, data);
    const { code, stderr } = runImport(file);
    expect(code).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`^import: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ${message}`));
  });

  it('explains its usage when called without a file or folder', () => {
    const { code, stderr } = runImport();
    expect(code).toBe(2);
    expect(stderr).toContain('usage: npm run import -- <https://… | page.html | scrape.txt | folder>...');
    expect(stderr).toContain('--help');
  });

  it('--help teaches the command: every option, and an example for each kind of input', () => {
    const { code, stdout, stderr } = runImport('--help');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const option of ['--section', '--slug', '--url', '--fetch-images', '--timeout', '--no-new-section', '--force', '--dry-run']) expect(stdout).toContain(option);
    const examples = stdout.split('Examples:')[1]?.split('\n').filter((line) => line.includes('npm run import')) ?? [];
    expect(examples.some((line) => / https:\/\/\S+\.html/.test(line))).toBe(true);
    expect(examples.some((line) => /\.html( |$)/.test(line) && !line.includes('https://'))).toBe(true);
    expect(examples.some((line) => /\/( |$)/.test(line))).toBe(true);
    expect(examples.some((line) => line.includes('.txt'))).toBe(true);
  });
});
