import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unallowedStyles } from '../../src/integrations/inline-styles.ts';
import { STYLESHEET, STYLESHEET_HASH } from '../../src/lib/publish/stylesheet.ts';
import { CSP_HEADER, CSP_META } from '../../src/lib/publish/security.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function site(pages: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yuedu-styles-'));
  dirs.push(dir);
  for (const [name, html] of Object.entries(pages)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), html);
  }
  return dir;
}

describe('the inline stylesheet and the CSP', () => {
  it('is the minified global.css, allowed by its hash in the page’s and the host’s policy, never by unsafe-inline', () => {
    expect(STYLESHEET).toMatch(/^:root\{color-scheme:light dark;/);
    expect(STYLESHEET).not.toMatch(/\/\*|\n/);
    expect(STYLESHEET_HASH).toBe(`'sha256-${createHash('sha256').update(STYLESHEET).digest('base64')}'`);
    for (const csp of [CSP_META, CSP_HEADER]) {
      expect(csp).toContain(`style-src 'self' ${STYLESHEET_HASH};`);
      expect(csp).not.toContain('unsafe-inline');
    }
  });

  it('fails a build that would ship a style the CSP blocks, naming every page, and passes one that does not', async () => {
    const good = `<!doctype html><html><head><style>${STYLESHEET}</style></head><body><p>正文</p><pre>&lt;p style=&quot;color:red&quot;&gt;</pre></body></html>`;
    const dir = await site({
      'index.html': good,
      'articles/a/index.html': good.replace('<p>正文</p>', '<p style="color:red">正文</p>'),
      'articles/b/index.html': good.replace('</head>', '<style>.x{color:red}</style></head>'),
    });
    const problems = await unallowedStyles(dir, [STYLESHEET_HASH]);
    expect(problems).toEqual([
      'articles/a/index.html: a style="" attribute, which the CSP blocks (use a class)',
      expect.stringMatching(/^articles\/b\/index\.html: an inline <style> whose hash 'sha256-[^']+' the CSP does not allow$/),
    ]);
    expect(await unallowedStyles(await site({ 'index.html': good }), [STYLESHEET_HASH])).toEqual([]);
  });
});
