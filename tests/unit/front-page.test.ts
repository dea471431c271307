import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/lib/content/collection.ts';
import { frontPage } from '../../src/lib/content/front-page.ts';

const article = (id: string, data: { date?: string; cover?: unknown; section?: string }) => ({ id, data: { section: '社会', ...data } }) as unknown as Article;

describe('frontPage', () => {
  const undated = article('undated', { cover: {} });
  const newest = article('newest', { date: '2024-10-02' });
  const covered = article('covered', { date: '2024-09-06', cover: {} });
  const older = article('older', { date: '2023-01-01', cover: {} });
  // Newest first, undated last: as listArticles orders them.
  const all = [newest, covered, older, undated];

  it('leads with the newest dated article with a cover, and leaves it out of the latest', () => {
    const front = frontPage(all, all, []);
    expect(front.lead).toBe(covered);
    expect(front.latest).toEqual([newest, older, undated]);
  });

  it('leads with the newest dated article when none has a cover; an undated one never leads, even with a cover', () => {
    expect(frontPage([newest, undated], [newest, undated], []).lead).toBe(newest);
    expect(frontPage([undated], [undated], []).lead).toBeUndefined();
  });

  it('gives each section with articles a block of its newest three, in the sections’ order', () => {
    const society = { slug: 'society', name: '社会' };
    const tech = { slug: 'tech', name: '科技' };
    const empty = { slug: 'empty', name: '空' };
    const blocks = frontPage(all, all, [
      { section: society, articles: all },
      { section: empty, articles: [] },
      { section: tech, articles: [older] },
    ]).blocks;
    expect(blocks).toEqual([
      { section: society, articles: [newest, covered, older] },
      { section: tech, articles: [older] },
    ]);
  });
});
