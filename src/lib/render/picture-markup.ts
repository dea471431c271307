import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import type { PictureMarkup } from './markdown/pictures.ts';
import type { PictureFormat } from './pictures.ts';

/** The source's format as our checks name it (Astro says "jpg" for JPEG files named .jpg). */
function formatOf(image: ImageMetadata): PictureFormat {
  const format = image.format === 'jpg' ? 'jpeg' : image.format;
  // pictures.ts admits only these; an APNG or TIFF that slipped through is encoded like a PNG or JPEG.
  if (format === 'apng') return 'png';
  if (format === 'tiff') return 'jpeg';
  return format;
}

/**
 * Widths to encode for the text column: a phone at 1x to 3x (358-1074 px
 * wide) and the desktop column (38 rem, ~610 px) at 1x and 2x.
 */
const COLUMN_WIDTHS = [360, 540, 720, 1080, 1440];
/** How wide a picture in the text is drawn; matches .yd-prose in global.css. */
export const COLUMN_SIZES = '(min-width: 40rem) 38rem, calc(100vw - 2rem)';

/** How wide the front page's lead cover is drawn; matches .yd-front in global.css (the lead's column on a desktop). */
export const LEAD_SIZES = '(min-width: 62rem) 33rem, (min-width: 40rem) 38rem, calc(100vw - 2rem)';

/** Listings show the cover as a small thumbnail: 7.5 x 5 rem at 1x and 2x. */
const THUMB = { width: 120, height: 80 };

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A picture's markup and its one fallback file: a feed reader draws that alone. */
export interface EncodedPicture extends PictureMarkup {
  src: string;
  width: number;
  height: number;
}

export interface PictureOptions {
  /** The cover: fetched at once and first (fetchpriority="high"); everything else waits until the reader scrolls near. */
  eager?: boolean;
  /** Extra attributes for the <img> (already escaped names, plain values). */
  imgAttributes?: Record<string, string>;
  /** How wide it is drawn, when not the text column's width (the front page's lead). */
  sizes?: string;
}

/**
 * What to offer, best first, and the fallback <img> format. Animated GIF
 * keeps its frames only in WebP; an SVG is drawn as it is. A WebP or AVIF
 * source is its own fallback, so it is not offered twice.
 */
function formatsFor(format: PictureFormat): { modern: ('avif' | 'webp')[]; fallback: 'jpeg' | 'png' | 'webp' | 'original' } {
  switch (format) {
    case 'svg':
      return { modern: [], fallback: 'original' };
    case 'gif':
      return { modern: ['webp'], fallback: 'original' };
    case 'avif':
      return { modern: ['avif'], fallback: 'webp' };
    case 'webp':
      return { modern: ['avif'], fallback: 'webp' };
    default:
      return { modern: ['avif', 'webp'], fallback: format };
  }
}

function widthsFor(natural: number, candidates: readonly number[]): number[] {
  const fitting = candidates.filter((w) => w < natural);
  return [...fitting, Math.min(natural, candidates.at(-1) ?? natural)].filter((w, i, all) => all.indexOf(w) === i);
}

const attributes = (entries: Record<string, string | number | undefined>) =>
  Object.entries(entries)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join('');

/**
 * One picture through astro:assets: AVIF and WebP at the widths that fit,
 * and the source's own format as the fallback <img> with width and height
 * (so nothing shifts while it loads). SVG and GIF fall back to the file
 * itself (an SVG scales; re-encoding a GIF would lose its frames).
 */
export async function encodePicture(image: ImageMetadata, options: PictureOptions = {}): Promise<EncodedPicture> {
  return encode(image, COLUMN_WIDTHS, options.sizes ?? COLUMN_SIZES, options);
}

/** The cover as a listing thumbnail, cropped to 3:2. */
export async function encodeThumbnail(image: ImageMetadata): Promise<PictureMarkup> {
  const { modern, fallback: fallbackFormat } = formatsFor(formatOf(image));
  if (fallbackFormat === 'original') return encode(image, [THUMB.width], `${THUMB.width}px`, {}, THUMB);
  const crop = { width: THUMB.width, height: THUMB.height, fit: 'cover' as const, densities: [1, 2] };
  const sources = await Promise.all(modern.map(async (f) => ({ type: f, image: await getImage({ src: image, ...crop, format: f }) })));
  const fallback = await getImage({ src: image, ...crop, format: fallbackFormat });
  return {
    render: (alt) =>
      sources.map((s) => `<source type="image/${s.type}"${attributes({ srcset: s.image.srcSet.attribute })}>`).join('') +
      `<img${attributes({ src: fallback.src, srcset: fallback.srcSet.attribute, alt, width: THUMB.width, height: THUMB.height, loading: 'lazy', decoding: 'async' })}>`,
  };
}

async function encode(
  image: ImageMetadata,
  candidates: readonly number[],
  sizes: string,
  options: PictureOptions,
  box: { width: number; height: number } = image,
): Promise<EncodedPicture> {
  const widths = widthsFor(image.width, candidates);
  // The base width is one of the srcset's, so Astro encodes no extra full-size copy for `src`.
  const width = Math.min(widths.find((w) => w >= 720) ?? image.width, image.width);
  const formats = formatsFor(formatOf(image));
  const sources = await Promise.all(
    formats.modern.map(async (type) => ({ type, image: await getImage({ src: image, width, widths, sizes, format: type }) })),
  );
  // The fallback: re-encoded at the same widths where that keeps the picture whole, else the file itself.
  const fallback = formats.fallback === 'original' ? undefined : await getImage({ src: image, width, widths, sizes, format: formats.fallback });
  const src = fallback?.src ?? image.src;
  const loading = options.eager ? { loading: 'eager', fetchpriority: 'high' } : { loading: 'lazy' };
  return {
    src,
    width: box.width,
    height: box.height,
    render: (alt) =>
      sources.map((s) => `<source type="image/${s.type}"${attributes({ srcset: s.image.srcSet.attribute, sizes })}>`).join('') +
      `<img${attributes(
        {
          src,
          srcset: fallback?.srcSet.attribute,
          sizes: fallback ? sizes : undefined,
          alt,
          width: box.width,
          height: box.height,
          ...loading,
          decoding: 'async',
          ...options.imgAttributes,
        },
      )}>`,
  };
}

/** The cover for og:image and feeds: a 1200 px JPEG (what social cards and feed readers all read). */
export async function socialImage(image: ImageMetadata): Promise<{ src: string; width: number; height: number } | undefined> {
  if (formatOf(image) === 'svg') return undefined;
  const result = await getImage({ src: image, width: Math.min(1200, image.width), format: 'jpeg' });
  return { src: result.src, width: Number(result.attributes['width']), height: Number(result.attributes['height']) };
}

/**
 * A picture for a feed reader: the page's fallback file alone in a plain
 * <img> (no <source>, no srcset, no lazy loading), the one form every reader
 * draws. It is a file the page already wrote, so a feed adds no encoding.
 */
export async function encodeFeedPicture(image: ImageMetadata): Promise<PictureMarkup> {
  const { src, width, height } = await encodePicture(image);
  return { plain: true, render: (alt) => `<img${attributes({ src, alt, width, height })}>` };
}
