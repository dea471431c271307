/**
 * Pagefind 1.6 loads, for each word of a query, only the index chunk the word
 * falls in; the longer words it is a prefix of that sit past that chunk's end
 * are never read. At 10,000 articles this cost the one-character query 龙 166
 * of its 940 results (issue 31). Preloading each word with U+FFFF after it
 * loads the chunk where its range ends too. Both preloads of every word run
 * at once; awaited before the search, they leave it every chunk it needs
 * already loaded. A word whose range sits in one chunk (nearly every word)
 * costs nothing more.
 */
export function chunkGuard(lang: string, preload: (term: string) => Promise<void>): (term: string) => Promise<void> {
  const segmenter = new Intl.Segmenter(lang || 'zh-CN', { granularity: 'word' });
  return async (term) => {
    const words = [...segmenter.segment(term.replace(/"/g, ' '))].filter((s) => s.isWordLike).map((s) => s.segment);
    await Promise.all(words.flatMap((word) => [preload(word), preload(`${word}\uFFFF`)]));
  };
}
