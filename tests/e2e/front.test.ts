import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from '../support/browser.ts';
import { useSite } from '../support/e2e.ts';

// The series newsroom's front page in Chromium, at a phone's and a desktop's width.
const SHOTS = process.env['YUEDU_SHOTS'];
const site = useSite('distSeries', '/news/');

type Box = { top: number; bottom: number; left: number; right: number };
const PARTS = ['.yd-front-lead', '.yd-front-latest', '.yd-section-block'];

async function front(viewport: { width: number; height: number }, js = true) {
  const context = await site.browser.newContext({ viewport, javaScriptEnabled: js, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(site.server.url);
  const boxes = async (selector: string) => page.locator(selector).evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as Box));
  return { context, page, boxes };
}

describe('the front page', () => {
  it('on a desktop sets the lead beside the latest, and the section blocks side by side, within the page', async () => {
    const { context, page, boxes } = await front(DESKTOP);
    const [leads, latests, blocks] = await Promise.all(PARTS.map(boxes));
    const [lead, latest] = [leads?.[0], latests?.[0]];
    if (!lead || !latest || !blocks) throw new Error('front page parts missing');
    // Two story columns: side by side, sharing a band of the screen.
    expect(latest.left).toBeGreaterThanOrEqual(lead.right);
    expect(latest.top).toBeLessThan(lead.bottom);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    expect(blocks[1]?.left).toBeGreaterThanOrEqual(blocks[0]?.right ?? Infinity);
    expect(blocks[1]?.top).toBe(blocks[0]?.top);
    for (const box of [lead, latest, ...blocks]) expect(box.right).toBeLessThanOrEqual(DESKTOP.width);
    // Headlines rank the stories: the lead's largest, then the latest, then a section block's.
    const size = (selector: string) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const [leadSize, latestSize, blockSize] = await Promise.all(['.yd-lead h3', '.yd-front-latest > .yd-article-list h3', '.yd-section-block .yd-article-list h4'].map(size));
    expect(leadSize).toBeGreaterThan(latestSize ?? Infinity);
    expect(latestSize).toBeGreaterThan(blockSize ?? Infinity);
    await context.close();
  });

  it('on a phone is one column in reading order: lead, latest, each section, inside the screen', async () => {
    const { context, boxes } = await front(PHONE);
    const all = (await Promise.all(PARTS.map(boxes))).flat();
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const [i, box] of all.entries()) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(PHONE.width);
      if (i > 0) expect(box.top).toBeGreaterThanOrEqual(all[i - 1]?.bottom ?? Infinity);
    }
    await context.close();
  });

  it('with JavaScript off shows it whole, the lead’s cover drawn without shifting anything, at most 60 KB on a phone', async () => {
    const pictures: Promise<number>[] = [];
    const context = await site.browser.newContext({ viewport: PHONE, javaScriptEnabled: false, serviceWorkers: 'block' });
    const page = await context.newPage();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'image') pictures.push(response.body().then((body) => body.length));
    });
    await page.goto(site.server.url);
    await expect.poll(() => page.locator('.yd-lead-cover img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await page.locator('.yd-section-block').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.yd-front-latest > .yd-article-list > li').count()).toBeGreaterThan(5);
    // The cover's box is reserved from its width and height before it arrives.
    const ratio = await page.locator('.yd-lead-cover img').evaluate((img) => img.getBoundingClientRect().width / img.getBoundingClientRect().height);
    expect(ratio).toBeCloseTo(1.5, 1);
    // Only the lead's cover is fetched before the reader scrolls; the thumbnails below wait.
    const sizes = await Promise.all(pictures);
    expect(sizes).toHaveLength(1);
    expect(sizes[0]).toBeLessThanOrEqual(60 * 1024);
    if (SHOTS) {
      for (const [name, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
        for (const [what, path] of [['front', ''], ['section', 'sections/society/']] as const) {
          const shot = await site.browser.newPage({ viewport, serviceWorkers: 'block' });
          await shot.goto(site.server.url + path);
          await shot.screenshot({ path: `${SHOTS}/${what}-${name}.png`, fullPage: true });
          await shot.close();
        }
      }
    }
    await context.close();
  });
});
