import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

/** A picture the article shows, as the import settles it. */
export type SettledPicture =
  | { kind: 'local'; src: string; name: string; bytes: Uint8Array }
  /** `url` is absent when the picture's address cannot be known (a relative path on a page without its address). */
  | { kind: 'linked'; src: string; url: string | undefined; why: string }
  /** A spacer or icon: left out of the article, and said so. */
  | { kind: 'dropped'; src: string; why: string };

export interface PictureSource {
  /** The saved page's folder: relative picture paths (page_files/…) are read from here. */
  pageDir: string;
  /** The page's own address, for resolving what is not on disk. */
  pageUrl: string | undefined;
  /** Download remote pictures (--fetch-images). */
  fetchRemote: boolean;
}

const MAX_BYTES = 20 * 1024 * 1024;
const MAX_REDIRECTS = 3;
const TIMEOUT_MS = 15_000;
const EXTENSION: Record<string, string> = { jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp', svg: 'svg', heif: 'avif' };

// Smaller than this on both sides is a spacer, an icon or a tracking pixel, not a news picture.
const MIN_SIDE = 32;

/** The picture's format and size by its bytes (sharp), or undefined for anything that is not a picture. */
async function pictureFormat(bytes: Uint8Array): Promise<{ format: string; width: number; height: number } | undefined> {
  try {
    const { format, compression, width, height } = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (format === 'heif' && compression !== 'av1') return undefined;
    return EXTENSION[format] ? { format, width, height } : undefined;
  } catch {
    return undefined;
  }
}

/** A stable short file name: the same picture always gets the same name, twins share one file. */
const nameFor = (bytes: Uint8Array, format: string) => `p-${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}.${EXTENSION[format]}`;

async function download(url: string): Promise<Uint8Array> {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await fetch(current, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (response.status >= 300 && response.status < 400) {
      const next = response.headers.get('location');
      if (!next) throw new Error(`redirect without a location (${response.status})`);
      current = new URL(next, current).href;
      if (!/^https?:/.test(current)) throw new Error('redirected away from http(s)');
      continue;
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const type = response.headers.get('content-type') ?? '';
    if (!type.startsWith('image/')) throw new Error(`not a picture (content-type ${type || 'missing'})`);
    if (Number(response.headers.get('content-length') ?? 0) > MAX_BYTES) throw new Error(`larger than ${MAX_BYTES / 1024 / 1024} MB`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body ?? []) {
      size += chunk.length;
      if (size > MAX_BYTES) throw new Error(`larger than ${MAX_BYTES / 1024 / 1024} MB`);
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }
  throw new Error(`more than ${MAX_REDIRECTS} redirects`);
}

function absolute(src: string, base: string | undefined): string | undefined {
  try {
    const url = new URL(src, base);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Brings one picture local: a file saved with the page (page_files/…), a
 * data: URL, or with --fetch-images a download. What cannot be brought local
 * becomes a link to its source, with the reason, so the import can list it.
 */
export async function settlePicture(src: string, from: PictureSource): Promise<SettledPicture> {
  const linked = (why: string): SettledPicture => ({ kind: 'linked', src, url: absolute(src, from.pageUrl), why });
  let bytes: Uint8Array | undefined;
  if (src.startsWith('data:')) {
    const match = /^data:image\/[\w.+-]+;base64,(.*)$/s.exec(src);
    if (!match) return linked('a data: URL that is not a base64 picture');
    bytes = Buffer.from(match[1] ?? '', 'base64');
  } else if (!/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) {
    const file = path.resolve(from.pageDir, decodeURIComponent(src.split(/[?#]/)[0] ?? ''));
    bytes = await readFile(file).catch(() => undefined);
    if (!bytes) {
      const url = absolute(src, from.pageUrl);
      if (!url || !from.fetchRemote) return linked('not saved with the page');
      bytes = await download(url).catch(() => undefined);
      if (!bytes) return linked('not saved with the page and could not be downloaded');
    }
  } else {
    const url = absolute(src, from.pageUrl);
    if (!url) return linked('not an http(s) address');
    if (!from.fetchRemote) return linked('remote (pass --fetch-images to download it)');
    try {
      bytes = await download(url);
    } catch (error) {
      return linked(`download failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const picture = await pictureFormat(bytes);
  if (!picture) return linked('the file is not a picture');
  if (picture.width < MIN_SIDE && picture.height < MIN_SIDE) return { kind: 'dropped', src, why: `decoration, ${picture.width}x${picture.height} px` };
  return { kind: 'local', src, name: nameFor(bytes, picture.format), bytes };
}
