import { createHash } from 'node:crypto';
import { STYLESHEET_HASH } from './stylesheet.ts';

/**
 * Runs in <head> before the body is parsed: applies the reader's theme and
 * text size and sends a reader who chose the other script to that page, so
 * nothing flashes. It is the only inline script; CSP allows it by its hash.
 */
export const PREFERENCES_SCRIPT =
  "try{var d=document.documentElement,a=d.dataset,s=localStorage,t=s.getItem('yd-theme'),z=s.getItem('yd-size');" +
  "if(t)a.ydTheme=t;if(z)a.ydSize=z;if(a.ydAlternate&&s.getItem('yd-script')===a.ydAlternateLang)" +
  'location.replace(a.ydAlternate+location.hash)}catch(e){}';

const scriptHash = `'sha256-${createHash('sha256').update(PREFERENCES_SCRIPT).digest('base64')}'`;

/**
 * Everything comes from the site itself. Pagefind compiles its WebAssembly
 * ('wasm-unsafe-eval') and searches in a worker; the one inline stylesheet
 * (stylesheet.ts) is allowed by its hash, never 'unsafe-inline'; nothing else is allowed.
 * frame-ancestors only works as a header, so the <meta> copy leaves it out.
 */
const DIRECTIVES = [
  "default-src 'none'",
  `script-src 'self' ${scriptHash} 'wasm-unsafe-eval'`,
  `style-src 'self' ${STYLESHEET_HASH}`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
];

export const CSP_META = DIRECTIVES.join('; ');
export const CSP_HEADER = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** Headers for hosts that read a _headers file (Netlify, Cloudflare Pages); the README shows nginx's. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'X-Frame-Options': 'DENY',
};
