/**
 * npm run import -- <address, file or folder>... [options]   (--help for all)
 *
 * Turns news pages (fetched from their address, or saved from a browser with
 * their _files folder) and raw text scrapes into articles under
 * content/articles/. Each input is told apart by its content
 * (src/lib/import/import-file.ts); folders are searched for .html, .htm,
 * .mhtml and .txt files. One failing input does not stop the others; a summary table
 * follows, and the exit code is 1 if any failed. Inputs are taken one at a
 * time, so a host never gets two requests at once. Writes are atomic
 * (scripts/lib/content-writes.ts); an existing article, or one imported from
 * the same source_url, is replaced only with --force.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importFile, type Imported } from '../src/lib/import/import-file.ts';
import { settleSection } from '../src/lib/import/new-section.ts';
import { contentDir, readSections, type Section } from '../src/lib/content/sections.ts';
import { addSections, articleExists, sourceIndex, writeArticle } from './lib/content-writes.ts';
import { expand, isAddress, pictureDownloader, readInput } from './lib/import-inputs.ts';

const USAGE = 'usage: npm run import -- <https://… | page.html | scrape.txt | folder>... [options]; npm run import -- --help for all';

const HELP = `npm run import -- <input>... [options]

Turns news pages into articles under content/articles/, one Markdown file each
(a folder when it has pictures). An input is:
  https://…             a page's address: fetched, with its pictures
  page.html             a page saved from a browser ("Webpage, complete"), with its _files folder;
                        or one file from SingleFile (its address and pictures are inside)
  page.mhtml            Chrome's "Webpage, Single File" save (.mhtml, .mht), pictures and all
  scrape.txt            a raw text scrape (breadcrumb, title line, counters, indented body)
  folder/               every .html, .htm, .mhtml and .txt inside it, as a batch

Options:
  --section NAME        the article's section (else what the page says: article:section, breadcrumb, <title>)
  --slug SLUG           the file name (one input only; else the title in pinyin)
  --url URL             a saved page's address (one input only; else what the saved file says, then its canonical link)
  --fetch-images        download the pictures a saved page links to (an address import always does)
  --timeout SECONDS     give up on a page or picture not arrived by then (default 20)
  --no-new-section      refuse a section the site lacks instead of adding it to sections.json
  --force               replace an article imported before (same slug, or same source_url)
  --dry-run             print the Markdown, write nothing
  --help                this text

Examples:
  npm run import -- https://news.example.cn/2024/05/01/metro.html
  npm run import -- https://a.example.cn/1.html https://b.example.cn/2.html --section 城市
  npm run import -- ~/Downloads/page.html --section 科技
  npm run import -- ~/Downloads/page.mhtml
  npm run import -- ~/Downloads/saved-news/
  npm run import -- scrape.txt --slug aliyun --section 美股新闻 --dry-run
`;

function readArgs() {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        slug: { type: 'string' },
        section: { type: 'string' },
        url: { type: 'string' },
        timeout: { type: 'string', default: '20' },
        'fetch-images': { type: 'boolean', default: false },
        'no-new-section': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
    if (values.help) return { inputs: [], ...values, timeoutMs: 0 };
    if (positionals.length === 0) throw new Error('expected at least one address, file or folder');
    const seconds = Number(values.timeout);
    if (!(seconds > 0 && seconds <= 600)) throw new Error(`--timeout takes seconds, from 1 to 600 (got "${values.timeout}")`);
    return { inputs: positionals, ...values, timeoutMs: seconds * 1000 };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}

const SAVED_BY = { Chrome: 'Chrome\'s "saved from url" comment', SingleFile: 'the SingleFile header', MHTML: 'the MHTML file' } as const;

interface Row {
  file: string;
  slug: string;
  title: string;
  paragraphs: number;
  sections: number;
  pictures: string;
  rule: string;
  warnings: string;
}

const RECHOSEN: Partial<Record<Imported['rule'], string>> = {
  'Readability, confirmed by metadata': "kept Readability's text on a page its quick test turns away, as the page's description confirms it",
  'metadata: stated opening': "Readability's text lacks the opening the page states (JSON-LD, og:description, description); imported the block that holds it instead",
  'metadata: articleBody': "Readability's text lacks the opening the page states, and no block holds it; imported the page's JSON-LD articleBody instead",
};

type Args = ReturnType<typeof readArgs>;

async function importOne(file: string, args: Args, sections: Section[], sources: Map<string, string>, single: boolean) {
  const articlesDir = path.join(contentDir, 'articles');
  // Asked for an address already imported: say so before fetching it again.
  const known = isAddress(file) && !args.force && !args['dry-run'] ? sources.get(file) : undefined;
  if (known) throw new Error(`already imported as content/articles/${known} (same source_url); pass --force to replace it`);
  const input = await readInput(file, args.timeoutMs);
  const article: Imported = await importFile({
    ...input,
    file,
    section: args.section,
    slug: single ? args.slug : undefined,
    url: single ? args.url : undefined,
    download: args['fetch-images'] || input.fetched ? pictureDownloader(args.timeoutMs) : undefined,
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
    sections: article.sections,
    pictures: `${article.pictures.length}/${article.linked.length}`,
    rule: article.rule,
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
  if (RECHOSEN[article.rule]) console.log(`${file}: ${RECHOSEN[article.rule]}`);
  if (article.saved) console.log(`address ${article.saved.url} from ${SAVED_BY[article.saved.tool]}${article.saved.savedAt ? ` (saved ${article.saved.savedAt}; the article's date is the page's own)` : ''}`);
  if (article.sourceUrl) sources.set(article.sourceUrl, slug);
  console.log(`wrote ${path.relative(process.cwd(), written)} (${article.title} · ${settled.section.name})`);
  return { row, warnings };
}

function printTable(rows: Row[]) {
  console.log('\n| file | slug | title | paragraphs | sections | pictures local/linked | text chosen by | warnings |');
  console.log('|---|---|---|---:|---:|---:|---|---|');
  for (const r of rows) console.log(`| ${r.file} | ${r.slug} | ${r.title} | ${r.paragraphs} | ${r.sections} | ${r.pictures} | ${r.rule} | ${r.warnings} |`);
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
if (args.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const files = await expand(args.inputs);
if (files.length === 0) fail(`no .html, .htm, .mhtml or .txt files in ${args.inputs.join(', ')}`, 1);
const single = files.length === 1;
if (!single && (args.slug || args.url)) fail('--slug and --url name one article; give one file with them', 2);
const sections = readSections().map((s) => ({ ...s }));
const sources = await sourceIndex(path.join(contentDir, 'articles'));
const rows: Row[] = [];
let failed = 0;
// On a terminal, a line per input of a batch or a fetch, so a slow host does not look like a hang.
const progress = process.stderr.isTTY && (files.length > 1 || files.some(isAddress));
for (const [i, file] of files.entries()) {
  if (progress) process.stderr.write(`[${i + 1}/${files.length}] ${file}\n`);
  try {
    const { row, warnings } = await importOne(file, args, sections, sources, single);
    rows.push(row);
    for (const warning of warnings) console.error(`import: ${file}: ${warning}`);
  } catch (error) {
    failed++;
    // One line naming the file and what is wrong with it.
    console.error(`import: ${file}: ${error instanceof Error ? error.message : String(error)}`);
    rows.push({ file, slug: '', title: '', paragraphs: 0, sections: 0, pictures: '', rule: '', warnings: 'failed' });
  }
}
if (!args['dry-run'] && (files.length > 1 || rows.some((r) => r.pictures !== '0/0'))) printTable(rows);
process.exit(failed > 0 ? 1 : 0);
