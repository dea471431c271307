/**
 * npm run import -- <file or folder>... [--section NAME] [--slug SLUG] [--url URL]
 *                   [--fetch-images] [--no-new-section] [--force] [--dry-run]
 *
 * Turns saved web pages (HTML, with their _files folder) and raw text scrapes
 * into articles under content/articles/. Each input is told apart by its
 * content (src/lib/import/import-file.ts); folders are searched for .html,
 * .htm and .txt files (a saved page's _files folder is its pictures, not
 * more pages). One failing input does not stop the others; a summary table
 * follows, and the exit code is 1 if any failed. Writes are atomic
 * (scripts/lib/content-writes.ts); an existing article, or one imported from
 * the same source_url, is replaced only with --force.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importFile, type Imported } from '../src/lib/import/import-file.ts';
import { settleSection } from '../src/lib/import/new-section.ts';
import { contentDir, readSections, type Section } from '../src/lib/content/sections.ts';
import { addSections, articleExists, sourceIndex, writeArticle } from './lib/content-writes.ts';

const USAGE =
  'usage: npm run import -- <page.html | scrape.txt | folder>... [--section NAME] [--slug SLUG] [--url URL] [--fetch-images] [--no-new-section] [--force] [--dry-run]';

function readArgs() {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        slug: { type: 'string' },
        section: { type: 'string' },
        url: { type: 'string' },
        'fetch-images': { type: 'boolean', default: false },
        'no-new-section': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
      },
    });
    if (positionals.length === 0) throw new Error('expected at least one file or folder');
    return { inputs: positionals, ...values };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}

const CANDIDATE = /\.(?:html?|shtml|xhtml|txt)$/i;

/** The files to import: each named file, and the pages and scrapes inside each named folder. */
async function expand(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info?.isDirectory()) {
      files.push(input);
      continue;
    }
    const entries = await readdir(input, { recursive: true, withFileTypes: true });
    const found = entries
      .filter((e) => e.isFile() && CANDIDATE.test(e.name))
      .map((e) => path.join(e.parentPath, e.name))
      .filter((file) => !path.relative(input, file).split(path.sep).some((part) => /[_.]files$/i.test(part)));
    files.push(...found.sort());
  }
  return files;
}

async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : String(error));
  }
}

interface Row {
  file: string;
  slug: string;
  title: string;
  paragraphs: number;
  pictures: string;
  warnings: string;
}

type Args = ReturnType<typeof readArgs>;

async function importOne(file: string, args: Args, sections: Section[], sources: Map<string, string>, single: boolean) {
  const articlesDir = path.join(contentDir, 'articles');
  const article: Imported = await importFile({
    bytes: await readInput(file),
    file,
    section: args.section,
    slug: single ? args.slug : undefined,
    url: single ? args.url : undefined,
    fetchImages: args['fetch-images'],
  });
  const settled = settleSection(article.section, sections, !args['no-new-section']);
  if (!settled) throw new Error(`section "${article.section}" is not in sections.json (known: ${sections.map((s) => s.name).join('、')}); pass --section or drop --no-new-section`);
  const warnings = [
    ...article.linked.map((p) => `picture not brought local (${p.why}): ${p.url ?? p.src}`),
    ...article.dropped.map((p) => `picture left out (${p.why}): ${p.src}`),
  ];
  const row: Row = {
    file,
    slug: article.slug,
    title: article.title,
    paragraphs: article.paragraphs,
    pictures: `${article.pictures.length}/${article.linked.length}`,
    warnings: warnings.length ? `${warnings.length} picture(s) not local` : '',
  };
  const sameSource = article.sourceUrl ? sources.get(article.sourceUrl) : undefined;
  // A re-import of the same page keeps its slug, so --force replaces it in place.
  const slug = sameSource ?? article.slug;
  row.slug = slug;
  if (args['dry-run']) {
    if (!single) process.stdout.write(`==> ${file} -> content/articles/${slug} <==\n`);
    process.stdout.write(article.text);
    return { row, warnings };
  }
  if (!args.force) {
    if (sameSource) throw new Error(`already imported as content/articles/${sameSource} (same source_url ${article.sourceUrl}); pass --force to replace it`);
    const existing = articleExists(articlesDir, slug);
    if (existing) throw new Error(`${path.relative(process.cwd(), existing)} already exists; pass --force to replace it`);
  }
  if (settled.added) {
    await addSections(contentDir, [settled.section]);
    sections.push(settled.section);
    console.log(`added section "${settled.section.name}" (${settled.section.slug}) to sections.json`);
  }
  const written = await writeArticle(articlesDir, slug, article.text, article.pictures);
  if (article.sourceUrl) sources.set(article.sourceUrl, slug);
  console.log(`wrote ${path.relative(process.cwd(), written)} (${article.title} · ${settled.section.name})`);
  return { row, warnings };
}

function printTable(rows: Row[]) {
  console.log('\n| file | slug | title | paragraphs | pictures local/linked | warnings |');
  console.log('|---|---|---|---:|---:|---|');
  for (const r of rows) console.log(`| ${r.file} | ${r.slug} | ${r.title} | ${r.paragraphs} | ${r.pictures} | ${r.warnings} |`);
}

function fail(message: string, code: number): never {
  console.error(`import: ${message}`);
  process.exit(code);
}

let args: Args;
try {
  args = readArgs();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error), 2);
}
const files = await expand(args.inputs);
if (files.length === 0) fail(`no .html, .htm or .txt files in ${args.inputs.join(', ')}`, 1);
const single = files.length === 1;
if (!single && (args.slug || args.url)) fail('--slug and --url name one article; give one file with them', 2);
const sections = readSections().map((s) => ({ ...s }));
const sources = await sourceIndex(path.join(contentDir, 'articles'));
const rows: Row[] = [];
let failed = 0;
for (const file of files) {
  try {
    const { row, warnings } = await importOne(file, args, sections, sources, single);
    rows.push(row);
    for (const warning of warnings) console.error(`import: ${file}: ${warning}`);
  } catch (error) {
    failed++;
    // One line naming the file and what is wrong with it.
    console.error(`import: ${file}: ${error instanceof Error ? error.message : String(error)}`);
    rows.push({ file, slug: '', title: '', paragraphs: 0, pictures: '', warnings: 'failed' });
  }
}
if (!args['dry-run'] && (files.length > 1 || rows.some((r) => r.pictures !== '0/0'))) printTable(rows);
process.exit(failed > 0 ? 1 : 0);
