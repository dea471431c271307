import { pinyin } from 'pinyin-pro';

const MAX_SLUG = 60;

/**
 * ASCII file name for an article: toneless pinyin, one hyphen-joined group per
 * word. Words come from ICU's Chinese segmenter, whose dictionary is fixed by
 * the Node version the project pins, so the same title gives the same slug.
 */
export function slugFromTitle(title: string): string {
  const words = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(title)]
    .filter((s) => s.isWordLike)
    .map((s) => pinyin(s.segment, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(''))
    .map((word) => word.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG) break;
    slug = next;
  }
  return slug || 'article';
}
