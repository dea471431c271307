/** Items per listing page: long enough to browse, short enough that a page stays light at any archive size. */
export const PAGE_SIZE = 20;

export interface ListingPage<T> {
  /** 1-based. */
  number: number;
  total: number;
  items: T[];
}

/** Splits a list into pages; an empty list still gives one (empty) page. */
export function paginate<T>(items: readonly T[], size = PAGE_SIZE): ListingPage<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({ number: i + 1, total, items: items.slice(i * size, (i + 1) * size) }));
}

/** Page numbers to link to: first, last and two either side of the current, with null for a gap. */
export function pageLinks(current: number, total: number): (number | null)[] {
  const wanted = new Set([1, total, current - 2, current - 1, current, current + 1, current + 2]);
  const numbers = [...wanted].filter((n) => n >= 1 && n <= total).sort((a, b) => a - b);
  return numbers.flatMap((n, i) => (i > 0 && n - (numbers[i - 1] ?? n) > 1 ? [null, n] : [n]));
}

/** The rest parameter of a listing route (`[...page].astro`): nothing for page 1 (/x/), `page/<n>` after it. */
export const pageParam = (n: number): string | undefined => (n === 1 ? undefined : `page/${n}`);
