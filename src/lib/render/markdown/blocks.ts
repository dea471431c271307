import type { Env, MarkdownIt } from 'markdown-it';
import { ui, type Script } from '../hant.ts';
import { withBase } from '../../publish/urls.ts';

/** The page's script, which renderMarkdown puts in env. */
export const scriptOf = (env: Env | undefined): Script => ((env as { script?: Script } | undefined)?.script ?? 'zh-CN');

/**
 * Block markup the site's CSP and small screens need:
 * - table alignment as classes: markdown-it writes `style="text-align:right"`,
 *   which `style-src 'self'` blocks (alignment lost, a console error per cell);
 * - each table in its own sideways-scrolling box, so a wide table never
 *   widens the page on a phone. The box is focusable and named, so keyboard
 *   users can scroll it too (axe: scrollable-region-focusable); tables are
 *   numbered, as each named region must have a name of its own.
 */
export function blocksPlugin(md: MarkdownIt): void {
  md.core.ruler.push('yd_table_align', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'th_open' && token.type !== 'td_open') continue;
      const align = /text-align:(left|center|right)/.exec(String(token.attrGet('style') ?? ''))?.[1];
      if (!align) continue;
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
      token.attrJoin('class', `yd-align-${align}`);
    }
  });
  const renderToken = md.renderer.renderToken.bind(md.renderer);
  md.renderer.rules['table_open'] = (tokens, idx, options, env: Env | undefined) => {
    const number = tokens.slice(0, idx + 1).filter((token) => token.type === 'table_open').length;
    return `<div class="yd-table" tabindex="0" role="region" aria-label="${ui(scriptOf(env), '表格')} ${number}">${renderToken(tokens, idx, options)}`;
  };
  md.renderer.rules['table_close'] = (tokens, idx, options) => `${renderToken(tokens, idx, options)}</div>\n`;
}

/**
 * Links that leave the site open in the same tab, as readers expect, carry
 * rel="noopener" and a class the stylesheet marks with a small arrow. A link
 * to "/…" means this site, so it gets the site's base (BASE_PATH=/news/).
 */
export function linksPlugin(md: MarkdownIt): void {
  md.core.ruler.push('yd_links', (state) => {
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        if (token.type !== 'link_open') continue;
        const href = String(token.attrGet('href') ?? '');
        if (/^(?:https?:)?\/\//i.test(href)) {
          token.attrSet('rel', 'noopener');
          token.attrJoin('class', 'yd-external');
        } else if (href.startsWith('/')) {
          token.attrSet('href', withBase(href));
        }
      }
    }
  });
}
