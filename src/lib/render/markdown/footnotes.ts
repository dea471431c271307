import type { Env, MarkdownIt } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { ui } from '../hant.ts';
import { scriptOf } from './blocks.ts';

/**
 * `[^1]` notes (markdown-it-footnote), numbered in order and listed at the end
 * under 注释, each with a link back to where it was cited. Ids carry our
 * prefix so no heading id ("fn1") can clash, and they are numbers, so the
 * traditional page keeps the same ones.
 */
export function footnotesPlugin(md: MarkdownIt): void {
  md.use(footnote);
  const rules = md.renderer.rules;
  const number = (meta: { id: number; subId: number }) => `${meta.id + 1}${meta.subId > 0 ? `-${meta.subId}` : ''}`;
  rules['footnote_ref'] = (tokens, idx) => {
    const meta = tokens[idx]?.meta as { id: number; subId: number };
    return `<sup class="yd-fnref"><a href="#yd-fn-${meta.id + 1}" id="yd-fnref-${number(meta)}" aria-describedby="yd-notes-title">[${meta.id + 1}]</a></sup>`;
  };
  rules['footnote_block_open'] = (_tokens, _idx, _options, env: Env | undefined) =>
    `<section class="yd-notes" aria-labelledby="yd-notes-title"><h2 id="yd-notes-title" class="yd-notes-title">${ui(scriptOf(env), '注释')}</h2>\n<ol>\n`;
  rules['footnote_block_close'] = () => '</ol>\n</section>\n';
  rules['footnote_open'] = (tokens, idx) => `<li id="yd-fn-${(tokens[idx]?.meta as { id: number }).id + 1}">`;
  rules['footnote_close'] = () => '</li>\n';
  rules['footnote_anchor'] = (tokens, idx, _options, env: Env | undefined) => {
    const meta = tokens[idx]?.meta as { id: number; subId: number };
    const label = ui(scriptOf(env), '回到引用');
    // U+FE0E keeps ↩ a text glyph, not an emoji, on iOS.
    return ` <a href="#yd-fnref-${number(meta)}" class="yd-fnback" aria-label="${label} ${meta.id + 1}">↩\uFE0E</a>`;
  };
}
