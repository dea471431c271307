import { withoutCjkGaps } from './section-hits.ts';
import { visible } from './visible.ts';

/**
 * Pagefind excerpts are HTML with <mark> around hits. Parse them inertly and
 * rebuild only text and <mark>, so nothing from the index can inject markup.
 *
 * Pagefind writes each heading into the page text as "heading. ", so an
 * excerpt near a section's start repeats the heading its link already shows
 * ("淘天集团 . 据悉…"). When the excerpt opens with `heading`, that opening
 * and its full stop are left out, as are the gaps between paragraphs that
 * section excerpts drop too.
 */
export function safeExcerpt(html: string, heading = ''): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  const out = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = visible(node.textContent ?? '');
      out.append(mark);
    } else {
      out.append(withoutCjkGaps(visible(node.textContent ?? '')));
    }
  }
  const text = out.textContent ?? '';
  const opening = heading && text.startsWith(heading) ? /^\s*\.?\s*/u.exec(text.slice(heading.length)) : null;
  if (opening) dropLeading(out, heading.length + opening[0].length);
  return out;
}

/** Removes the first `count` characters of text, across text nodes and marks. */
function dropLeading(fragment: DocumentFragment, count: number): void {
  let left = count;
  for (const node of [...fragment.childNodes]) {
    if (left === 0) return;
    const text = node.textContent ?? '';
    if (text.length <= left) {
      node.remove();
      left -= text.length;
    } else {
      node.textContent = text.slice(left);
      left = 0;
    }
  }
}
