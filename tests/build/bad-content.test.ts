import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT } from '../support/build-site.ts';

const tmp = await mkdtemp(path.join(os.tmpdir(), 'yuedu-bad-'));
afterAll(() => rm(tmp, { recursive: true, force: true }));

const GOOD = '---\ntitle: "好文章"\nsection: "美股新闻"\n---\n\n正文。\n';

async function contentFolder(
  name: string,
  articles: Record<string, string | Buffer>,
  series: Record<string, string> = {},
  authors: Record<string, string> = {},
): Promise<string> {
  const dir = path.join(tmp, name);
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  await mkdir(path.join(dir, 'series'), { recursive: true });
  await mkdir(path.join(dir, 'authors'), { recursive: true });
  for (const [file, text] of Object.entries(series)) await writeFile(path.join(dir, 'series', file), text);
  for (const [file, text] of Object.entries(authors)) await writeFile(path.join(dir, 'authors', file), text);
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

  it('lists every problem with series, parts, related reading and sections in the same build as the fields, without stack traces', async () => {
    const part = (extra: string) => `---\ntitle: "一篇"\nsection: "美股新闻"\n${extra}\n---\n\n正文。\n`;
    const dir = await contentFolder(
      'bad-refs',
      {
        // An editor's first try: a bad date, an unknown field and an unknown section, all at once.
        'three-faults.md': '---\ntitle: "三处错"\nsection: "体育"\ndate: "十月底"\nfoo: 1\n---\n\n正文。\n',
        'unknown-series.md': part('series: "no-such-series"'),
        'part-one.md': part('series: "typhoon"\nseries_part: 1'),
        'part-one-again.md': part('series: "typhoon"\nseries_part: 1'),
        'lonely-part.md': part('series_part: 2'),
        'missing-related.md': part('related: ["part-one", "gone-article"]'),
        'self-related.md': part('related: ["self-related"]'),
      },
      {
        'typhoon.md': '---\ntitle: "台风过后"\ndescription: "三篇报道。"\n---\n\n导语。\n',
        'no-description.md': '---\ntitle: "没有简介"\n---\n',
        'cover-no-alt.md': '---\ntitle: "封面"\ndescription: "有封面没有说明。"\ncover: "./cover.jpg"\n---\n',
        'preparing.md': '---\ntitle: "筹备中"\ndescription: "还没有文章。"\n---\n',
      },
    );
    // Search aliases: a group of one word, and a number where a word belongs.
    await writeFile(path.join(dir, 'search-aliases.json'), JSON.stringify([['悉尼'], ['川普', 3]]));
    const { code, output } = await buildSite({ outDir: path.join(tmp, 'out-refs'), contentDir: dir });
    expect(code).not.toBe(0);
    for (const line of [
      /articles\/three-faults\.md: "date": expected YYYY-MM-DD, got "十月底"/,
      /articles\/three-faults\.md: "foo": unknown field/,
      /articles\/three-faults\.md: "section": unknown section "体育"/,
      /articles\/unknown-series\.md: "series": no series "no-such-series"; start it as .*series\/no-such-series\.md or use one of: cover-no-alt, no-description, preparing, typhoon/,
      /articles\/part-one\.md: "series_part": part 1 of "typhoon" is also .*articles\/part-one-again\.md|articles\/part-one-again\.md: "series_part": part 1 of "typhoon" is also .*articles\/part-one\.md/,
      /articles\/lonely-part\.md: "series_part": given without "series"/,
      /articles\/missing-related\.md: "related": no article "gone-article" \(no articles\/gone-article\.md or articles\/gone-article\/index\.md\)/,
      /articles\/self-related\.md: "related": lists the article itself/,
      /series\/no-description\.md: "description": required/,
      /series\/cover-no-alt\.md: "cover_alt": required when "cover" is given/,
      /series\/preparing\.md: no article has "series: preparing" yet/,
      /search-aliases\.json: "0": a group needs at least two words/,
      /search-aliases\.json: "1\.1": .*expected string/,
    ]) {
      expect(output).toMatch(line);
    }
    expect(output).toMatch(/12 content problems; fix these and build again/);
    // Editors see file, field and fix, not where in our code the check ran.
    expect(output).not.toMatch(/Stack trace|Location:|articles-loader\.ts/);
  });

  it('lists every problem with bylines, author files and corrections in the same build, and lets a Chinese name or an agency be a plain byline', async () => {
    const article = (extra: string) => `---\ntitle: "一篇"\nsection: "美股新闻"\n${extra}\n---\n\n正文。\n`;
    const dir = await contentFolder(
      'bad-authors',
      {
        'both.md': article('author: "张三"\nauthors: ["李四"]'),
        'long-role.md': article('authors: [{ name: "李四", role: "负责本文全部采访写作与事实核查工作的特约撰稿人" }]'),
        'unknown-slug.md': article('authors: [wang-wu, "新华社", { name: "赵六", role: "编译" }]'),
        'empty-list.md': article('authors: []'),
        'fine-names.md': article('authors: ["蓝鲸财经", reuters, { name: zhang-san, role: "记者" }]'),
        'early-fix.md': article('date: 2024-05-01\ncorrections: [{ date: 2024-04-30, text: "改正了一个数字。" }]'),
        'half-fix.md': article('corrections: [{ date: 2024-05-02 }]'),
      },
      {},
      {
        'zhang-san.md': '---\nname: "张三"\n---\n',
        'no-name.md': '---\ntitle: "记者"\n---\n',
        'photo-no-alt.md': '---\nname: "李四"\nphoto: "./li-si.jpg"\n---\n',
      },
    );
    const { code, output } = await buildSite({ outDir: path.join(tmp, 'out-authors'), contentDir: dir });
    expect(code).not.toBe(0);
    for (const line of [
      /articles\/both\.md: "authors": given with "author": keep one/,
      /articles\/long-role\.md: "authors\.0\.role": a role is at most 20 characters/,
      /articles\/unknown-slug\.md: "authors": no author file "wang-wu"; add .*authors\/wang-wu\.md, or write the person's name/,
      /articles\/empty-list\.md: "authors": list at least one name/,
      /authors\/no-name\.md: "name": required/,
      /authors\/photo-no-alt\.md: "photo_alt": required when "photo" is given/,
      /articles\/early-fix\.md: "corrections\.0\.date": 2024-04-30 is before the article's date 2024-05-01/,
      /articles\/half-fix\.md: "corrections\.0\.text": required/,
    ]) {
      expect(output).toMatch(line);
    }
    expect(output).toMatch(/8 content problems; fix these and build again/);
    // A Chinese name, an agency and an ASCII word without a dash are names, not missing files.
    expect(output).not.toMatch(/fine-names\.md|"新华社"|"赵六"/);
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
