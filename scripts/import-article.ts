/**
 * npm run import -- <scrape.txt> [--slug SLUG] [--section NAME] [--force] [--dry-run]
 *
 * Turns a raw scraped news page into content/articles/<slug>.md. The rules
 * live in src/lib/import/ (parse-scrape.ts lists them). Writes are atomic: a
 * temporary file beside the target, then a rename, so an interrupted run
 * leaves any old file whole. An existing file is replaced only with --force.
 */
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importScrape } from '../src/lib/import/import-scrape.ts';
import { contentDir, readSections } from '../src/lib/sections.ts';

const USAGE = 'usage: npm run import -- <scrape.txt> [--slug SLUG] [--section NAME] [--force] [--dry-run]';

function readArgs() {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        slug: { type: 'string' },
        section: { type: 'string' },
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
      },
    });
    if (positionals.length !== 1) throw new Error('expected exactly one scrape file');
    return { file: positionals[0] ?? '', ...values };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function writeAtomically(target: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function importFile(args: ReturnType<typeof readArgs>): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = await readFile(args.file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : String(error));
  }
  const article = importScrape(bytes, {
    section: args.section,
    slug: args.slug,
    knownSections: readSections().map((s) => s.name),
  });
  if (args['dry-run']) {
    process.stdout.write(article.file);
    return;
  }
  const target = path.join(contentDir, 'articles', `${article.slug}.md`);
  const shown = path.relative(process.cwd(), target);
  if (!args.force && (await exists(target))) throw new Error(`${shown} already exists; pass --force to replace it`);
  await writeAtomically(target, article.file);
  console.log(`wrote ${shown} (${article.title} · ${article.section})`);
}

function fail(message: string, code: number): never {
  console.error(`import: ${message}`);
  process.exit(code);
}

let args: ReturnType<typeof readArgs>;
try {
  args = readArgs();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error), 2);
}
// One line naming the file and what is wrong with it.
await importFile(args).catch((error: unknown) => fail(`${args.file}: ${error instanceof Error ? error.message : String(error)}`, 1));
