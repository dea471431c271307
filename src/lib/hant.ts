import { Converter } from 'opencc-js/cn2t';

/** Simplified -> traditional (Taiwan character forms, no vocabulary swaps), at build time only. */
export const toHant: (text: string) => string = Converter({ from: 'cn', to: 'tw' });

/** The two scripts a page can be shown in; `lang` values as BCP 47 writes them. */
export type Script = 'zh-CN' | 'zh-Hant';

/** Interface text for a page in the given script. */
export const ui = (script: Script, text: string) => (script === 'zh-Hant' ? toHant(text) : text);
