import { describe, expect, it } from 'vitest';
import { planIndex, sizesFor, type CurrentArticle, type Segment } from '../../src/lib/search/index-plan.ts';

// Full segments of 10 articles, small ones of at least 3 (the build's are 5,000 and 500).
const SIZES = { ...sizesFor(10), small: 3 };

/** Article k, dated in order, with its page in each script; `v` changes its text. */
const article = (k: number, v = 0): CurrentArticle => ({
  id: `a-${String(k).padStart(3, '0')}`,
  order: `2024-01-${String(1 + (k % 28)).padStart(2, '0')}-${String(k).padStart(3, '0')}`,
  pages: {
    [`articles/a-${String(k).padStart(3, '0')}/index.html`]: { hash: `cn-${k}-${v}`, lang: 'zh-cn' },
    [`articles/a-${String(k).padStart(3, '0')}/zh-hant/index.html`]: { hash: `hant-${k}-${v}`, lang: 'zh-hant' },
  },
});
const archive = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => article(from + i));

/** What a build would record for the groups a plan writes. */
function written(groups: CurrentArticle[][]): Segment[] {
  return groups.map((group, g) => ({
    name: `seg-${g}-${group[0]?.id}`,
    articles: group.length,
    pages: Object.fromEntries(group.flatMap((a) => Object.entries(a.pages).map(([file, p]) => [file, { ...p, id: `id-${p.hash}` }]))),
  }));
}
const ids = (groups: CurrentArticle[][]) => groups.map((group) => group.map((a) => a.id));

describe('index segments', () => {
  it('a first build cuts the archive in publication order: full segments, one of whole smalls, the tail', () => {
    const plan = planIndex([], archive(0, 25).reverse(), SIZES);
    expect(plan.keep).toEqual([]);
    expect(plan.write.map((g) => g.length)).toEqual([10, 10, 3, 2]);
    expect(plan.write[0]?.[0]?.id).toBe('a-000');
    expect(plan.write[3]?.map((a) => a.id)).toEqual(['a-023', 'a-024']);
  });

  it('a day of new articles and one correction writes only them and the tail; the corrected page is hidden in its old segment', () => {
    const first = written(planIndex([], archive(0, 25), SIZES).write);
    const today = [...archive(0, 25).map((a) => (a.id === 'a-004' ? article(4, 1) : a)), ...archive(25, 27)];
    const plan = planIndex(first, today, SIZES);
    // The two full segments and the small one stay; the tail (2) joins the new (2) and the correction.
    expect(plan.keep.map(({ segment }) => segment.name)).toEqual(first.slice(0, 3).map((s) => s.name));
    expect(plan.keep[0]?.dropped.sort()).toEqual(['id-cn-4-0', 'id-hant-4-0']);
    expect(plan.keep[1]?.dropped).toEqual([]);
    expect(ids(plan.write)).toEqual([['a-004', 'a-023', 'a-024'], ['a-025', 'a-026']]);
  });

  it('a deleted article is hidden where it was indexed and written nowhere', () => {
    const first = written(planIndex([], archive(0, 20), SIZES).write);
    const plan = planIndex(first, archive(0, 20).filter((a) => a.id !== 'a-013'), SIZES);
    expect(plan.write).toEqual([]);
    expect(plan.keep[1]?.dropped.sort()).toEqual(['id-cn-13-0', 'id-hant-13-0']);
  });

  it('a segment with more than a fifth of its articles changed is written again whole', () => {
    const first = written(planIndex([], archive(0, 20), SIZES).write);
    const plan = planIndex(first, archive(0, 20).map((a, k) => (k < 3 ? article(k, 1) : a)), SIZES);
    expect(plan.keep.map(({ segment }) => segment.name)).toEqual([first[1]?.name]);
    expect(ids(plan.write)).toEqual([archive(0, 10).map((a) => a.id)]);
    expect(plan.notes.join()).toMatch(/3 of 10 articles changed/);
  });

  it('small segments pile up to four, then merge into a full one', () => {
    let segments = written(planIndex([], archive(0, 10), SIZES).write);
    let k = 10;
    const counts: number[] = [];
    for (let day = 0; day < 6; day++) {
      const plan = planIndex(segments, archive(0, (k += 3)), SIZES);
      segments = [...plan.keep.map(({ segment }) => segment), ...written(plan.write)];
      counts.push(segments.length);
    }
    // Each day adds a small segment of 3; a fifth would exceed four, so day 5 merges the four
    // with its own three into a full segment, a small one and a tail (10 + 3 + 2).
    expect(counts).toEqual([2, 3, 4, 5, 4, 5]);
    expect(segments.map((s) => s.articles)).toEqual([10, 10, 3, 3, 2]);
    // Every article is in exactly one segment.
    const all = segments.flatMap((s) => Object.keys(s.pages));
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(2 * k);
  });

  it('an unchanged archive reuses everything, its tail too, and writes nothing', () => {
    const first = written(planIndex([], archive(0, 25), SIZES).write);
    const plan = planIndex(first, archive(0, 25), SIZES);
    expect(plan.write).toEqual([]);
    expect(plan.keep.map(({ segment }) => segment.articles)).toEqual([10, 10, 3, 2]);
  });
});
