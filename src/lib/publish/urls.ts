/**
 * Every internal href goes through here so the site works at "/" and under a
 * sub-path (BASE_PATH=/news/). Paths are given without a leading slash.
 *
 * URL_FORMAT=file builds pages as name.html and links to them that way, for
 * hosts that do not serve /dir/ from /dir/index.html (an S3 bucket behind a
 * CDN without rewrites, for example). The default is /dir/ URLs.
 */
const FILE_URLS = process.env['URL_FORMAT'] === 'file';

export function withBase(pathname: string, base: string = import.meta.env.BASE_URL): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + pathname.replace(/^\/+/, '');
}

/** A page's URL from its folder-style path ('' is the home page). */
export function pageUrl(dir: string): string {
  const clean = dir.replace(/^\/+|\/+$/g, '');
  if (!FILE_URLS) return withBase(clean ? `${clean}/` : '');
  return withBase(clean ? `${clean}.html` : 'index.html');
}

export const homeUrl = () => pageUrl('');
type Script = 'zh-CN' | 'zh-Hant';
/**
 * An article's page in `script`: its own page when that is the script it is
 * written in (`own`), else its converted twin (/zh-hant/ of a simplified
 * article, /zh-hans/ of a traditional one).
 */
export const articleUrl = (id: string, script: Script = 'zh-CN', own: Script = 'zh-CN') =>
  pageUrl(`articles/${id}${script === own ? '' : script === 'zh-Hant' ? '/zh-hant' : '/zh-hans'}`);
export const sectionUrl = (slug: string) => pageUrl(`sections/${slug}`);
export const searchUrl = () => pageUrl('search');
/** Page n of a tag's listing (1 is the tag page). */
// A tag's slug may be Chinese (content/tag-slug.ts): written as is, a third of its percent-encoded bytes and
// what a reader reads; the browser encodes it when it asks. tag-slug.ts leaves no character that ends a segment.
export const tagPageUrl = (slug: string, n = 1) => (n === 1 ? pageUrl(`tags/${slug}`) : pageUrl(`tags/${slug}/page/${n}`));

/** Page n of the home listing (1 is the home page). */
export const homePageUrl = (n: number) => (n === 1 ? homeUrl() : pageUrl(`page/${n}`));
/** Page n of a section's listing (1 is the section page). */
export const sectionPageUrl = (slug: string, n: number) => (n === 1 ? sectionUrl(slug) : pageUrl(`sections/${slug}/page/${n}`));

/** The list of every series (专题). */
export const seriesIndexUrl = () => pageUrl('series');
/** A series' page in `script` (series are written in simplified characters; /zh-hant/ is the twin). */
export const seriesUrl = (slug: string, script: Script = 'zh-CN') => pageUrl(`series/${slug}${script === 'zh-Hant' ? '/zh-hant' : ''}`);
/** The site's feed, and the feeds of what a reader follows: a series, a section, a tag, an author. */
export const siteFeedUrl = () => withBase('rss.xml');
export const seriesFeedUrl = (slug: string) => withBase(`series/${slug}/rss.xml`);
export const sectionFeedUrl = (slug: string) => withBase(`sections/${slug}/rss.xml`);
export const tagFeedUrl = (slug: string) => withBase(`tags/${slug}/rss.xml`);
export const authorFeedUrl = (slug: string) => withBase(`authors/${slug}/rss.xml`);
/** The archive (归档): every year with its count. */
export const archiveUrl = () => pageUrl('archive');
/** Page n of a year of the archive ('undated' holds the articles without a date). */
export const archiveYearUrl = (year: string, n = 1) => (n === 1 ? pageUrl(`archive/${year}`) : pageUrl(`archive/${year}/page/${n}`));

/** Everyone with an author page. */
export const authorsIndexUrl = () => pageUrl('authors');
/** An author's page in `script` (its twin is /zh-hant/), or page n of their articles. */
export const authorUrl = (slug: string, script: Script = 'zh-CN') => pageUrl(`authors/${slug}${script === 'zh-Hant' ? '/zh-hant' : ''}`);
export const authorPageUrl = (slug: string, n: number) => (n === 1 ? authorUrl(slug) : pageUrl(`authors/${slug}/page/${n}`));
/** Every correction on the site (更正). */
export const correctionsUrl = () => pageUrl('corrections');
