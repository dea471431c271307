/**
 * The importer's only door to the network: one bounded GET at a time (the
 * CLI awaits each page and each of its pictures in turn, so a host never
 * sees two requests of ours at once), under a User-Agent that says who asks.
 * Every refusal is an Error with one line an editor can act on.
 */
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export const USER_AGENT = `yuedu-import/${version} (a newsroom importing one article an editor chose; one request at a time)`;

const MAX_REDIRECTS = 3;
const MB = 1024 * 1024;

export interface Limits {
  /** What the caller wants, for the Accept header and the refusal ("not a web page"). */
  what: string;
  accept: string;
  /** The Content-Type test (lowercased media type, no parameters). */
  takes: (mediaType: string) => boolean;
  maxBytes: number;
  timeoutMs: number;
}

export interface Got {
  bytes: Uint8Array;
  /** Where the answer came from, after redirects. */
  url: string;
  mediaType: string;
  /** The charset the Content-Type header names, lowercased, if any. */
  charset: string | undefined;
}

export const PAGE: Omit<Limits, 'timeoutMs'> = {
  what: 'a web page',
  accept: 'text/html,application/xhtml+xml;q=0.9',
  takes: (type) => type === 'text/html' || type === 'application/xhtml+xml',
  maxBytes: 16 * MB,
};

export const PICTURE: Omit<Limits, 'timeoutMs'> = {
  what: 'a picture',
  accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif,image/svg+xml;q=0.8',
  takes: (type) => type.startsWith('image/'),
  maxBytes: 20 * MB,
};

function why(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return `cannot connect (${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))})`;
}

async function body(response: Response, maxBytes: number): Promise<Uint8Array> {
  const tooBig = `larger than ${maxBytes / MB} MB`;
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw new Error(tooBig);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > maxBytes) throw new Error(tooBig);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * GET `url`, following at most three redirects within http(s), and return
 * the body if the answer is a 2xx of the wanted type within the size limit,
 * the whole exchange within the timeout (a server that answers slowly, or
 * sends its body a trickle at a time, runs into it too).
 */
export async function httpGet(url: string, limits: Limits): Promise<Got> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    try {
      const response = await fetch(current, { redirect: 'manual', signal, headers: { 'user-agent': USER_AGENT, accept: limits.accept } });
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        const next = response.headers.get('location');
        if (!next) throw new Error(`redirect without a location (${response.status})`);
        current = new URL(next, current).href;
        if (!/^https?:/.test(current)) throw new Error(`redirected away from http(s), to ${current.slice(0, 60)}`);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new Error(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      const type = response.headers.get('content-type') ?? '';
      const mediaType = type.split(';')[0]?.trim().toLowerCase() ?? '';
      if (!limits.takes(mediaType)) {
        await response.body?.cancel();
        throw new Error(`not ${limits.what} (content-type ${type || 'missing'})`);
      }
      const charset = /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(type)?.[1]?.toLowerCase();
      return { bytes: await body(response, limits.maxBytes), url: current, mediaType, charset };
    } catch (error) {
      if (signal.aborted || (error instanceof TypeError && error.message === 'fetch failed')) {
        throw new Error(why(signal.aborted ? signal.reason : error, limits.timeoutMs), { cause: error });
      }
      throw error;
    }
  }
  throw new Error(`more than ${MAX_REDIRECTS} redirects`);
}
