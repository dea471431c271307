import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import { tidyLine } from '../typography.ts';
import type { SettledPicture } from './pictures.ts';

/** Where a picture's src ends up: a file beside the article, or a link to its source. */
export type PictureMap = Map<string, SettledPicture>;

/** The src a picture loads: lazy-loading pages keep the real one in a data attribute. */
export function pictureSrc(img: Element): string {
  for (const name of ['data-original', 'data-src', 'data-lazy-src', 'data-actualsrc', 'src']) {
    const value = img.getAttribute(name)?.trim();
    if (value && !value.startsWith('data:image/gif;base64,R0lGOD')) return value;
  }
  return '';
}

// Never article text, wherever Readability left them.
const FURNITURE = ['script', 'style', 'noscript', 'template', 'form', 'button', 'input', 'select', 'textarea', 'iframe', 'object', 'embed', 'nav', 'aside', 'footer', 'svg'] as const;
// A short paragraph that only invites sharing: a share bar's leftover.
const SHARE = /^(?:转播到|轉播到|分享到|分享至|分享：|分享:|一键分享|打开微信|微信扫一扫|扫一扫|Share\b)/u;
// A line that only heads the site's own lists (recommended videos, related stories, comments).
const FURNITURE_LINE = /^(?:精彩视频推荐|精彩推荐|相关阅读|相关閱讀|相关新闻|相關新聞|相关文章|相關文章|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|热门推荐|猜你喜欢|热门评论|网友评论|更多精彩)$/u;
// A short line right under a picture that reads as its caption: "图为…", "▲…", or one that ends on
// the photographer's credit ("…/摄", "（新华社记者 某某 摄）", "本报记者 王五 摄").
const CAPTION = /^(?:图为|圖為|图注|圖註|图片|圖片|图[:：]|圖[:：]|▲|△|↑|上图|下图|（图|\(图)|(?:[/／]\s*|(?:记者|記者|通讯员|通訊員|摄影|攝影)[^。！？]{0,24}?\s)(?:摄|攝)[）)]?$/u;

const escapeTitle = (text: string) => text.replace(/["\\]/g, '\\$&').replace(/\s+/g, ' ').trim();

/**
 * Prepares the article DOM for Markdown: links made absolute (javascript:
 * links keep only their text), picture-only links unwrapped (a link to an
 * album is furniture), and the Chinese punctuation rules of the text
 * importer applied to every text node.
 */
function prepare(doc: Document, pageUrl: string | undefined): void {
  for (const el of doc.querySelectorAll(FURNITURE.join(','))) el.remove();
  for (const a of [...doc.querySelectorAll('a')]) {
    const href = a.getAttribute('href') ?? '';
    let url: URL | undefined;
    try {
      url = new URL(href, pageUrl);
    } catch {
      url = undefined;
    }
    const onlyPicture = a.querySelector('img') && (a.textContent ?? '').trim() === '';
    // A link around nothing, or around an icon dropped as furniture, would be an invisible, unnamed link.
    if (!a.querySelector('img') && (a.textContent ?? '').trim() === '') {
      a.remove();
      continue;
    }
    if (!url || !/^(?:https?|mailto):$/.test(url.protocol) || onlyPicture || href.startsWith('#')) a.replaceWith(...a.childNodes);
    else a.setAttribute('href', url.href);
  }
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('pre, code')) continue;
    // tidyLine trims; keep one space where the text touched a neighbour.
    const text = node.textContent ?? '';
    const lead = /^\s/.test(text) ? ' ' : '';
    const trail = /\s$/.test(text) && text.trim() !== '' ? ' ' : '';
    node.textContent = text.trim() === '' ? text.replace(/[\u3000\u00a0]+/g, ' ') : `${lead}${tidyLine(text)}${trail}`;
  }
}

function turndownFor(pictures: PictureMap, title: string, linkedPictures: Set<string>): TurndownService {
  const service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
  service.use(gfm);
  service.remove([...FURNITURE] as TurndownService.Filter);
  const picture = (img: Element, caption: string) => {
    const src = pictureSrc(img);
    const alt = (img.getAttribute('alt') ?? '').replace(/[[\]\\]/g, '').trim();
    const settled = pictures.get(src);
    if (!settled || settled.kind === 'dropped') return '';
    // Never a remote <img>: a link to the picture, or only its words when even its address is unknown.
    if (settled.kind === 'linked') {
      if (!settled.url) return `（图片：${alt || src}）`;
      linkedPictures.add(settled.url);
      return `[${alt || '图片'}](${settled.url}${caption ? ` "${escapeTitle(caption)}"` : ''})`;
    }
    return `![${alt}](./${settled.name}${caption ? ` "${escapeTitle(caption)}"` : ''})`;
  };
  service.addRule('figure', {
    filter: 'figure',
    replacement: (_content, node) => {
      const el = node as unknown as Element;
      const img = el.querySelector('img');
      const caption = (el.querySelector('figcaption')?.textContent ?? '').trim();
      if (!img) return `\n\n${caption}\n\n`;
      return `\n\n${picture(img, caption)}\n\n`;
    },
  });
  service.addRule('picture', {
    filter: 'img',
    replacement: (_content, node) => picture(node as unknown as Element, ((node as unknown as Element).getAttribute('title') ?? '').trim()),
  });
  // The page's h1 is the title, not a section (Readability may hand it back as an h2);
  // h2-h6 become ##-#### (a TOC deeper than that helps nobody).
  service.addRule('headings', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement: (content, node) => {
      const level = Number(node.nodeName.slice(1));
      const text = content.replace(/\s+/g, ' ').trim();
      if (!text || text === title) return '\n\n';
      return `\n\n${'#'.repeat(Math.min(Math.max(level, 2), 4))} ${text}\n\n`;
    },
  });
  return service;
}

// A paragraph that is one short bold run, not a sentence: how Chinese news sites, which rarely
// use <h2>, set their sub-headings (**方案1**, **出国前后关注点大不同**, **出国前：考题会怎样？**).
const BOLD_LINE = /^\*\*([^*\n]+)\*\*$/;
const boldHeading = (block: string): string | undefined => {
  const text = BOLD_LINE.exec(block)?.[1]?.trim();
  if (!text) return undefined;
  const length = [...text].length;
  return length >= 2 && length <= 40 && !/[。，、；,;.…]$/u.test(text) ? text : undefined;
};

/**
 * Drops share-bar leftovers, folds a caption line under a picture (copied,
 * or linked: `[alt](https://… "caption")`, which the site shows as a figure) into the
 * picture's title, and makes bold sub-heading lines headings (two or more,
 * none the article's last block): ## when the page has no headings of its own, ###
 * under its ## ones.
 */
function tidyBlocks(markdown: string, linkedPictures: ReadonlySet<string>): string {
  const blocks = markdown
    .split(/\n{2,}/)
    .map((block) => block.replace(/^[ \t\u3000\u00a0]+|[ \t\u3000\u00a0]+$/gm, ''))
    .filter((block) => {
      const words = block.replace(/[*_#>\\]/g, '').trim();
      return words !== '' && !(SHARE.test(words) && [...words].length <= 20) && !FURNITURE_LINE.test(words);
    });
  const out: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] ?? '';
    const next = blocks[i + 1];
    // A picture copied beside the article, or one left as a link to it (a caption keeps to its picture either way).
    const image = /^(!?)\[([^\]]*)\]\(((?:\.\/|https?:)[^ )]+)\)$/.exec(block);
    const isPicture = image && (image[1] === '!' || linkedPictures.has(image[3] ?? ''));
    if (image && isPicture && next && CAPTION.test(next) && [...next].length <= 120 && !next.includes('\n')) {
      out.push(`${image[1]}[${image[2]}](${image[3]} "${escapeTitle(next.replace(/\\(.)/g, '$1'))}")`);
      i++;
      continue;
    }
    out.push(block);
  }
  // Sub-headings come in sets, each heading something: one bold line alone (a credit line, a map's
  // coordinates) or closing the article stays as it is.
  const headings = new Set(out.flatMap((block, i) => (boldHeading(block) && i < out.length - 1 ? [i] : [])));
  const level = out.some((block) => /^## /.test(block)) ? '###' : '##';
  if (headings.size < 2) return out.join('\n\n');
  return out.map((block, i) => (headings.has(i) ? `${level} ${boldHeading(block)}` : block)).join('\n\n');
}

/** Readability's article DOM -> Markdown that yuedu renders. */
export function articleMarkdown(content: Document, pictures: PictureMap, title: string, pageUrl: string | undefined): string {
  prepare(content, pageUrl);
  // As HTML text: turndown's GFM table rules need DOM table APIs (rows, cells) that linkedom lacks,
  // and turndown brings its own parser for that.
  const linkedPictures = new Set<string>();
  return tidyBlocks(turndownFor(pictures, title, linkedPictures).turndown(content.body?.innerHTML ?? ''), linkedPictures);
}
