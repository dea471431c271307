import { Converter } from 'opencc-js/cn2t';
import { Converter as ToSimplified } from 'opencc-js/t2cn';

/** Simplified -> traditional (Taiwan character forms, no vocabulary swaps), at build time only. */
export const toHant: (text: string) => string = Converter({ from: 'cn', to: 'tw' });
/** Traditional -> simplified, for the twin of an article written in traditional characters. */
export const toHans: (text: string) => string = ToSimplified({ from: 'tw', to: 'cn' });

/** The two scripts a page can be shown in; `lang` values as BCP 47 writes them. */
export type Script = 'zh-CN' | 'zh-Hant';

/** Interface text for a page in the given script. */
export const ui = (script: Script, text: string) => (script === 'zh-Hant' ? toHant(text) : text);

/** Article text written in `from`, for a page in `to`: as written when they agree. */
export function inScript(text: string, from: Script, to: Script): string {
  if (from === to) return text;
  return to === 'zh-Hant' ? toHant(text) : toHans(text);
}
