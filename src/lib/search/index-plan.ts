/**
 * Which search-index segments a build reuses and which it writes (the way a
 * log-structured index grows): the index is cut into segments of articles in
 * publication order, each a Pagefind bundle holding both scripts. A segment
 * whose pages are unchanged is reused as it is. A page edited or deleted
 * since its segment was written is hidden from results by its Pagefind page id
 * (a "dropped" id) and, if edited, written again with the new articles. So a
 * day's new articles and corrections cost an index of their own size, not of
 * the archive's.
 *
 * Pure: it sees only page hashes and the last build's manifest, so it is
 * tested without Pagefind (tests/unit/index-plan.test.ts).
 */

/** One indexed page: its content hash and the id Pagefind gave it (what search results carry). */
export interface IndexedPage {
  hash: string;
  lang: string;
  /** Pagefind's page id: result.id in the browser, the fragment's file name. */
  id: string;
}

export interface Segment {
  /** Folder name, derived from its pages' hashes. */
  name: string;
  /** Articles it held when written; sets its level (big, small, tail). */
  articles: number;
  /** Every page written into it, by site-relative file. */
  pages: Record<string, IndexedPage>;
}

/** An article as this build sees it: its pages (own script and twin) and where it sorts. */
export interface CurrentArticle {
  id: string;
  /** Publication order: date, then id; undated articles first. */
  order: string;
  pages: Record<string, { hash: string; lang: string }>;
}

export interface Sizes {
  /** Articles in a full segment: one Pagefind run per script (YUEDU_INDEX_BATCH, 5,000). */
  big: number;
  /** The smallest segment kept between builds; fewer articles stay in the tail, rewritten each build. */
  small: number;
  /** Segments below `big` allowed before they are merged into one. */
  maxSmall: number;
  /** Share of a segment's articles that may be edited or deleted before it is rewritten. */
  maxStale: number;
}

export const sizesFor = (big: number): Sizes => ({ big, small: Math.max(1, Math.round(big / 10)), maxSmall: 4, maxStale: 0.2 });

export interface Plan<S extends Segment = Segment> {
  /** Segments reused, in their previous order, with the page ids to hide from each. */
  keep: { segment: S; dropped: string[] }[];
  /** New segments to write: each a list of articles in publication order. */
  write: CurrentArticle[][];
  /** Why segments were rewritten, for the build log. */
  notes: string[];
}

/**
 * The article a built page belongs to: articles/<slug>/… or articles/<slug>.html; a series
 * page (series/<slug>/…) is indexed as an "article" of its own, named series/<slug>.
 */
export function articleOf(file: string): string {
  const [folder, name] = file.split('/');
  const slug = name?.replace(/\.html$/, '') ?? file;
  return folder === 'series' ? `series/${slug}` : slug;
}

/** The articles a segment held, each with its page files. */
function segmentArticles(segment: Segment): Map<string, string[]> {
  const articles = new Map<string, string[]>();
  for (const file of Object.keys(segment.pages)) {
    const id = articleOf(file);
    articles.set(id, [...(articles.get(id) ?? []), file]);
  }
  return articles;
}

/** Whether an article's pages are exactly those the segment indexed. */
function unchanged(segment: Segment, files: string[], now: CurrentArticle | undefined): boolean {
  if (!now || Object.keys(now.pages).length !== files.length) return false;
  return files.every((file) => now.pages[file]?.hash === segment.pages[file]?.hash);
}

/** Cuts articles (in publication order) into segments: full big ones, then one of whole smalls, then the tail. */
function cut(pool: CurrentArticle[], sizes: Sizes): CurrentArticle[][] {
  const out: CurrentArticle[][] = [];
  let rest = pool;
  while (rest.length >= sizes.big) {
    out.push(rest.slice(0, sizes.big));
    rest = rest.slice(sizes.big);
  }
  const whole = Math.floor(rest.length / sizes.small) * sizes.small;
  if (whole > 0) out.push(rest.slice(0, whole));
  if (rest.length > whole) out.push(rest.slice(whole));
  return out;
}

/** Hands back the caller's own segments (with whatever else it records of them) in `keep`. */
export function planIndex<S extends Segment>(previous: S[], current: CurrentArticle[], sizes: Sizes): Plan<S> {
  const byId = new Map(current.map((article) => [article.id, article]));
  const claimed = new Set<string>();
  const notes: string[] = [];
  let keep: { segment: S; dropped: string[]; live: string[] }[] = [];
  let tail: { segment: S; dropped: string[]; live: string[] } | undefined;
  for (const segment of previous) {
    const articles = segmentArticles(segment);
    const live = [...articles].filter(([id, files]) => !claimed.has(id) && unchanged(segment, files, byId.get(id))).map(([id]) => id);
    const stale = articles.size - live.length;
    // The tail is written again with whatever is new; unchanged and with nothing new, it stays.
    if (segment.articles < sizes.small) {
      if (stale === 0 && !tail) tail = { segment, dropped: [], live };
      continue;
    }
    if (live.length === 0) continue;
    if (stale > sizes.maxStale * segment.articles) {
      notes.push(`${segment.name}: ${stale} of ${segment.articles} articles changed or gone; rewriting it`);
      continue;
    }
    for (const id of live) claimed.add(id);
    const liveFiles = new Set(live.flatMap((id) => articles.get(id) ?? []));
    const dropped = Object.entries(segment.pages)
      .filter(([file]) => !liveFiles.has(file))
      .map(([, page]) => page.id);
    keep.push({ segment, dropped, live });
  }
  const pool = () => current.filter((article) => !claimed.has(article.id)).sort((a, b) => a.order.localeCompare(b.order) || a.id.localeCompare(b.id));
  if (tail && pool().length === tail.live.length && tail.live.every((id) => !claimed.has(id))) {
    return { keep: [...keep, tail].map(({ segment, dropped }) => ({ segment, dropped })), write: [], notes };
  }
  let write = cut(pool(), sizes);
  // Segments below full size (the tail aside) are capped: past the cap they are merged, so a
  // search never opens more than a few small bundles besides the full ones.
  const smalls = keep.filter(({ segment }) => segment.articles < sizes.big);
  const newSmalls = write.filter((group) => group.length >= sizes.small && group.length < sizes.big);
  if (smalls.length + newSmalls.length > sizes.maxSmall) {
    notes.push(`merging ${smalls.length} smaller segments with the new articles`);
    for (const { live } of smalls) for (const id of live) claimed.delete(id);
    keep = keep.filter(({ segment }) => segment.articles >= sizes.big);
    write = cut(pool(), sizes);
  }
  return { keep: keep.map(({ segment, dropped }) => ({ segment, dropped })), write, notes };
}
