import path from 'node:path';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { listFiles, readText } from '../support/dist.ts';

interface Manifest {
  name: string;
  short_name: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string; purpose: string }[];
}

describe.each([
  ['distRoot', '/', './'],
  ['distNews', '/news/', './'],
  ['distFile', '/', './index.html'],
] as const)('the web app manifest of %s', (key, base, start) => {
  const dist = inject(key);

  it('names the app 阅读, opens standalone at the site’s base and stays within it', async () => {
    const manifest = JSON.parse(await readText(dist, 'manifest.webmanifest')) as Manifest;
    expect(manifest).toMatchObject({ name: '阅读', short_name: '阅读', display: 'standalone', start_url: start, scope: './' });
    // Relative to the manifest, which sits at the base: the app's start and scope are the base.
    expect(new URL(manifest.start_url, `https://example.com${base}manifest.webmanifest`).pathname).toBe(`${base}${start === './' ? '' : 'index.html'}`);
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('has icons at 192 and 512 px and a maskable one, drawn from one source picture', async () => {
    const manifest = JSON.parse(await readText(dist, 'manifest.webmanifest')) as Manifest;
    expect(manifest.icons.map((icon) => [icon.sizes, icon.purpose])).toEqual([
      ['192x192', 'any'],
      ['512x512', 'any'],
      ['512x512', 'maskable'],
    ]);
    for (const icon of manifest.icons) {
      const meta = await sharp(path.join(dist, icon.src)).metadata();
      expect(`${meta.width}x${meta.height}`, icon.src).toBe(icon.sizes);
      expect(meta.format).toBe('png');
    }
    // The maskable icon's edge is the background: the book stays in the central safe zone.
    const { data } = await sharp(path.join(dist, 'icons/icon-maskable-512.png')).raw().toBuffer({ resolveWithObject: true });
    expect([...data.subarray(0, 3)]).toEqual([0x9f, 0x1d, 0x20]);
  });

  it('is linked from every page, with theme colours for light and dark, and allowed by the CSP', async () => {
    for (const file of (await listFiles(dist)).filter((f) => f.endsWith('.html'))) {
      const doc = parse(await readText(dist, file));
      expect(doc.querySelector('link[rel="manifest"]')?.getAttribute('href'), file).toBe(`${base}manifest.webmanifest`);
      expect(doc.querySelectorAll('meta[name="theme-color"]').map((m) => m.getAttribute('media')), file).toEqual([
        '(prefers-color-scheme: light)',
        '(prefers-color-scheme: dark)',
      ]);
      expect(doc.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content'), file).toContain("manifest-src 'self'");
    }
  });
});
