import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build-site.ts';

const tmp = await mkdtemp(path.join(os.tmpdir(), 'yuedu-bad-'));
afterAll(() => rm(tmp, { recursive: true, force: true }));

async function contentFolder(name: string, articles: Record<string, string>): Promise<string> {
  const dir = path.join(tmp, name);
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  await writeFile(path.join(dir, 'sections.json'), JSON.stringify([{ slug: 'us-stocks', name: '美股新闻' }]));
  for (const [file, text] of Object.entries(articles)) await writeFile(path.join(dir, 'articles', file), text);
  return dir;
}

describe('a bad content file stops the build', () => {
  it('names the file and every bad field, for a missing title and a wrongly typed field together', async () => {
    const dir = await contentFolder('bad', {
      'no-title.md': '---\nsection: "美股新闻"\n---\n\n正文。\n',
      'wrong-type.md': '---\ntitle: ["不是", "文字"]\nsection: "美股新闻"\n---\n\n正文。\n',
      'fine.md': '---\ntitle: "好文章"\nsection: "美股新闻"\n---\n\n正文。\n',
    });
    const { code, output } = await buildSite({ outDir: path.join(tmp, 'out-bad'), contentDir: dir });
    expect(code).not.toBe(0);
    expect(output).toMatch(/articles\/no-title\.md: "title": required/);
    expect(output).toMatch(/articles\/wrong-type\.md: "title": .*expected string, received array/);
    expect(output).not.toMatch(/fine\.md:/);
  });

  it('builds from the same kind of folder once the files are fixed (the failure is the content, not the setup)', async () => {
    const dir = await contentFolder('good', {
      'fine.md': '---\ntitle: "好文章"\nsection: "美股新闻"\n---\n\n正文。\n',
    });
    const { code, output } = await buildSite({ outDir: path.join(tmp, 'out-good'), contentDir: dir });
    expect(output).toContain('1 article(s) rendered with markdown-it');
    expect(code).toBe(0);
  });
});
