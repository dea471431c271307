import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT } from '../support/build-site.ts';

const tmp = await mkdtemp(path.join(os.tmpdir(), 'yuedu-bad-'));
afterAll(() => rm(tmp, { recursive: true, force: true }));

const GOOD = '---\ntitle: "好文章"\nsection: "美股新闻"\n---\n\n正文。\n';

async function contentFolder(name: string, articles: Record<string, string | Buffer>): Promise<string> {
  const dir = path.join(tmp, name);
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  await writeFile(path.join(dir, 'sections.json'), JSON.stringify([{ slug: 'us-stocks', name: '美股新闻' }]));
  await writeFile(path.join(dir, 'site.json'), JSON.stringify({ name: '阅读', description: '测试', publisher: '阅读' }));
  for (const [file, text] of Object.entries(articles)) await writeFile(path.join(dir, 'articles', file), text);
  return dir;
}

describe('a bad content file stops the build', () => {
  it('names the file and every bad field, for every kind of mistake at once', async () => {
    const dir = await contentFolder('bad', {
      'no-title.md': '---\nsection: "美股新闻"\n---\n\n正文。\n',
      'wrong-type.md': '---\ntitle: ["不是", "文字"]\nsection: "美股新闻"\n---\n\n正文。\n',
      'bad-date.md': '---\ntitle: "日期"\nsection: "美股新闻"\ndate: "十月底"\n---\n\n正文。\n',
      'empty-body.md': '---\ntitle: "空"\nsection: "美股新闻"\n---\n\n',
      'gbk.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xb1, 0xea, 0xcc, 0xe2, 0x0a]),
      // On a case-insensitive disk these two would be one file: only lowercase ASCII names are slugs.
      'Fine.md': GOOD,
      'fine.md': GOOD,
    });
    const { code, output } = await buildSite({ outDir: path.join(tmp, 'out-bad'), contentDir: dir });
    expect(code).not.toBe(0);
    expect(output).toMatch(/articles\/no-title\.md: "title": required/);
    expect(output).toMatch(/articles\/wrong-type\.md: "title": .*expected string, received array/);
    expect(output).toMatch(/articles\/bad-date\.md: "date": expected YYYY-MM-DD, got "十月底"/);
    expect(output).toMatch(/articles\/empty-body\.md: body: empty/);
    expect(output).toMatch(/articles\/gbk\.md: not valid UTF-8/);
    expect(output).toMatch(/articles\/Fine\.md: file name: "Fine" is not an ASCII slug/);
    expect(output).not.toMatch(/articles\/fine\.md:/);
  });

  it('builds from the same kind of folder once the files are fixed (the failure is the content, not the setup)', async () => {
    const dir = await contentFolder('good', { 'fine.md': GOOD });
    const { code, output } = await buildSite({ outDir: path.join(tmp, 'out-good'), contentDir: dir });
    expect(output).toContain('1 article(s): ');
    expect(code).toBe(0);
  });
});

describe('npm run build', () => {
  it('leaves the previous good dist/ exactly as it was when a build fails', async () => {
    const out = path.join(tmp, 'site');
    const build = (env: NodeJS.ProcessEnv = {}) =>
      spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.ts'), '--out', out], {
        cwd: ROOT,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
        encoding: 'utf8',
      });
    expect(build().status).toBe(0);
    const before = await stat(path.join(out, 'index.html'));
    const files = await readdir(out, { recursive: true });
    const home = await readFile(path.join(out, 'index.html'), 'utf8');

    const bad = await contentFolder('bad-again', { 'no-title.md': '---\nsection: "美股新闻"\n---\n\n正文。\n' });
    const failed = build({ YUEDU_CONTENT_DIR: bad });
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toContain('was left as it was');
    expect(await readdir(out, { recursive: true })).toEqual(files);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe(home);
    expect((await stat(path.join(out, 'index.html'))).mtimeMs).toBe(before.mtimeMs);
    expect((await readdir(tmp)).filter((name) => name.startsWith('site.'))).toEqual([]);
  });
});
