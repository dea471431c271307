import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from '../../tests/support/build-site.ts';

// Each page and the words its title starts with, so every copy gets a title (and slug) of its own.
const FIXTURES = [
  ['qq', 'DeepMind新电脑'],
  ['pixnet', '新竹尖石_美樹營地賞楓'],
  ['gmw', '宇航员在太空中喝酒'],
  ['youth', '海外留学生看两会'],
] as const;

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; ms: number; stderr: string }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/import-article.ts'), ...args], { env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.stdout.resume();
    child.on('close', (code) => resolve({ code, ms: performance.now() - started, stderr }));
  });
}

/**
 * The web importer: a batch of 100 saved pages (Readability's four Chinese
 * test pages, 25 copies each with their own address) into an empty content
 * folder, and one 10 MB page; milliseconds per page, printed.
 */
export async function benchImport(tmp: string): Promise<void> {
  const pages = path.join(tmp, 'import-pages');
  await mkdir(pages, { recursive: true });
  for (let i = 0; i < 100; i++) {
    const [name, title] = FIXTURES[i % FIXTURES.length] ?? FIXTURES[0];
    const html = await readFile(path.join(ROOT, 'tests/fixtures/web', name, 'source.html'), 'utf8');
    // Each copy is its own article: its own title and canonical address.
    const copy = html.replaceAll(title, `${title}第${i}篇`).replace(/<link rel="canonical"[^>]*>/i, '').replace(/<head([^>]*)>/i, `<head$1><link rel="canonical" href="https://example.cn/${i}.html">`);
    await writeFile(path.join(pages, `${String(i).padStart(3, '0')}-${name}.html`), copy);
  }
  const content = path.join(tmp, 'import-content');
  await mkdir(path.join(content, 'articles'), { recursive: true });
  await cp(path.join(ROOT, 'content/sections.json'), path.join(content, 'sections.json'));
  const batch = await run([pages, '--section', '美股新闻'], { YUEDU_CONTENT_DIR: content });
  const written = (await readdir(path.join(content, 'articles'))).length;
  console.log(`\nimport: 100 saved pages in ${(batch.ms / 1000).toFixed(1)} s (${(batch.ms / 100).toFixed(0)} ms per page, one process), ${written} articles written, exit ${batch.code}`);

  const para = '<p>记者在现场看到，排队的市民一直延伸到街角。多位受访者表示，这一变化在过去几个月里逐渐显现，影响了许多家庭的日常安排。</p>';
  const big = `<!doctype html><html><head><meta charset="utf-8"><title>大页面_示例网</title></head><body><article><h1>大页面</h1>${para.repeat(30)}</article><div class="comments">${'<p>网友留言：很好。</p>'.repeat(400_000)}</div></body></html>`;
  const bigFile = path.join(tmp, 'big.html');
  await writeFile(bigFile, big);
  const one = await run([bigFile, '--section', '美股新闻', '--dry-run'], { YUEDU_CONTENT_DIR: content });
  console.log(`import: one ${(Buffer.byteLength(big) / 1024 / 1024).toFixed(1)} MB page in ${(one.ms / 1000).toFixed(1)} s, exit ${one.code}`);
}
