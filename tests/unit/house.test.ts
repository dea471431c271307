import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/build-site.ts';
import { findCycles, readSources, type SourceFile } from '../support/imports.ts';

// The house as README "Where things live" draws it: build-time rooms under src/lib, browser rooms
// under src/client. A newcomer finds a concern by its room, and data flows one way between them.
const sources = readSources(['src', 'scripts']);
const LIB_ROOMS = ['content', 'import', 'publish', 'render', 'search'];
const CLIENT_ROOMS = ['offline', 'reading', 'search'];

const roomOf = (file: string, top: string) => new RegExp(`^src/${top}/([^/]+)/`).exec(file)?.[1];
const arrows = (from: (s: SourceFile) => boolean) =>
  sources.filter(from).flatMap(({ file, imports }) => imports.map((target) => ({ file, target })));

describe('the house', () => {
  it('reads every import of src/ and scripts/ (the check is not looking at nothing)', () => {
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.find((s) => s.file === 'src/lib/content/article-paths.ts')?.imports).toContain('src/lib/content/page-key.ts');
    expect(sources.find((s) => s.file === 'src/client/site.ts')?.imports).toContain('src/client/later.ts');
  });

  it('has no import cycle anywhere in src/ and scripts/', () => {
    expect(findCycles(sources)).toEqual([]);
    // The cycle finder itself: two files that import each other are one cycle.
    expect(findCycles([{ file: 'a', imports: ['b'] }, { file: 'b', imports: ['a'] }, { file: 'c', imports: ['a'] }])).toEqual([['a', 'b']]);
  });

  it('src/lib holds only its rooms, and src/scripts is gone', () => {
    const entries = readdirSync(path.join(ROOT, 'src/lib'), { withFileTypes: true });
    expect(entries.filter((e) => !e.isDirectory()).map((e) => e.name)).toEqual([]);
    expect(entries.map((e) => e.name).sort()).toEqual(LIB_ROOMS);
    expect(readdirSync(path.join(ROOT, 'src')).includes('scripts')).toBe(false);
  });

  it('browser code never imports build-time code', () => {
    const wrong = arrows((s) => /^src\/(?:client|sw)\//.test(s.file)).filter(({ target }) => !/^src\/(?:client|sw)\//.test(target));
    expect(wrong).toEqual([]);
  });

  it('client rooms stand apart: only the page entries at src/client/ join them', () => {
    const wrong = arrows((s) => CLIENT_ROOMS.includes(roomOf(s.file, 'client') ?? '')).filter(
      ({ file, target }) => target.startsWith('src/client/') && roomOf(target, 'client') !== roomOf(file, 'client'),
    );
    expect(wrong).toEqual([]);
  });

  it('build-time rooms import only along the flow: content -> render -> pages -> search, publish', () => {
    // Which room may import which: the content loaders join content and render (they render each
    // article and series once to check it, and count its key words for related reading), as does the
    // list of related reading; render takes hrefs from publish's urls.ts; publish renders feeds.
    const allowed: Record<string, string[]> = {
      content: ['render/markdown.ts', 'render/pictures.ts', 'render/related.ts'],
      import: ['content/'],
      render: ['publish/urls.ts'],
      search: [],
      publish: ['content/', 'render/', 'search/build-logger.ts'],
    };
    const wrong = arrows((s) => LIB_ROOMS.includes(roomOf(s.file, 'lib') ?? '')).filter(({ file, target }) => {
      if (!target.startsWith('src/') || roomOf(target, 'lib') === roomOf(file, 'lib')) return false;
      const inLib = target.replace(/^src\/lib\//, '');
      return !(allowed[roomOf(file, 'lib') ?? ''] ?? []).some((prefix) => inLib.startsWith(prefix));
    });
    expect(wrong).toEqual([]);
    // Only the loaders (articles; series and authors through entry-files.ts) and the related-reading list join content and render.
    expect(arrows((s) => roomOf(s.file, 'lib') === 'content').filter(({ target }) => target.startsWith('src/lib/render/'))).toEqual([
      { file: 'src/lib/content/articles-loader.ts', target: 'src/lib/render/markdown.ts' },
      { file: 'src/lib/content/articles-loader.ts', target: 'src/lib/render/pictures.ts' },
      { file: 'src/lib/content/articles-loader.ts', target: 'src/lib/render/related.ts' },
      { file: 'src/lib/content/entry-files.ts', target: 'src/lib/render/markdown.ts' },
      { file: 'src/lib/content/entry-files.ts', target: 'src/lib/render/pictures.ts' },
      { file: 'src/lib/content/related-lists.ts', target: 'src/lib/render/related.ts' },
    ]);
  });

  it('an article page reads other content only through its page data, which its cache key hashes whole', () => {
    // What the layout shows of other articles, tags, sections and the site comes from article-page.ts; a
    // layout that read content on its own could show something the key does not cover: a stale reused page.
    const articleFiles = (s: SourceFile) =>
      s.file.startsWith('src/pages/articles/') ||
      ['src/layouts/ArticleLayout.astro', 'src/components/TwinArticle.astro', 'src/components/SeriesParts.astro', 'src/components/RelatedReading.astro'].includes(s.file);
    expect(sources.filter(articleFiles).length).toBeGreaterThanOrEqual(5);
    const wrong = arrows(articleFiles).filter(
      ({ target }) => target.startsWith('src/lib/content/') && !['src/lib/content/article-page.ts', 'src/lib/content/article-paths.ts'].includes(target),
    );
    expect(wrong).toEqual([]);
    // The frame every page has (BaseLayout) reads the site only through site-chrome.ts, which article-page.ts carries whole.
    const frame = (s: SourceFile) => ['src/layouts/BaseLayout.astro', 'src/components/SiteHeader.astro'].includes(s.file);
    expect(arrows(frame).filter(({ target }) => target.startsWith('src/lib/content/') && target !== 'src/lib/content/site-chrome.ts')).toEqual([]);
  });

  it('pages, layouts, components and integrations call a room by its top files, not its insides', () => {
    const wrong = arrows((s) => /^src\/(?:pages|layouts|components|integrations)\//.test(s.file) || s.file.startsWith('scripts/')).filter(({ target }) =>
      /^src\/(?:lib|client)\/[^/]+\/[^/]+\//.test(target),
    );
    expect(wrong).toEqual([]);
  });
});
