import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { readSite } from '../content/site.ts';

const SOURCE = new URL('../../assets/app-icon.svg', import.meta.url);
/** The page background of each scheme (global.css --yd-bg), for the browser's chrome around the app. */
export const THEME = { light: '#fdfcf8', dark: '#16181c' } as const;

/**
 * The web app manifest and its icons, drawn at build from one source picture
 * (src/assets/app-icon.svg): 192 and 512 px, and a maskable 512 px whose book
 * sits inside the central 80% that every mask keeps. URLs are relative to the
 * manifest, which sits at the site's base, so start_url and scope are the base.
 * Written into the built site `dir` once Astro is done.
 */
export async function writeWebApp(dir: URL, fileUrls: boolean): Promise<void> {
  const svg = await readFile(SOURCE);
  await mkdir(new URL('./icons/', dir), { recursive: true });
  const icons = [
    { file: 'icons/icon-192.png', size: 192, purpose: 'any' },
    { file: 'icons/icon-512.png', size: 512, purpose: 'any' },
    { file: 'icons/icon-maskable-512.png', size: 512, purpose: 'maskable' },
  ];
  for (const { file, size, purpose } of icons) {
    const art = purpose === 'maskable' ? Math.round(size * 0.8) : size;
    const picture = sharp(svg, { density: 72 * (art / 512) * 4 }).resize(art, art);
    const canvas = sharp({ create: { width: size, height: size, channels: 4, background: '#9f1d20' } });
    const offset = Math.round((size - art) / 2);
    await canvas.composite([{ input: await picture.png().toBuffer(), left: offset, top: offset }]).png().toFile(fileURLToPath(new URL(`./${file}`, dir)));
  }
  const { name, description } = readSite();
  const manifest = {
    name,
    short_name: name,
    description,
    lang: 'zh-CN',
    start_url: fileUrls ? './index.html' : './',
    scope: './',
    display: 'standalone',
    background_color: THEME.light,
    theme_color: '#9f1d20',
    icons: icons.map(({ file, size, purpose }) => ({ src: file, sizes: `${size}x${size}`, type: 'image/png', purpose })),
  };
  await writeFile(new URL('./manifest.webmanifest', dir), JSON.stringify(manifest, null, 2));
}
