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
  /** The saved page's folder: relative picture paths (page_files/…) are read from here; none for a page fetched from the web. */
  pageDir: string | undefined;
  /** The page's own address, for resolving what is not on disk. */
  pageUrl: string | undefined;
  /** Pictures a saved page carried inside it (an MHTML file's parts), by their address. */
  carried?: ReadonlyMap<string, Uint8Array> | undefined;
  /** Downloads a remote picture (--fetch-images, or a page imported from its URL); the CLI's, as the network is. */
  download?: ((url: string) => Promise<Uint8Array>) | undefined;
}

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

function absolute(src: string, base: string | undefined): string | undefined {
  try {
    const url = new URL(src, base);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

async function readBeside(pageDir: string, src: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(path.resolve(pageDir, decodeURIComponent(src.split(/[?#]/)[0] ?? '')));
  } catch {
    return undefined;
  }
}

/**
 * Brings one picture local: a file saved with the page (page_files/…), a
 * data: URL, a part of an MHTML file, or a download (--fetch-images, or a
 * page imported from its address). What cannot be brought local
 * becomes a link to its source, with the reason, so the import can list it.
 */
export async function settlePicture(src: string, from: PictureSource): Promise<SettledPicture> {
  const url = absolute(src, from.pageUrl);
  const linked = (why: string): SettledPicture => ({ kind: 'linked', src, url, why });
  // A path beside the page (page_files/…), as browsers write them when saving.
  const beside = !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src) && from.pageDir !== undefined;
  let bytes: Uint8Array | undefined;
  if (src.startsWith('data:')) {
    const match = /^data:image\/[\w.+-]+;base64,(.*)$/s.exec(src);
    if (!match) return linked('a data: URL that is not a base64 picture');
    bytes = Buffer.from(match[1] ?? '', 'base64');
  } else {
    bytes = (url ? from.carried?.get(url) : undefined) ?? (beside ? await readBeside(from.pageDir ?? '', src) : undefined);
    if (!bytes) {
      if (!url) return linked(beside ? 'not saved with the page' : 'not an http(s) address');
      if (!from.download) return linked(beside ? 'not saved with the page' : 'remote (pass --fetch-images to download it)');
      try {
        bytes = await from.download(url);
      } catch (error) {
        return linked(`${beside ? 'not saved with the page, and ' : ''}download failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  const picture = await pictureFormat(bytes);
  if (!picture) return linked('the file is not a picture');
  if (picture.width < MIN_SIDE && picture.height < MIN_SIDE) return { kind: 'dropped', src, why: `decoration, ${picture.width}x${picture.height} px` };
  return { kind: 'local', src, name: nameFor(bytes, picture.format), bytes };
}
