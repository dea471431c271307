/**
 * Article pages: mark the TOC entry of the section being read (the TOC works
 * as plain links without this), and load the arrival marks only when a search
 * result brought the reader here.
 */
const tocLinks = [...document.querySelectorAll<HTMLAnchorElement>('.yd-toc a[href^="#"]')];
const targets = tocLinks
  .map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))))
  .filter((target): target is HTMLElement => target !== null);

let queued = false;
function markCurrent(): void {
  queued = false;
  // The current section is the last one whose heading has passed the top third of the screen.
  const line = innerHeight / 3;
  let current = 0;
  targets.forEach((target, i) => {
    if (target.getBoundingClientRect().top < line) current = i;
  });
  // At the very end a short last section can never reach that line: it is the one being read.
  if (innerHeight + scrollY >= document.documentElement.scrollHeight - 2) current = targets.length - 1;
  tocLinks.forEach((link, i) => {
    if (i === current) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  });
}

if (targets.length === tocLinks.length && targets.length > 0) {
  addEventListener(
    'scroll',
    () => {
      if (!queued) requestAnimationFrame(markCurrent);
      queued = true;
    },
    { passive: true },
  );
  markCurrent();
}

if (new URLSearchParams(location.search).has('highlight')) void import('./search/highlight.ts');

// Sharing a sentence loads on the first selection (share.ts shows nothing outside the article).
document.addEventListener('selectionchange', () => void import('./reading/share.ts'), { once: true });
