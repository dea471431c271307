import { SyntaxValidator } from 'fast-xml-validator';

/**
 * The rules of RSS 2.0 and of the W3C feed validator that can be checked
 * offline, as a list of problems (empty when the feed passes): well-formed
 * XML with only XML's own entities, the channel's required elements, an
 * atom:link to itself, and for every item a title, an absolute link and
 * guid, an RFC 822 date, no <author> that is not an e-mail address, and
 * content a reader can show away from the site: absolute href and src only,
 * no script, style or event handlers.
 */
export function rssProblems(xml: string, self: string): string[] {
  const problems: string[] = [];
  try {
    SyntaxValidator.validate(xml, { xmlDeclaraion: { optional: false }, invalidCharSequence: { tagValue: true, attrLt: true } });
  } catch (error) {
    return [`not well-formed XML: ${(error as Error).message}`];
  }
  const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)[^\s;]*;?/i.exec(xml);
  if (entity) problems.push(`entity XML does not define: ${entity[0]}`);
  if (!/^<\?xml version="1\.0" encoding="UTF-8"\?><rss version="2\.0"/.test(xml)) problems.push('not an RSS 2.0 document in UTF-8');
  const channel = xml.replace(/<item>[\s\S]*?<\/item>/g, '');
  for (const name of ['title', 'link', 'description', 'language']) if (!element(channel, name)) problems.push(`channel has no <${name}>`);
  if (!isAbsolute(element(channel, 'link'))) problems.push('channel <link> is not an absolute URL');
  const selfLink = /<atom:link href="([^"]+)" rel="self" type="application\/rss\+xml"\/>/.exec(channel)?.[1];
  if (decode(selfLink ?? '') !== self) problems.push(`atom:link rel="self" is ${selfLink}, not ${self}`);
  const guids = new Set<string>();
  for (const [, item = ''] of xml.matchAll(/<item>([\s\S]*?)<\/item>/g)) {
    const title = element(item, 'title') ?? '(untitled)';
    const say = (problem: string) => problems.push(`${title}: ${problem}`);
    if (!element(item, 'title') && !element(item, 'description')) say('neither title nor description');
    if (!isAbsolute(element(item, 'link'))) say('link is not an absolute URL');
    const guid = element(item, 'guid') ?? '';
    if (!isAbsolute(guid)) say('guid is not an absolute URL (isPermaLink)');
    if (guids.has(guid)) say(`guid ${guid} twice in one feed`);
    guids.add(guid);
    const date = element(item, 'pubDate');
    if (date !== undefined && !isRfc822(date)) say(`pubDate "${date}" is not an RFC 822 date`);
    const modified = element(item, 'dcterms:modified');
    if (modified !== undefined && !/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2}))?$/.test(modified)) say(`dcterms:modified "${modified}" is not a W3C date`);
    const author = element(item, 'author');
    if (author !== undefined && !/^\S+@\S+/.test(author)) say(`<author> "${author}" is not an e-mail address (use dc:creator)`);
    const content = decode(element(item, 'content:encoded') ?? '');
    for (const [, attribute, url = ''] of content.matchAll(/\s(href|src|srcset)="([^"]*)"/g)) {
      if (attribute === 'srcset' || !/^(?:https?:\/\/|mailto:)/.test(decode(url))) say(`content has a relative ${attribute}: ${url}`);
    }
    const unsafe = /<(?:script|style|iframe|object|embed|form)\b|\sstyle=|\son\w+=/i.exec(content);
    if (unsafe) say(`content carries ${unsafe[0].trim()}`);
  }
  return problems;
}

/** An element's text, entities decoded; undefined when absent. */
export function element(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
  return match ? decode(match[1] ?? '') : undefined;
}

/** Every occurrence of an element, as text. */
export const elements = (xml: string, name: string): string[] =>
  [...xml.matchAll(new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => decode(m[1] ?? ''));

/** The feed's items as XML fragments. */
export const items = (xml: string): string[] => [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1] ?? '');

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(x?)([\da-f]+);/gi, (_, hex: string, n: string) => String.fromCodePoint(parseInt(n, hex ? 16 : 10)))
    .replace(/&amp;/g, '&');

const isAbsolute = (url: string | undefined) => !!url && /^https?:\/\/[^/]+\//.test(url);

const RFC_822 = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (?:GMT|[+-]\d{4})$/;
const isRfc822 = (date: string) => RFC_822.test(date) && !Number.isNaN(Date.parse(date));
