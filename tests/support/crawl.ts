import { parse } from 'node-html-parser';

export interface CrawlReport {
  pages: Set<string>;
  /** Every internal reference checked: links, assets, scripts, forms, feed and sitemap entries. */
  checked: number;
  anchors: number;
  broken: string[];
  external: string[];
}

const REFS = [
  ['a[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['form[action]', 'action'],
  ['meta[property="og:url"]', 'content'],
  ['meta[property="og:image"]', 'content'],
  ['img[srcset]', 'srcset'],
  ['source[srcset]', 'srcset'],
] as const;

/** The URLs of an attribute: one, or each candidate of a srcset ("a.avif 360w, b.avif 720w"). */
const urlsIn = (attribute: string, value: string) =>
  attribute === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [value];

/**
 * Follows every internal reference from the start page, the way a link
 * checker does: each must answer 200, each #fragment must name an id on its
 * page. Absolute URLs on `siteUrl` (canonical, feeds, sitemaps) are checked
 * against the local server. Anything on another host is reported as external.
 */
export async function crawl(starts: string[], siteUrl?: string): Promise<CrawlReport> {
  const origin = new URL(starts[0] ?? '').origin;
  const report: CrawlReport = { pages: new Set(), checked: 0, anchors: 0, broken: [], external: [] };
  const fetched = new Map<string, { status: number; body: string; type: string }>();
  const queue = starts.map((url) => ({ url, from: '(start)' }));
  const local = (url: URL) => (siteUrl && url.href.startsWith(siteUrl) ? new URL(url.href.slice(siteUrl.length), origin) : url);

  async function get(url: string) {
    let hit = fetched.get(url);
    if (!hit) {
      const response = await fetch(url);
      hit = { status: response.status, body: await response.text(), type: response.headers.get('content-type') ?? '' };
      fetched.set(url, hit);
    }
    return hit;
  }

  while (queue.length > 0) {
    const { url: raw, from } = queue.shift() ?? { url: '', from: '' };
    const url = new URL(raw);
    const target = url.href.split('#')[0] ?? url.href;
    const { status, body, type } = await get(target);
    report.checked += 1;
    if (status !== 200) {
      report.broken.push(`${url.pathname} (${status}) from ${from}`);
      continue;
    }
    if (url.hash) {
      report.anchors += 1;
      const id = decodeURIComponent(url.hash.slice(1));
      if (!parse(body).getElementById(id)) report.broken.push(`${url.pathname}${url.hash}: no id "${id}", from ${from}`);
    }
    if (report.pages.has(target)) continue;
    report.pages.add(target);
    const next: string[] = [];
    if (type.includes('html')) {
      const doc = parse(body);
      for (const [selector, attribute] of REFS) {
        for (const el of doc.querySelectorAll(selector)) next.push(...urlsIn(attribute, el.getAttribute(attribute) ?? ''));
      }
    } else if (type.includes('xml')) {
      for (const [, loc] of body.matchAll(/<(?:loc|link)>([^<]+)<\/(?:loc|link)>/g)) next.push(loc ?? '');
    } else if (type.includes('text/plain')) {
      for (const [, loc] of body.matchAll(/^Sitemap: (\S+)$/gm)) next.push(loc ?? '');
    }
    for (const ref of next) {
      if (ref === '') continue;
      const resolved = local(new URL(ref, url));
      if (resolved.protocol === 'javascript:' || resolved.origin !== origin) {
        report.external.push(`${ref} from ${url.pathname}`);
        continue;
      }
      resolved.search = '';
      queue.push({ url: resolved.href, from: url.pathname });
    }
  }
  return report;
}
