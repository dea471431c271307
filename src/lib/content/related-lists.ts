import { relatedReading, type KeyTerms } from '../render/related.ts';
import { listArticles, type Article } from './collection.ts';

const termsOf = (article: Article): KeyTerms => {
  const terms = article.rendered?.metadata?.['terms'];
  return Array.isArray(terms) ? (terms as KeyTerms) : [];
};

let lists: Promise<Map<string, Article[]>> | undefined;

/**
 * Each article's related reading (render/related.ts), once per build for
 * every article: both article routes and the cache keys ask. The key words
 * were counted by the loader when it rendered each article.
 */
export function relatedArticles(): Promise<Map<string, Article[]>> {
  lists ??= listArticles().then((articles) => {
    const started = performance.now();
    const byId = new Map(articles.map((a) => [a.id, a]));
    const bySeries = new Map<string, string[]>();
    for (const a of articles) if (a.data.series) bySeries.set(a.data.series, [...(bySeries.get(a.data.series) ?? []), a.id]);
    const chosen = relatedReading(
      articles.map((a) => ({
        id: a.id,
        section: a.data.section,
        tags: a.data.tags ?? [],
        terms: termsOf(a),
        pinned: a.data.related ?? [],
        exclude: a.data.series ? (bySeries.get(a.data.series) ?? []) : [],
      })),
    );
    // The bench reads this line (scripts/lib/bench-build.ts).
    console.log(`[yuedu-related] related reading for ${articles.length} article(s) in ${Math.round(performance.now() - started)} ms`);
    return new Map([...chosen].map(([id, ids]) => [id, ids.flatMap((other) => byId.get(other) ?? [])]));
  });
  return lists;
}
