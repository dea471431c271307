/**
 * What a page says about itself, never guessed: each field from the first
 * source that states it, absent when none does.
 * - title: og:title, JSON-LD headline, the page's <h1>, <title>; trailing
 *   segments naming the site or its channel are cut ("…_科技_腾讯网", "… | 光明网").
 * - author: JSON-LD author, <meta name=author>, or an explicit 作者/记者 line;
 *   never 责任编辑 (the editor is not the author).
 * - date: JSON-LD datePublished, article:published_time, <time datetime>, or
 *   a dated line at the top of the article; as YYYY-MM-DD.
 * - source_url: --url, <link rel=canonical>, og:url.
 * - publisher: og:site_name, JSON-LD publisher.
 * - description: <meta name=description>, og:description.
 * - section: article:section, the page's breadcrumb, the channel in its <title>.
 * - stated: what the page says its article holds, to check an extraction
 *   against (stated.ts): JSON-LD articleBody, then every description.
 */
export interface PageMetadata {
  title: string | undefined;
  author: string | undefined;
  date: string | undefined;
  sourceUrl: string | undefined;
  publisher: string | undefined;
  description: string | undefined;
  section: string | undefined;
  lang: string | undefined;
  stated: { articleBody: string | undefined; descriptions: string[] };
}

// Some CMSs escape meta text twice (content="&amp;quot;…"): what reaches us still holds entities.
const ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: ' ' };
const unescape = (text: string) =>
  text.replace(/&(?:#(\d+)|#x([\da-f]+)|(\w+));/gi, (whole, dec: string, hex: string, name: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (ENTITIES[name.toLowerCase()] ?? whole),
  );
const clean = (text: string | null | undefined) => unescape(text ?? '').replace(/\s+/g, ' ').trim() || undefined;

function meta(doc: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    for (const el of doc.querySelectorAll('meta')) {
      const name = (el.getAttribute('property') ?? el.getAttribute('name') ?? '').toLowerCase();
      if (name === key) {
        const value = clean(el.getAttribute('content'));
        if (value) return value;
      }
    }
  }
  return undefined;
}

/** Every JSON-LD object on the page, flattened (@graph and arrays). */
function jsonLd(doc: Document): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      found.push(value as Record<string, unknown>);
      visit((value as Record<string, unknown>)['@graph']);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken block says nothing; the other sources still count.
    }
  }
  return found;
}

const nameOf = (value: unknown): string | undefined => {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return value.map(nameOf).filter(Boolean).join('、') || undefined;
  if (value && typeof value === 'object') return clean(String((value as Record<string, unknown>)['name'] ?? ''));
  return undefined;
};

const firstLd = (items: Record<string, unknown>[], key: string) => items.map((item) => item[key]).find((v) => v !== undefined && v !== null && v !== '');

/** A day from an ISO date-time, "2016年10月14日" or "2016-10-14"; undefined when none or impossible. */
export function dayOf(text: string | undefined): string | undefined {
  const match = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text ?? '');
  if (!match) return undefined;
  const [, y, m, d] = match;
  const day = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? undefined : day;
}

// Words that name a site or a channel, not an article: the tail segments a title drops.
const SITE_WORDS = /(?:网|網|新闻|新聞|频道|頻道|报|報|日报|時報|时报|社|台|站|中心|PIXNET|痞客邦|News|Online|\.com|\.cn)$/iu;
const SEPARATORS = /\s*(?:_|\||｜|-|–|—|::|·|@)\s*/u;

/**
 * "标题_科技_腾讯网" -> "标题": trailing segments go while they name the site
 * (its og:site_name, or a name ending in 网, 新闻, 报…) or, once the site is
 * gone, a short channel before it (科技, 探索者). A title that only contains
 * a separator (新竹尖石_美樹營地賞楓) keeps it.
 */
export function cutSiteSuffix(title: string, site?: string): { title: string; channel: string | undefined } {
  let text = title.trim();
  // The site's own name after a separator ends the title, with everything after it.
  if (site) {
    const at = text.search(new RegExp(`${SEPARATORS.source}${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u'));
    if (at > 0) text = text.slice(0, at);
  }
  const parts = text.split(new RegExp(`(${SEPARATORS.source})`, 'u'));
  let cutSite = text !== title.trim();
  let channel: string | undefined;
  // parts alternate text, separator, text…; drop from the end while the tail names the site or a short channel.
  while (parts.length >= 3) {
    const tail = (parts.at(-1) ?? '').replace(/[:\s]+$/u, '').trim();
    const named = tail.replace(/(?:频道|頻道)$/u, '');
    const isChannel = cutSite && named !== '' && [...named].length <= 4 && /^\p{Script=Han}+$/u.test(named);
    const isSite = !isChannel && (tail === '' || SITE_WORDS.test(tail));
    if (!isSite && !isChannel) break;
    if (isChannel) channel = named;
    cutSite ||= isSite;
    parts.splice(-2, 2);
  }
  return { title: parts.join('').trim(), channel };
}

const BYLINE = /^(?:作者|記者|记者|文|撰文|撰稿)\s*[:：|｜]?\s*([\p{Script=Han}A-Za-z·・ ]{2,20}?)\s*(?:[\s/|｜]|$)/u;
const EDITOR = /责任编辑|責任編輯|编辑|編輯/u;

/** An explicit byline line near the top of the article ("记者 张三", "作者：李四"), never an editor's credit. */
function bylineFrom(lines: string[]): string | undefined {
  for (const line of lines.slice(0, 6)) {
    if (EDITOR.test(line)) continue;
    const name = BYLINE.exec(line.trim())?.[1];
    if (name) return name.trim();
  }
  return undefined;
}

/** A date standing on a short line at the top of the article ("TNW中文站2016年10月14日07:17"). */
function datedLine(lines: string[]): string | undefined {
  return lines
    .slice(0, 4)
    .filter((line) => [...line].length <= 40)
    .map(dayOf)
    .find(Boolean);
}

function breadcrumb(doc: Document): string | undefined {
  const crumbs = doc.querySelector('[class*="breadcrumb" i], [id*="breadcrumb" i], nav[aria-label*="breadcrumb" i], .crumb, .crumbs, .position, .location');
  const items = [...(crumbs?.querySelectorAll('a') ?? [])].map((a) => clean(a.textContent)).filter((t): t is string => !!t);
  // Home first, then channels: the last channel before the article is the section.
  return items.length >= 2 ? items.at(-1) : undefined;
}

/**
 * Everything the page states about itself. Read before Readability runs: it
 * removes the scripts (JSON-LD) and much of the furniture (breadcrumbs) this
 * looks at. The article's own lines add a byline or a dated line afterwards
 * (withArticleLines).
 */
export function readMetadata(page: Document, url: string | undefined): PageMetadata {
  const ld = jsonLd(page);
  const publisher = meta(page, 'og:site_name') ?? nameOf(firstLd(ld, 'publisher'));
  const rawTitle =
    meta(page, 'og:title') ?? nameOf(firstLd(ld, 'headline')) ?? clean(page.querySelector('h1')?.textContent) ?? clean(page.querySelector('title')?.textContent);
  // The <title>'s channel segment ("…_科技_腾讯网") names the section when nothing else does.
  const channel = cutSiteSuffix(clean(page.querySelector('title')?.textContent) ?? '', publisher).channel;
  const canonical = page.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const sourceUrl = url ?? absoluteHttp(canonical) ?? absoluteHttp(meta(page, 'og:url'));
  const author = nameOf(firstLd(ld, 'author')) ?? meta(page, 'author', 'article:author');
  return {
    title: rawTitle ? cutSiteSuffix(rawTitle, publisher).title : undefined,
    author: author && !EDITOR.test(author) ? author : undefined,
    date:
      dayOf(String(firstLd(ld, 'datePublished') ?? '')) ??
      dayOf(meta(page, 'article:published_time', 'pubdate', 'publishdate', 'dcterms.created')) ??
      dayOf(page.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined),
    sourceUrl,
    publisher,
    description: meta(page, 'description', 'og:description'),
    section: meta(page, 'article:section') ?? breadcrumb(page) ?? channel,
    lang: clean(page.documentElement?.getAttribute('lang')) ?? meta(page, 'og:locale')?.replace('_', '-'),
    stated: {
      articleBody: typeof firstLd(ld, 'articleBody') === 'string' ? unescape(String(firstLd(ld, 'articleBody'))).trim() || undefined : undefined,
      descriptions: [...new Set([nameOf(firstLd(ld, 'description')), meta(page, 'og:description'), meta(page, 'description')].filter((d): d is string => !!d))],
    },
  };
}

/** The byline and date the article's first lines state, where the page's metadata said none. */
export function withArticleLines(metadata: PageMetadata, lines: string[]): PageMetadata {
  return { ...metadata, author: metadata.author ?? bylineFrom(lines), date: metadata.date ?? datedLine(lines) };
}

function absoluteHttp(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
