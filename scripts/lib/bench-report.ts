/** The bench's numbers as a table and as one JSON object (`--json`), and the small sums behind them. */

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export interface Timing {
  cold: number;
  warm: number;
}

/** yuedu's search: to the first results shown, and to the whole first page read. */
export interface SearchTiming extends Timing {
  whole: Timing;
  hits: number;
}

export interface Row {
  n: number;
  seconds: number;
  peak: number;
  /** Distinct words in the simplified index, and in both scripts' indexes. */
  words: number;
  wordsBoth: number;
  /** Bundles the simplified index is in. */
  bundles: number;
  dist: number;
  index: number;
  indexFiles: number;
  /** A full build of the same archive plus 20 new articles and one edited. */
  rebuild: number;
  /** Related reading: ms counting key words (loader) and choosing the lists, in the build and the rebuild; article pages the rebuild rendered. */
  related: { terms: number; lists: number; rebuildTerms: number; rebuildLists: number; rerendered: number; pages: number; why: string };
  rare: SearchTiming;
  tenth: SearchTiming;
  common: SearchTiming;
  /** The common term newest first (?sort=newest). */
  newest: SearchTiming;
  plainCommon: Timing;
  /** Plain Pagefind's own date sort of the common term: what newest first costs before yuedu adds anything. */
  plainNewest: Timing;
  /** The reader's measure for the rare term (bench-reader.ts), committed 1 s after focus. */
  reader: { cold: number; warm: number; bytes: number };
  /** The same, committed 300 ms after focus (issue 31's quick reader). */
  quickReader: { cold: number; warm: number; bytes: number };
}

export const ms = (t: Timing) => `${t.cold.toFixed(0)} / ${t.warm.toFixed(0)}`;
export const both = (t: SearchTiming) => `${ms(t)} (${ms(t.whole)})`;

export function printTable(rows: Row[]) {
  console.log(
    '\n| articles | build s | rebuild s (÷ build) | peak memory | words (both scripts) | bundles | dist | index (files) | ' +
      'rare cold / warm ms (whole page) | 10% cold / warm ms (whole page) | common cold / warm ms (whole page) | plain Pagefind common cold / warm ms | ' +
      'common whole warm ÷ plain | common newest first cold / warm ms (whole page) | plain Pagefind newest first cold / warm ms | newest ÷ relevance, whole warm (plain Pagefind\'s) | reader rare cold / warm ms (KB) | the same 300 ms after focus | related reading ms, build (÷ build) / rebuild | rebuild re-rendered article pages |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.n} | ${r.seconds.toFixed(1)} | ${r.rebuild.toFixed(1)} (${(r.rebuild / r.seconds).toFixed(2)}) | ${mb(r.peak)} | ${r.words} (${r.wordsBoth}) | ${r.bundles} | ${mb(r.dist)} | ${mb(r.index)} (${r.indexFiles}) | ` +
        `${both(r.rare)} | ${both(r.tenth)} | ${both(r.common)} | ${ms(r.plainCommon)} | ${(r.common.whole.warm / r.plainCommon.warm).toFixed(2)} | ` +
        `${both(r.newest)} | ${ms(r.plainNewest)} | ${(r.newest.whole.warm / r.common.whole.warm).toFixed(2)} (${(r.plainNewest.warm / r.plainCommon.warm).toFixed(2)}) | ` +
        `${r.reader.cold.toFixed(0)} / ${r.reader.warm.toFixed(0)} (${(r.reader.bytes / 1024).toFixed(0)}) | ` +
        `${r.quickReader.cold.toFixed(0)} / ${r.quickReader.warm.toFixed(0)} (${(r.quickReader.bytes / 1024).toFixed(0)}) | ${relatedCell(r)} | ${r.related.rerendered} of ${r.related.pages} (${r.related.why}) |`,
    );
  }
}

/** "7,900 (1.4%) / 900": key words plus lists, in the full build and in the rebuild. */
function relatedCell({ related: r, seconds }: Row): string {
  const build = r.terms + r.lists;
  return `${build.toFixed(0)} (${((build / 1000 / seconds) * 100).toFixed(1)}%) / ${(r.rebuildTerms + r.rebuildLists).toFixed(0)}`;
}

const round = (x: number, digits = 1) => Number(x.toFixed(digits));
const timing = (t: Timing) => ({ cold_ms: round(t.cold), warm_ms: round(t.warm) });
/** cold_ms and warm_ms to the first results shown; whole_* to the whole first page (20 read, status said). */
const searchTiming = (t: SearchTiming) => ({ ...timing(t), whole_cold_ms: round(t.whole.cold), whole_warm_ms: round(t.whole.warm) });

/** The machine-readable form (`--json`): one object, printed last. */
export function printJson(rows: Row[]) {
  const sizes = rows.map((r) => ({
    articles: r.n,
    build_s: round(r.seconds),
    peak_mb: round(r.peak / 1024 / 1024, 0),
    words: r.words,
    bundles: r.bundles,
    dist_mb: round(r.dist / 1024 / 1024),
    rebuild_s: round(r.rebuild),
    related_ms: { terms: r.related.terms, lists: r.related.lists, rebuild_terms: r.related.rebuildTerms, rebuild_lists: r.related.rebuildLists },
    rebuild_rerendered_pages: r.related.rerendered,
    rebuild_why: r.related.why,
    search: { rare: searchTiming(r.rare), tenth: searchTiming(r.tenth), common: searchTiming(r.common), common_newest: searchTiming(r.newest), plain_common: timing(r.plainCommon), plain_newest: timing(r.plainNewest) },
    reader: { cold_ms: round(r.reader.cold), warm_ms: round(r.reader.warm), after_300_ms: { cold_ms: round(r.quickReader.cold), warm_ms: round(r.quickReader.warm) } },
  }));
  console.log(JSON.stringify({ sizes }));
}
