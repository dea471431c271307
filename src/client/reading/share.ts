import { sentenceUrl, textDirective } from './share-link.ts';

// Blocks a quote may come from; a selection across several is shared from its start.
const BLOCKS = 'p, li, blockquote, figcaption, td, th, h2, h3, h4';

const zh = document.documentElement.lang === 'zh-Hant';
const WORDS = zh
  ? { bar: '分享所選文字', copy: '複製連結', share: '分享這句', copied: '已複製這句的連結', failed: '無法複製，請手動複製網址' }
  : { bar: '分享所选文字', copy: '复制链接', share: '分享这句', copied: '已复制这句的链接', failed: '无法复制，请手动复制网址' };

function button(text: string): HTMLButtonElement {
  const node = document.createElement('button');
  node.type = 'button';
  node.textContent = text;
  return node;
}

/** The id of the section holding `block`: its nearest heading before it, else the title. */
function sectionOf(prose: Element, block: Element): string {
  const headings = [...prose.querySelectorAll('h2[id], h3[id], h4[id]')];
  const before = headings.filter((h) => h === block || h.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING);
  return before.at(-1)?.id ?? 'yd-title';
}

/** Characters of `block`'s text before the point (node, offset). */
function offsetIn(block: Element, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(block, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * Selecting text in the article shows a small toolbar beside it: 复制链接
 * (and 分享这句 where the Web Share API exists) for a link that opens the
 * article at that sentence. It sits right after the paragraph in the DOM, so
 * Tab reaches it next, is positioned under the selection, and never appears
 * for selections outside the article.
 */
function startSharing(prose: Element): void {
  const bar = document.createElement('div');
  bar.className = 'yd-share';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', WORDS.bar);
  bar.setAttribute('data-pagefind-ignore', 'all');
  bar.hidden = true;
  const copy = button(WORDS.copy);
  const share = typeof navigator.share === 'function' ? button(WORDS.share) : undefined;
  const status = document.createElement('span');
  status.className = 'yd-visually-hidden';
  status.setAttribute('role', 'status');
  bar.append(copy, ...(share ? [share] : []), status);
  let link = '';

  // A press on the toolbar must not clear the selection it is about.
  bar.addEventListener('pointerdown', (event) => event.preventDefault());
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(link).then(
      () => (status.textContent = WORDS.copied),
      () => (status.textContent = WORDS.failed),
    );
  });
  share?.addEventListener('click', () => {
    navigator.share({ title: document.title, url: link }).catch(() => undefined);
  });

  function update(): void {
    const selection = getSelection();
    const range = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : undefined;
    const start = range?.startContainer;
    const block = (start instanceof Element ? start : start?.parentElement)?.closest(BLOCKS);
    if (!range || !block || !prose.contains(block)) {
      if (!bar.contains(document.activeElement)) bar.hidden = true;
      return;
    }
    const from = offsetIn(block, range.startContainer, range.startOffset);
    const to = block.contains(range.endContainer) ? offsetIn(block, range.endContainer, range.endOffset) : (block.textContent ?? '').length;
    const directive = textDirective(block.textContent ?? '', from, to, prose.textContent ?? '', document.documentElement.lang);
    if (!directive) {
      bar.hidden = true;
      return;
    }
    link = sentenceUrl(location.href, sectionOf(prose, block), directive);
    status.textContent = '';
    // Right after the article block holding the quote: the next stop for Tab.
    const place = [...prose.children].find((child) => child.contains(block)) ?? block;
    if (bar.previousElementSibling !== place) place.after(bar);
    const rect = range.getBoundingClientRect();
    bar.hidden = false;
    bar.style.top = `${rect.bottom + scrollY + 6}px`;
    bar.style.left = `${Math.max(8, Math.min(rect.left + scrollX, innerWidth - bar.offsetWidth - 8))}px`;
  }

  let queued = false;
  document.addEventListener('selectionchange', () => {
    if (!queued) requestAnimationFrame(() => ((queued = false), update()));
    queued = true;
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !bar.hidden) bar.hidden = true;
  });
  update();
}

// Loaded by article.ts on the reader's first selection, which this then answers.
const prose = document.querySelector('.yd-prose');
if (prose) startSharing(prose);
