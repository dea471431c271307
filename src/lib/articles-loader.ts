import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parseArticleFile, SLUG_PATTERN } from './article-file.ts';
import { ContentError } from './content-error.ts';
import { renderMarkdown } from './markdown.ts';
import { contentDir, readSections } from './sections.ts';

/**
 * content/articles/*.md -> schema check -> markdown-it -> content store.
 * Replaces Astro's glob() loader so pages get markdown-it's HTML, not Sätteri's.
 * Every problem in every file is reported together, then the build stops.
 */
export function articlesLoader(): Loader {
  return {
    name: 'yuedu-articles',
    load: async ({ store, config, logger, generateDigest }) => {
      const root = fileURLToPath(config.root);
      const dir = path.join(contentDir, 'articles');
      const sectionNames = readSections().map((s) => s.name);
      const files = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
      const problems: string[] = [];
      const entries = [];
      for (const name of files) {
        // Root-relative with forward slashes: Astro rejects absolute entry paths.
        const filePath = path.relative(root, path.join(dir, name)).split(path.sep).join('/');
        const id = name.slice(0, -'.md'.length);
        if (!SLUG_PATTERN.test(id)) {
          problems.push(`${filePath}: file name: "${id}" is not an ASCII slug like "aliyun-cloud"; it becomes the URL`);
        }
        const bytes = await readFile(path.join(dir, name));
        const parsed = parseArticleFile(bytes, filePath, sectionNames);
        if (!parsed.ok) problems.push(...parsed.problems);
        else entries.push({ id, filePath, bytes, ...parsed });
      }
      if (problems.length > 0) throw new ContentError(problems);
      if (entries.length === 0) throw new ContentError([`${path.relative(root, dir)}: no articles (*.md) found`]);

      store.clear();
      for (const { id, filePath, bytes, data, body } of entries) {
        const { html, headings, charCount, lead } = renderMarkdown(body);
        store.set({
          id,
          data,
          body,
          filePath,
          digest: generateDigest(bytes.toString('utf8')),
          rendered: { html, metadata: { headings, charCount, lead } },
        });
      }
      logger.info(`${entries.length} article(s) rendered with markdown-it`);
    },
  };
}
