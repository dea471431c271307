/**
 * What `npm run import` was given, as bytes: files as they are, folders as
 * the pages and scrapes inside them, addresses fetched from the web (the only
 * place the importer goes online, with the pictures' downloads).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { httpGet, PAGE, PICTURE } from './http-get.ts';

export const isAddress = (input: string) => /^https?:\/\//i.test(input);

const CANDIDATE = /\.(?:html?|shtml|xhtml|mhtml?|mht|txt)$/i;

/** The inputs one by one: each address and named file, and the pages and scrapes inside each named folder. */
export async function expand(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = isAddress(input) ? undefined : await stat(input).catch(() => undefined);
    if (!info?.isDirectory()) {
      files.push(input);
      continue;
    }
    const entries = await readdir(input, { recursive: true, withFileTypes: true });
    const found = entries
      .filter((e) => e.isFile() && CANDIDATE.test(e.name))
      .map((e) => path.join(e.parentPath, e.name))
      // A saved page's _files folder is its pictures and frames, not more pages.
      .filter((file) => !path.relative(input, file).split(path.sep).some((part) => /[_.]files$/i.test(part)));
    files.push(...found.sort());
  }
  return files;
}

export interface Input {
  bytes: Uint8Array;
  /** For a page fetched from the web: its address after redirects, and the charset its header names. */
  fetched?: { url: string; charset: string | undefined };
}

/** One input's bytes; an address is fetched as a web page (text/html, at most 16 MB and three redirects). */
export async function readInput(input: string, timeoutMs: number): Promise<Input> {
  if (isAddress(input)) {
    const got = await httpGet(input, { ...PAGE, timeoutMs });
    return { bytes: got.bytes, fetched: { url: got.url, charset: got.charset } };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) throw new Error('only http:// and https:// addresses can be fetched');
  try {
    return { bytes: await readFile(input) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : String(error));
  }
}

/** Downloads one picture a page shows (image/*, at most 20 MB and three redirects). */
export const pictureDownloader = (timeoutMs: number) => async (url: string) => (await httpGet(url, { ...PICTURE, timeoutMs })).bytes;
