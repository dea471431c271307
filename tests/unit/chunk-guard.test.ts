import { describe, expect, it } from 'vitest';
import { chunkGuard } from '../../src/client/search/chunk-guard.ts';

describe('chunkGuard (Pagefind 1.6 reads only the index chunk a word falls in)', () => {
  it('loads, for every word of the query, its own chunk and the one where the words it begins end', async () => {
    const asked: string[] = [];
    const guard = chunkGuard('zh-CN', async (term) => void asked.push(term));
    await guard('龙');
    expect(asked).toEqual(['龙', '龙\uFFFF']);
    asked.length = 0;
    // A quoted phrase and several words: each word, never a quote.
    await guard('"台风 救灾" al');
    expect(asked).toEqual(['台风', '台风\uFFFF', '救灾', '救灾\uFFFF', 'al', 'al\uFFFF']);
  });

  it('finishes only when every chunk is loaded, so the search that follows finds them all', async () => {
    let release = () => {};
    const pending = new Promise<void>((resolve) => (release = resolve));
    let done = false;
    const guarded = chunkGuard('zh-CN', (term) => (term.endsWith('\uFFFF') ? pending : Promise.resolve())).call(null, '龙').then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(done).toBe(false);
    release();
    await guarded;
    expect(done).toBe(true);
  });
});
