/**
 * The search index's cache between builds: each segment's Pagefind bundle in
 * a folder of its own, and a manifest of what each holds (index-plan.ts).
 * Everything read from it is checked; a cache that fails a check is ignored
 * with a message, and the build indexes what it cannot reuse.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { IndexedPage, Segment } from './index-plan.ts';

const VERSION = 1;

/** A segment as the manifest records it: the plan's view plus its files, to check the folder before reuse. */
export interface CachedSegment extends Segment {
  /** Every file in the folder, relative, with its size. */
  files: Record<string, number>;
  /** The languages it holds (its merged pagefind-entry.json). */
  languages: string[];
}

interface Manifest {
  version: number;
  /** Pagefind's version and the indexing code: a change of either makes every segment stale. */
  key: string;
  segments: CachedSegment[];
}

/** What makes an index from an older build unusable: another Pagefind, or other indexing code. */
export async function cacheKey(): Promise<string> {
  const hash = createHash('sha256');
  const pagefind = JSON.parse(await readFile(path.resolve('node_modules/pagefind/package.json'), 'utf8')) as { version: string };
  hash.update(pagefind.version);
  // Every module of this room: the index is what this code made of the pages, so a change to any of it, or a new file, is a new index.
  const room = path.resolve('src/lib/search');
  for (const file of (await readdir(room)).filter((name) => name.endsWith('.ts')).sort()) {
    hash.update(file).update('\0').update(await readFile(path.join(room, file)));
  }
  return hash.digest('hex');
}

const manifestFile = (root: string) => path.join(root, 'manifest.json');

function isSegment(value: unknown): value is CachedSegment {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<CachedSegment>;
  return (
    typeof s.name === 'string' &&
    /^seg-[0-9a-f]{16}$/.test(s.name) &&
    Number.isInteger(s.articles) &&
    typeof s.pages === 'object' &&
    s.pages !== null &&
    Object.values(s.pages).every((p: Partial<IndexedPage>) => typeof p?.hash === 'string' && typeof p.id === 'string' && typeof p.lang === 'string') &&
    typeof s.files === 'object' &&
    s.files !== null &&
    Array.isArray(s.languages)
  );
}

/**
 * The last build's segments, or none with the reason: no cache yet (quietly),
 * or a manifest that is unreadable, of another version or of other code.
 */
export async function readManifest(root: string, key: string): Promise<{ segments: CachedSegment[]; problem?: string }> {
  const file = manifestFile(root);
  if (!existsSync(file)) return { segments: [] };
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(await readFile(file, 'utf8')) as Partial<Manifest>;
  } catch (error) {
    return { segments: [], problem: `${file} is not readable JSON (${error instanceof Error ? error.message : error})` };
  }
  if (manifest.version !== VERSION || !Array.isArray(manifest.segments) || !manifest.segments.every(isSegment)) {
    return { segments: [], problem: `${file} is not a yuedu index manifest of version ${VERSION}` };
  }
  if (manifest.key !== key) return { segments: [], problem: `${file} was written by other indexing code or another Pagefind` };
  return { segments: manifest.segments };
}

/** Whether a segment's folder still holds every file the manifest lists, at its size. */
export async function segmentIntact(root: string, segment: CachedSegment): Promise<boolean> {
  try {
    const folder = path.join(root, segment.name);
    const sizes = await Promise.all(Object.keys(segment.files).map((file) => stat(path.join(folder, file)).then((s) => s.size)));
    return Object.values(segment.files).every((size, i) => sizes[i] === size) && Object.keys(segment.files).length > 0;
  } catch {
    return false;
  }
}

/** Written last and by rename, so a build killed before this point leaves the previous manifest whole. */
export async function writeManifest(root: string, key: string, segments: CachedSegment[]): Promise<void> {
  const file = manifestFile(root);
  await writeFile(`${file}.tmp`, JSON.stringify({ version: VERSION, key, segments } satisfies Manifest));
  await rename(`${file}.tmp`, file);
  // Folders of segments no longer listed (and of builds killed mid-way) go.
  const listed = new Set(segments.map((segment) => segment.name));
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (entry.isDirectory() && !listed.has(entry.name)) await rm(path.join(root, entry.name), { recursive: true, force: true });
  }
}

/** Every file under a folder, relative, with its size. */
export async function folderFiles(folder: string): Promise<Record<string, number>> {
  const files: Record<string, number> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(folder, full).split(path.sep).join('/')] = (await stat(full)).size;
  }
  return files;
}

/**
 * The Pagefind page id of every page in a bundle, by URL: the names of its
 * fragment files (gzip, "pagefind_dcd" then JSON with the page's url), or
 * the keys of a fragment group.
 */
export async function pageIds(bundle: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const folder = path.join(bundle, 'fragment');
  for (const file of await readdir(folder)) {
    const text = gunzipSync(await readFile(path.join(folder, file))).subarray('pagefind_dcd'.length).toString('utf8');
    const fragment = JSON.parse(text) as Record<string, unknown>;
    if (typeof fragment['url'] === 'string') ids.set(fragment['url'], file.replace(/\.pf_fragment$/, ''));
    else {
      for (const [id, page] of Object.entries(fragment)) {
        const url = (page as { url?: unknown } | null)?.url;
        if (typeof url === 'string') ids.set(url, id);
      }
    }
  }
  return ids;
}

/**
 * Puts a cached segment's files into the site: hard links where the two are on
 * one disk (index files are never rewritten in place), copies otherwise.
 * `skip` leaves out what only the primary bundle needs.
 */
export async function placeSegment(from: string, to: string, files: string[], skip: (file: string) => boolean): Promise<void> {
  const dirs = new Set<string>();
  let canLink = true;
  for (const file of files) {
    if (skip(file)) continue;
    const target = path.join(to, file);
    const dir = path.dirname(target);
    if (!dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      dirs.add(dir);
    }
    if (canLink) {
      try {
        await link(path.join(from, file), target);
        continue;
      } catch {
        canLink = false;
      }
    }
    await copyFile(path.join(from, file), target);
  }
}
