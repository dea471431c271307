import { SECURITY_HEADERS } from './security.ts';

/**
 * What every host needs to serve dist/ well, in each host's own syntax, from
 * one source: the security headers (the same CSP as each page's <meta>), long
 * caching for files whose names carry a hash, revalidation for everything
 * else (pages, feeds, Pagefind's entry files change with every build),
 * compression, and the 404 page with status 404. The build writes these
 * beside the pages; the README's server recipes include them.
 */

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** Files of ours no reader needs: the server configuration itself. */
export const CONFIG_FILES = ['_headers', '_nginx.conf', '_caddy'] as const;

// Astro's hashed assets (scripts, the stylesheet, every encoded picture), and
// Pagefind's content-hashed index, fragment, filter and meta files.
const ASSETS_NGINX = (base: string) => `^${base}_astro/`;
const PAGEFIND_INDEX = '\\.pf_(?:meta|index|fragment|filter)$';
const INDEX_NGINX = (base: string) => `^${base}pagefind/.*${PAGEFIND_INDEX}`;
const HASHED_CADDY = `^/_astro/|${PAGEFIND_INDEX}`;
/**
 * Pagefind stores those index files and its wasm gzipped, and unpacks them
 * in JavaScript in its worker unless they arrive unpacked (it looks for the
 * signature its gzip wraps). Sent with Content-Encoding: gzip, the same bytes
 * cross the wire and the browser unpacks them natively: a cold search at
 * 10,000 articles showed its first results 39-105 ms sooner through nginx
 * (README). Their type, application/octet-stream, is not one the servers
 * compress, so nothing is packed twice. The wasm's name stays the same from
 * build to build, so it is revalidated, not cached for a year.
 */
const PAGEFIND_WASM = 'pagefind/(?:.*/)?wasm\\.[^/]+\\.pagefind$';
const WASM_NGINX = (base: string) => `^${base}${PAGEFIND_WASM}`;
const PACKED_CADDY = `${PAGEFIND_INDEX}|/${PAGEFIND_WASM}`;
const PACKED = 'add_header Content-Encoding gzip always;';
const COMPRESSIBLE = [
  'text/css',
  'text/javascript',
  'application/javascript',
  'application/json',
  'application/xml',
  'application/rss+xml',
  'application/manifest+json',
  'text/xml',
  'image/svg+xml',
];

const headerEntries = () => Object.entries(SECURITY_HEADERS);
/** The security headers as lines of a Caddy `header { … }` block, indented by `tabs`. */
const caddyHeaders = (tabs: number) => headerEntries().map(([name, value]) => `${'\t'.repeat(tabs)}${name} "${value.replace(/"/g, '\\"')}"`);

/**
 * dist/_headers for Netlify and Cloudflare Pages. Their paths are relative to
 * the published folder whatever the base (a sub-path is a proxy in front).
 * Both merge every rule that matches a path and join repeated headers with
 * commas, so Cache-Control is set only on hashed paths; both already
 * revalidate pages and other files.
 */
export function netlifyHeaders(): string {
  const security = headerEntries().map(([name, value]) => `  ${name}: ${value}`);
  const long = ['/_astro/*', ...['index', 'fragment', 'filter'].flatMap((dir) => [`/pagefind/${dir}/*`, `/pagefind/*/${dir}/*`])];
  return ['/*', ...security, ...long.flatMap((path) => [path, `  Cache-Control: ${IMMUTABLE}`])].join('\n') + '\n';
}

/**
 * dist/_nginx.conf, to `include` inside the location that serves dist/
 * (`location /news/ { alias /srv/yuedu/dist/; include …/_nginx.conf; }`).
 * nginx drops a location's add_header lines as soon as a nested location
 * adds its own, so each nested location repeats the security headers.
 */
export function nginxSnippet(base: string): string {
  const security = headerEntries().map(([name, value]) => `add_header ${name} "${value.replace(/"/g, '\\"')}" always;`);
  const block = (lines: string[]) => lines.map((line) => `    ${line}`).join('\n');
  return [
    `# Written by yuedu's build for the base ${base}; do not edit (the next build rewrites it).`,
    'index index.html;',
    // Pages say utf-8 in a <meta>; feeds, robots.txt and scripts need it in the header.
    'charset utf-8;',
    `error_page 404 ${base}404.html;`,
    'gzip on;',
    'gzip_vary on;',
    `gzip_types ${COMPRESSIBLE.join(' ')};`,
    // Debian: apt-get install libnginx-mod-http-brotli-filter
    'brotli on;',
    `brotli_types ${COMPRESSIBLE.join(' ')};`,
    ...security,
    `add_header Cache-Control "${REVALIDATE}" always;`,
    ...[
      [ASSETS_NGINX(base), IMMUTABLE],
      [INDEX_NGINX(base), IMMUTABLE, PACKED],
      [WASM_NGINX(base), REVALIDATE, PACKED],
    ].map(([pattern, cache, ...more]) => `location ~ ${pattern} {\n${block([...security, `add_header Cache-Control "${cache}" always;`, ...more])}\n}`),
    // Debian's mime.types has no entry for the web app manifest.
    `location ~ ^${base}manifest\\.webmanifest$ {\n${block(['default_type application/manifest+json;', ...security, `add_header Cache-Control "${REVALIDATE}" always;`])}\n}`,
    `location ~ ^${base}(?:${CONFIG_FILES.map((f) => f.replace('.', '\\.')).join('|')})$ {\n    return 404;\n}`,
    '',
  ].join('\n');
}

/**
 * dist/_caddy, to `import` in the site block after `root * /srv/yuedu/dist`.
 * It serves the site under its base (handle_path strips it), and answers
 * anything missing with the 404 page and status 404.
 */
export function caddySnippet(base: string): string {
  const scope = base === '/' ? 'handle' : `handle_path ${base}*`;
  return [
    `# Written by yuedu's build for the base ${base}; do not edit (the next build rewrites it).`,
    'encode zstd gzip',
    `${scope} {`,
    '\theader {',
    ...caddyHeaders(2),
    '\t}',
    `\t@hashed path_regexp ${HASHED_CADDY}`,
    `\t@other not path_regexp ${HASHED_CADDY}`,
    `\theader @hashed Cache-Control "${IMMUTABLE}"`,
    `\theader @other Cache-Control "${REVALIDATE}"`,
    `\t@packed path_regexp ${PACKED_CADDY}`,
    '\theader @packed Content-Encoding gzip',
    // Go's MIME table has no entry for the web app manifest.
    '\t@manifest path /manifest.webmanifest',
    '\theader @manifest Content-Type application/manifest+json',
    `\t@config path ${CONFIG_FILES.map((f) => `/${f}`).join(' ')}`,
    '\terror @config 404',
    '\tfile_server',
    '}',
    // Nothing outside the base is the site's: the 404 page, not an empty 200.
    ...(base === '/' ? [] : ['handle {', '\terror 404', '}']),
    'handle_errors {',
    '\tencode zstd gzip',
    '\theader {',
    ...caddyHeaders(2),
    '\t}',
    '\t@notFound expression {err.status_code} == 404',
    '\thandle @notFound {',
    '\t\trewrite * /404.html',
    '\t\tfile_server',
    '\t}',
    '}',
    '',
  ].join('\n');
}
