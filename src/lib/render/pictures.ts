import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

/** Picture formats a content file may use; everything else is refused before Astro sees it. */
const FORMATS = ['jpeg', 'png', 'gif', 'webp', 'avif', 'svg'] as const;
export type PictureFormat = (typeof FORMATS)[number];
// Astro imports a picture by its extension; these are the ones it encodes or copies.
const EXTENSIONS = /\.(?:jpe?g|png|gif|webp|avif|svg)$/i;

// Above this sharp refuses to decode (its own guard against decompression bombs);
// 50-megapixel camera files stay well inside it.
const MAX_PIXELS = 268_402_689;

export interface CheckedPicture {
  /** As written in the Markdown or frontmatter. */
  src: string;
  /** Relative to the article file, with "./" (what Astro's image() resolves). */
  relative: string;
  format: PictureFormat;
  width: number;
  height: number;
}

export type PictureCheck = { ok: true; picture: CheckedPicture } | { ok: false; problem: string };

const isRemote = (src: string) => /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//');

/**
 * Resolves a picture path against its article file and proves it is a
 * picture inside content/. `label` names the article in messages; `field`
 * says where the path was written (the body, or "cover").
 */
export async function checkPicture(src: string, articleFile: string, contentRoot: string, label: string, field: string): Promise<PictureCheck> {
  const where = `${label}: ${field} "${src}"`;
  if (src.trim() === '') return { ok: false, problem: `${where}: empty picture path` };
  if (isRemote(src)) {
    return { ok: false, problem: `${where}: remote pictures are not shown (they would break the CSP and tell a third party who reads); save the file beside the article and use a relative path` };
  }
  if (src.startsWith('/')) return { ok: false, problem: `${where}: use a path relative to the article file, like ./photo.jpg` };
  let decoded: string;
  try {
    decoded = decodeURI(src.split(/[?#]/)[0] ?? '');
  } catch {
    return { ok: false, problem: `${where}: not a valid path` };
  }
  const file = path.resolve(path.dirname(articleFile), decoded);
  const inside = path.relative(contentRoot, file);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return { ok: false, problem: `${where}: points outside the content folder` };
  if (!EXTENSIONS.test(decoded)) return { ok: false, problem: `${where}: not a picture file name (expected .jpg, .jpeg, .png, .gif, .webp, .avif or .svg)` };
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return { ok: false, problem: `${where}: no such file` };
  const meta = await readPictureMeta(file);
  if (!meta) return { ok: false, problem: `${where}: not a picture (expected ${FORMATS.join(', ')})` };
  if (meta.width * meta.height > MAX_PIXELS) {
    return { ok: false, problem: `${where}: ${meta.width}x${meta.height} is too large to encode; scale it below ${Math.floor(MAX_PIXELS / 1e6)} megapixels` };
  }
  let relative = path.relative(path.dirname(articleFile), file).split(path.sep).join('/');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  return { ok: true, picture: { src, relative, ...meta } };
}

async function readPictureMeta(file: string): Promise<{ format: PictureFormat; width: number; height: number } | undefined> {
  try {
    // SVG: sharp reads it through librsvg, but only a real <svg> document counts.
    if (file.toLowerCase().endsWith('.svg') && !/<svg[\s>]/i.test((await readFile(file, 'utf8')).slice(0, 4096))) return undefined;
    const meta = await sharp(file, { limitInputPixels: false }).metadata();
    const format = meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : meta.format;
    if (!(FORMATS as readonly string[]).includes(format) || !meta.width || !meta.height) return undefined;
    // EXIF orientation 5-8 turns the picture a quarter: the page shows it upright.
    const turned = (meta.orientation ?? 1) >= 5;
    return { format: format as PictureFormat, width: turned ? meta.height : meta.width, height: turned ? meta.width : meta.height };
  } catch {
    return undefined;
  }
}
