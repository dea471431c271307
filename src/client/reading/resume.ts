import { forgetPlace, readPlaces, savePlace } from './reading-store.ts';

/**
 * 继续阅读 on an article page: remembers which section the reader has reached
 * and how far into the article, offers a link back to it on the next visit
 * (never an unasked jump), and forgets the article once its end is reached.
 * An IntersectionObserver watches the article's blocks cross the middle of the
 * screen, so scrolling itself costs nothing.
 */
const prose = document.querySelector('.yd-prose');
const end = document.querySelector('.yd-article-end');
const header = document.querySelector('.yd-article-header');
// The same article in either script shares one place: its path without the script's folder.
const article = location.pathname.replace(/\/zh-han[st](?:\/|\.html)?$|(?:\/index)?\.html$|\/$/, '');
const zh = document.documentElement.lang === 'zh-Hant';

if (prose && end && header) {
  const blocks = [...prose.children].filter((el) => !el.matches('.yd-share'));
  const headingOf = (block: Element) => (block.matches('.yd-heading') ? block.querySelector('h2, h3') : null);
  const title = document.querySelector('h1')?.textContent ?? document.title;

  const saved = readPlaces()[article];
  if (saved && saved.percent >= 5) {
    const link = document.createElement('a');
    link.className = 'yd-resume';
    // Back to where the reader was, in the script of this page.
    link.href = `${location.pathname}${new URL(saved.url, location.href).hash}`;
    link.textContent = zh ? `繼續閱讀：${saved.section || '導語'}（已讀 ${saved.percent}%）` : `继续阅读：${saved.section || '导语'}（已读 ${saved.percent}%）`;
    header.append(link);
  }

  let section: Element | null = null;
  let finished = false;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting || finished) continue;
        const index = blocks.indexOf(entry.target);
        section = null;
        for (let i = index; i >= 0 && !section; i--) section = headingOf(blocks[i] as Element);
        const percent = Math.round((index / Math.max(1, blocks.length - 1)) * 100);
        if (percent < 5) continue;
        savePlace(article, {
          title,
          url: `${location.pathname}${section ? `#${encodeURIComponent(section.id)}` : ''}`,
          section: section?.textContent?.trim() ?? '',
          percent,
          at: Date.now(),
        });
      }
    },
    // A block counts as read when it crosses the middle of the screen.
    { rootMargin: '-50% 0px -50% 0px' },
  );
  for (const block of blocks) observer.observe(block);
  // The end of the article on screen: it is finished, and forgotten.
  new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    finished = true;
    observer.disconnect();
    forgetPlace(article);
  }).observe(end);
}
