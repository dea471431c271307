import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parseArticleFile, refsOf, SLUG_PATTERN } from './article-file.ts';
import { ContentError } from './content-error.ts';
import { readSearchAliases } from './search-aliases.ts';
import { renderMarkdown } from '../render/markdown.ts';
import { checkPicture, type CheckedPicture } from '../render/pictures.ts';
import { keyTerms } from '../render/related.ts';
import { checkReferences, type ReferringFile } from './references.ts';
import { readAuthorFiles } from './author-schema.ts';
import { readSeriesFiles } from './series-schema.ts';
import { sourceHash } from './source-hash.ts';
import { contentDir, readSections } from './sections.ts';

/** An article is `articles/<slug>.md`, or `articles/<slug>/index.md` with its pictures beside it. */
async function findArticleFiles(dir: string): Promise<{ id: string; file: string }[]> {
  const found: { id: string; file: string }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    // An importer's temporary or set-aside copy (.x.tmp, .x.old) is never an article.
    if (entry.name.startsWith('.')) continue;
    if (entry.isFile() && entry.name.endsWith('.md')) found.push({ id: entry.name.slice(0, -'.md'.length), file: path.join(dir, entry.name) });
    else if (entry.isDirectory() && existsSync(path.join(dir, entry.name, 'index.md'))) found.push({ id: entry.name, file: path.join(dir, entry.name, 'index.md') });
  }
  return found.sort((a, b) => a.id.localeCompare(b.id) || a.file.localeCompare(b.file));
}

/**
 * content/articles -> schema check -> markdown-it -> picture check -> content store.
 * Replaces Astro's glob() loader so pages get markdown-it's HTML, not Sätteri's.
 * Pictures are handed to Astro as image() fields (`cover`, `pictures`), so
 * astro:assets encodes them. Every problem in every file is reported
 * together, then the build stops.
 */
export function articlesLoader(): Loader {
  return {
    name: 'yuedu-articles',
    load: async ({ store, config, logger, generateDigest, parseData }) => {
      const root = fileURLToPath(config.root);
      const dir = path.join(contentDir, 'articles');
      const sectionNames = readSections().map((s) => s.name);
      const problems: string[] = [];
      const entries = [];
      const seen = new Map<string, string>();
      // Series files are checked here too, so one build lists every problem in content/.
      const [seriesFiles, authorFiles] = await Promise.all([readSeriesFiles(root), readAuthorFiles(root)]);
      problems.push(...seriesFiles.problems, ...authorFiles.problems, ...aliasProblems());
      const referring: ReferringFile[] = [];
      // An entry the last build stored from the same bytes, sections and code is stored already:
      // at 10,000 articles, checking and rendering them all again is most of the content sync.
      const context = `\0${sectionNames.join('\n')}\0${sourceHash()}`;
      let reused = 0;
      let termsMs = 0;
      for (const { id, file } of await findArticleFiles(dir)) {
        // Root-relative with forward slashes: Astro rejects absolute entry paths.
        const filePath = path.relative(root, file).split(path.sep).join('/');
        if (!SLUG_PATTERN.test(id)) {
          problems.push(`${filePath}: file name: "${id}" is not an ASCII slug like "aliyun-cloud"; it becomes the URL`);
        }
        const twin = seen.get(id);
        if (twin) problems.push(`${filePath}: file name: "${id}" is also ${twin}; one URL, one article`);
        seen.set(id, filePath);
        const bytes = await readFile(file);
        const digest = generateDigest(bytes.toString('utf8') + context);
        const stored = store.get<{ pictures?: unknown[]; cover?: unknown }>(id);
        // Pictures are checked every time: their files can change or go without the Markdown changing.
        if (stored?.digest === digest && stored.filePath === filePath && !stored.data.cover && (stored.data.pictures ?? []).length === 0) {
          reused++;
          // What it points at is checked again: the files it names may have gone since.
          referring.push({ id, filePath, refs: refsOf(stored.data) });
          continue;
        }
        const parsed = parseArticleFile(bytes, filePath, sectionNames);
        referring.push({ id, filePath, refs: parsed.refs });
        if (!parsed.ok) {
          problems.push(...parsed.problems);
          continue;
        }
        const rendered = renderMarkdown(parsed.body);
        const check = (src: string, field: string) => checkPicture(src, file, contentDir, filePath, field);
        const pictures: CheckedPicture[] = [];
        for (const ref of rendered.pictureRefs) {
          const result = await check(ref.src, 'picture');
          if (!result.ok) problems.push(result.problem);
          else pictures.push(result.picture);
          if (ref.alt.trim() === '') logger.warn(`${filePath}: picture "${ref.src}": no alt text; describe it for readers who cannot see it: ![描述](${ref.src})`);
        }
        let cover: CheckedPicture | undefined;
        if (parsed.data.cover !== undefined) {
          const result = await check(parsed.data.cover, '"cover"');
          if (!result.ok) problems.push(result.problem);
          else cover = result.picture;
        }
        entries.push({ id, filePath, digest, data: parsed.data, body: parsed.body, rendered, pictures, cover });
      }
      const references = checkReferences(referring, {
        series: seriesFiles.slugs,
        authors: authorFiles.slugs,
        fileOf: (folder, slug) => `${path.relative(root, path.join(contentDir, folder, slug))}.md`,
      });
      problems.push(...references.problems);
      for (const warning of references.warnings) logger.warn(warning);
      if (problems.length > 0) throw new ContentError(problems);
      if (seen.size === 0) throw new ContentError([`${path.relative(root, dir)}: no articles (*.md) found`]);

      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      for (const { id, filePath, digest, data, body, rendered, pictures, cover } of entries) {
        const { headings, charCount, lead, opening, html } = rendered;
        const started = performance.now();
        const terms = keyTerms(html);
        termsMs += performance.now() - started;
        store.set({
          id,
          // image() fields: Astro imports each picture and hands pages its ImageMetadata.
          data: await parseData({
            id,
            filePath,
            data: { ...data, cover: cover?.relative, pictures: pictures.map((p) => p.relative) },
          }),
          body,
          filePath,
          digest,
          // Pages render the body themselves (with encoded pictures, in either script), so the HTML is
          // not stored: at 10,000 articles it would double the store every build reads and writes.
          // Its key words (render/related.ts) too: related reading compares every article's, and a
          // daily rebuild then segments only the articles it renders, not the whole archive.
          rendered: { html: '', metadata: { headings, charCount, lead, opening, terms } },
        });
      }
      // The bench reads the key words' time (scripts/lib/bench-scale.ts).
      logger.info(
        `${seen.size} article(s): ${entries.length} rendered with markdown-it, ${reused} unchanged since the last build; key words for related reading in ${Math.round(termsMs)} ms`,
      );
    },
  };
}

/** content/search-aliases.json checked with the articles, so one build lists every problem in content/. */
function aliasProblems(): string[] {
  try {
    readSearchAliases();
    return [];
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
}
