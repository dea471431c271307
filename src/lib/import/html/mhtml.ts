import { ScrapeError } from '../parse-scrape.ts';

/**
 * An MHTML file (Chrome's "Save as… Webpage, Single File", IE's .mht; RFC
 * 2557: a MIME multipart/related message) -> the page's HTML and every part
 * it carries by address, so its pictures come out as files as a saved
 * page's _files folder's do.
 */
export interface Mhtml {
  html: Uint8Array;
  /** The charset the HTML part's Content-Type names, if any. */
  charset: string | undefined;
  /** The page's address (Snapshot-Content-Location, else the HTML part's Content-Location). */
  url: string | undefined;
  /** When it was saved (the Date header): said in the import's output, never the article's date. */
  savedAt: string | undefined;
  parts: Map<string, Uint8Array>;
}

/** True when the file opens with MIME headers announcing multipart/related: an MHTML save. */
export function looksLikeMhtml(head: string): boolean {
  const headers = head.split(/\r?\n\r?\n/, 1)[0] ?? '';
  return /^MIME-Version:/im.test(headers) && /^Content-Type:\s*multipart\/related/im.test(headers);
}

// Bytes as one JavaScript character each (Node's latin1 is the identity on bytes, unlike TextDecoder's
// windows-1252), so MIME structure can be found with string search and bodies turned back into bytes.
const asBinary = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
const toBytes = (binary: string) => Buffer.from(binary, 'latin1');

function readHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  // Folded lines (starting with a space or tab) continue the header above.
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

const parameter = (value: string | undefined, name: string) => new RegExp(`;\\s*${name}\\s*=\\s*"?([^";]+)"?`, 'i').exec(value ?? '')?.[1]?.trim();

function decodeBody(body: string, encoding: string | undefined): Uint8Array {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable':
      return toBytes(body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
    default:
      return toBytes(body);
  }
}

const BROKEN = 'an MHTML file with a broken structure';
const AGAIN = 'save the page again, or save it as "Webpage, complete" (.html with its _files folder)';

export function readMhtml(bytes: Uint8Array): Mhtml {
  const text = asBinary(bytes);
  const split = /\r?\n\r?\n/.exec(text);
  if (!split) throw new ScrapeError(`${BROKEN}: no blank line after its headers; ${AGAIN}`);
  const top = readHeaders(text.slice(0, split.index));
  const boundary = parameter(top.get('content-type'), 'boundary');
  if (!boundary) throw new ScrapeError(`${BROKEN}: its Content-Type names no boundary; ${AGAIN}`);
  const delimiter = `--${boundary}`;
  const body = text.slice(split.index + split[0].length);
  const close = body.lastIndexOf(`${delimiter}--`);
  const sections = body.slice(0, close === -1 ? undefined : close).split(delimiter).slice(1);
  if (close === -1 || sections.length === 0) {
    throw new ScrapeError(`${BROKEN}: the boundary ${sections.length ? 'never closes (the file is cut short?)' : 'never occurs'}; ${AGAIN}`);
  }
  const parts = new Map<string, Uint8Array>();
  let html: { bytes: Uint8Array; charset: string | undefined; url: string | undefined } | undefined;
  for (const section of sections) {
    const part = section.replace(/^\r?\n/, '');
    const end = /\r?\n\r?\n/.exec(part);
    if (!end) throw new ScrapeError(`${BROKEN}: a part without headers; ${AGAIN}`);
    const headers = readHeaders(part.slice(0, end.index));
    const content = decodeBody(part.slice(end.index + end[0].length).replace(/\r?\n$/, ''), headers.get('content-transfer-encoding'));
    const location = headers.get('content-location');
    const type = headers.get('content-type') ?? '';
    if (location) parts.set(location, content);
    if (!html && /^text\/html/i.test(type)) html = { bytes: content, charset: parameter(type, 'charset')?.toLowerCase(), url: location };
  }
  if (!html) throw new ScrapeError(`an MHTML file without a web page in it; ${AGAIN}`);
  const url = top.get('snapshot-content-location') ?? html.url;
  return { html: html.bytes, charset: html.charset, url: url && /^https?:\/\//i.test(url) ? url : undefined, savedAt: top.get('date'), parts };
}
