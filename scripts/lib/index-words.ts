/**
 * Distinct words in a built Pagefind index: every `.pf_index` chunk under a
 * folder (all bundles, all languages) is gunzipped and its CBOR read. A chunk
 * is "pagefind_dcd" then [[word, pages, …], …]; only the words are kept.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { listFiles } from '../../tests/support/dist.ts';

const SIGNATURE = 'pagefind_dcd';

/** A CBOR reader for what Pagefind writes: integers, strings, arrays, maps, tags and simple values. */
function decode(bytes: Buffer): unknown {
  let at = 0;
  const length = (info: number): number => {
    if (info < 24) return info;
    const size = 1 << (info - 24);
    const value = size === 8 ? Number(bytes.readBigUInt64BE(at)) : bytes.readUIntBE(at, size);
    at += size;
    return value;
  };
  const item = (): unknown => {
    const head = bytes[at++] ?? 0;
    const major = head >> 5;
    const info = head & 31;
    if (major === 7) {
      if (info === 25 || info === 26 || info === 27) at += 1 << (info - 24);
      return null;
    }
    const n = length(info);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
        at += n;
        return null;
      case 3: {
        const text = bytes.toString('utf8', at, at + n);
        at += n;
        return text;
      }
      case 4:
        return Array.from({ length: n }, item);
      case 5:
        for (let i = 0; i < 2 * n; i++) item();
        return null;
      default:
        return item();
    }
  };
  return item();
}

/** Distinct words per index language (chunks are named `<lang>_<hash>.pf_index`), and in all. */
export async function indexWords(pagefindDir: string): Promise<{ total: number; byLanguage: Record<string, number> }> {
  const byLanguage = new Map<string, Set<string>>();
  for (const file of (await listFiles(pagefindDir)).filter((f) => f.endsWith('.pf_index'))) {
    const language = path.basename(file).replace(/_[0-9a-f]+\.pf_index$/, '');
    const words = byLanguage.get(language) ?? new Set<string>();
    byLanguage.set(language, words);
    const bytes = gunzipSync(await readFile(path.join(pagefindDir, file)));
    if (bytes.toString('latin1', 0, SIGNATURE.length) !== SIGNATURE) throw new Error(`${file}: not a Pagefind index chunk`);
    const [entries] = decode(bytes.subarray(SIGNATURE.length)) as [unknown[]];
    for (const entry of entries) {
      const [word] = entry as [unknown];
      if (typeof word === 'string') words.add(word);
    }
  }
  const all = new Set([...byLanguage.values()].flatMap((words) => [...words]));
  return { total: all.size, byLanguage: Object.fromEntries([...byLanguage].map(([language, words]) => [language, words.size])) };
}
