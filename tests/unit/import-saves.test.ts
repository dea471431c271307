import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { savedBy } from '../../src/lib/import/html/saved-by.ts';
import { readMhtml } from '../../src/lib/import/html/mhtml.ts';
import { ROOT } from '../support/build-site.ts';
import { PICTURE_FIXTURE } from '../support/picture-site.ts';
import { runImportSync } from '../support/run-import.ts';

// The files browsers and SingleFile write when a reader saves a page, as the importer meets them.

const SAVED = path.join(ROOT, 'tests/fixtures/saved');
let tmp: string;
let content: string;
const articles = () => path.join(content, 'articles');

const runImport = (...args: string[]) => runImportSync({ cwd: tmp, content }, ...args);

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'yuedu-saves-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));
beforeEach(async () => {
  content = path.join(tmp, `content-${Math.random().toString(36).slice(2)}`);
  await mkdir(articles(), { recursive: true });
  await writeFile(path.join(content, 'sections.json'), JSON.stringify([{ slug: 'city', name: '城市' }]));
});

const prose = Array.from({ length: 5 }, (_, i) => `<p>第${i + 1}段：记者在现场看到，排队的市民一直延伸到街角。多位受访者表示，这一变化在过去几个月里逐渐显现，影响了许多家庭的日常安排。</p>`).join('');

async function write(name: string, data: string | Uint8Array) {
  const file = path.join(tmp, name);
  await writeFile(file, data);
  return file;
}

describe('MHTML (Chrome "Webpage, Single File")', () => {
  // Written by Chromium 156 itself (Page.captureSnapshot, the save Chrome's menu makes): see tests/fixtures/saved/README.md.
  const fixture = path.join(SAVED, 'chromium.mhtml');

  it('reads the parts of a real Chromium save: the page, its picture, its address and save time', async () => {
    const mhtml = readMhtml(await readFile(fixture));
    expect(mhtml.url).toBe('http://news.example.cn/2024/05/metro.html');
    expect(mhtml.savedAt).toMatch(/GMT$/);
    expect(new TextDecoder().decode(mhtml.html)).toContain('地铁十四号线东段今日开通');
    expect(mhtml.parts.get('http://news.example.cn/img/flow.png')).toEqual(await readFile(path.join(PICTURE_FIXTURE, 'revenue-chart.png')));
  });

  it('imports it with its picture as a file, its address as source_url, and not its save time as the date', async () => {
    const { code, stdout, stderr } = runImport(fixture);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const folder = path.join(articles(), (await readdir(articles()))[0] ?? '');
    const text = await readFile(path.join(folder, 'index.md'), 'utf8');
    expect(text).toContain('title: "地铁十四号线东段今日开通"');
    expect(text).toContain('source_url: "http://news.example.cn/2024/05/metro.html"');
    // The byline line Readability lifts out of the body.
    expect(text).toContain('author: "李明"');
    expect(text).not.toMatch(/^date:/m);
    expect(text).toMatch(/!\[客流预测图\]\(\.\/p-[0-9a-f]{10}\.png "十四号线东段客流预测"\)/);
    expect((await readdir(folder)).filter((f) => f.endsWith('.png'))).toHaveLength(1);
    expect(stdout).toMatch(/address http:\/\/news\.example\.cn\/2024\/05\/metro\.html from the MHTML file \(saved .*GMT; the article's date is the page's own\)/);
  });

  it('refuses a file cut short or with its boundary broken, in one line, writing nothing', async () => {
    const whole = await readFile(fixture, 'latin1');
    const cut = await write('cut.mhtml', Buffer.from(whole.slice(0, whole.length - 200), 'latin1'));
    const noBoundary = await write('nob.mhtml', Buffer.from(whole.replace(/boundary="[^"]+"/, 'boundary="elsewhere"'), 'latin1'));
    for (const file of [cut, noBoundary]) {
      const { code, stderr } = runImport(file, '--section', '城市');
      expect(code).toBe(1);
      expect(stderr.split('\n')).toHaveLength(1);
      expect(stderr).toMatch(new RegExp(`^import: ${file}: an MHTML file with a broken structure: the boundary never (closes|occurs).*save the page again`));
    }
    expect(await readdir(articles())).toEqual([]);
  });
});

describe('a page saved by Chrome ("Webpage, complete") or SingleFile', () => {
  it('takes the address from Chrome’s "saved from url" comment: source_url, and links to pictures not saved', async () => {
    const page = `<!DOCTYPE html>\n<!-- saved from url=(0045)https://news.example.cn/2024/05/02/metro.html -->\n<html lang="zh-CN"><head><meta charset="utf-8"><title>公交线路调整_城市_示例网</title><meta property="article:section" content="城市"></head><body><article><h1>公交线路调整</h1>${prose}<p><img src="../img/bus.jpg" alt="新线路图"></p>${prose}</article></body></html>`;
    const file = await write('chrome.html', page);
    const { code, stdout } = runImport(file);
    expect(code).toBe(0);
    const text = await readFile(path.join(articles(), (await readdir(articles()))[0] ?? ''), 'utf8');
    expect(text).toContain('source_url: "https://news.example.cn/2024/05/02/metro.html"');
    expect(text).toContain('[新线路图](https://news.example.cn/2024/05/img/bus.jpg)');
    expect(stdout).toContain('address https://news.example.cn/2024/05/02/metro.html from Chrome\'s "saved from url" comment');
  });

  it('takes the address and save date from SingleFile’s header, copies its data: pictures out as files, and never dates the article by the save', async () => {
    const png = (await readFile(path.join(PICTURE_FIXTURE, 'revenue-chart.png'))).toString('base64');
    const page = `<!DOCTYPE html> <html lang="zh-CN"><!--\n Page saved with SingleFile \n url: https://news.example.cn/2024/05/03/ferry.html \n saved date: Fri May 03 2024 21:14:07 GMT+0800 (中国标准时间)\n--><head><meta charset="utf-8"><title>轮渡恢复运营_城市_示例网</title><meta property="article:section" content="城市"></head><body><article><h1>轮渡恢复运营</h1>${prose}<figure><img src="data:image/png;base64,${png}" alt="航线图"><figcaption>新航线示意</figcaption></figure>${prose}</article></body></html>`;
    const file = await write('singlefile.html', page);
    const { code, stdout } = runImport(file);
    expect(code).toBe(0);
    const folder = path.join(articles(), (await readdir(articles()))[0] ?? '');
    const text = await readFile(path.join(folder, 'index.md'), 'utf8');
    expect(text).toContain('source_url: "https://news.example.cn/2024/05/03/ferry.html"');
    expect(text).not.toMatch(/^date:/m);
    expect(text).toMatch(/!\[航线图\]\(\.\/p-[0-9a-f]{10}\.png "新航线示意"\)/);
    expect(stdout).toContain('address https://news.example.cn/2024/05/03/ferry.html from the SingleFile header (saved Fri May 03 2024 21:14:07 GMT+0800 (中国标准时间); the article\'s date is the page\'s own)');
  });

  it('--url still wins over what the file says, and a local save (about:internet) gives no address', async () => {
    const page = `<!DOCTYPE html>\n<!-- saved from url=(0045)https://news.example.cn/2024/05/02/metro.html -->\n<html lang="zh-CN"><head><meta charset="utf-8"><title>公交线路调整</title></head><body><article><h1>公交线路调整</h1>${prose}</article></body></html>`;
    const { code, stdout } = runImport(await write('chrome-url.html', page), '--url', 'https://elsewhere.example.cn/a.html', '--section', '城市');
    expect(code).toBe(0);
    expect(await readFile(path.join(articles(), (await readdir(articles()))[0] ?? ''), 'utf8')).toContain('source_url: "https://elsewhere.example.cn/a.html"');
    expect(stdout).not.toContain('saved from url');
    expect(savedBy('<!DOCTYPE html><!-- saved from url=(0014)about:internet --><html>')).toEqual({ tool: 'Chrome', url: undefined, savedAt: undefined });
    expect(savedBy('<!doctype html><html><head><title>x</title>')).toBeUndefined();
    expect(savedBy('<html><!--\n Page saved with SingleFile \n url: https://a.example/x \n saved date: Mon Jan 01 2024\n-->')).toEqual({
      tool: 'SingleFile',
      url: 'https://a.example/x',
      savedAt: 'Mon Jan 01 2024',
    });
  });
});
