import { SITE_BASE } from './pagefind-api.ts';

/**
 * The search interface's own words, in simplified Chinese. On a zh-Hant page
 * the header panel shows them in traditional characters: this catalogue
 * converted at build time like every other zh-Hant text
 * (src/pages/search/ui-text.zh-hant.json.ts), fetched with the search code,
 * so no reader downloads a converter.
 */
export const UI_TEXT = {
  allSections: '全部栏目',
  section: '栏目',
  inSeries: '专题：{name}',
  updated: '更新于',
  results: '搜索结果',
  close: '关闭',
  closeResults: '关闭搜索结果',
  opening: '导语',
  count: '{n} 处',
  prompt: '输入字词，在全部文章中搜索。',
  loadFailed: '搜索索引加载失败，请稍后重试。',
  offline: '现在离线：这次搜索要用到的索引文件还没有下载到本机，联网后再试。',
  found: '找到 {n} 篇包含“{q}”的文章',
  converted: '（“{q}”已按简体搜索）',
  variant: '（也搜索了：{v}，“{q}”的另一种说法）',
  alsoLoose: '，另有 {n} 篇部分相关',
  showing: '，下面是最相关的 {n} 篇',
  onlyLoose: '没有文章完整包含“{q}”；以下 {n} 篇包含其中部分字词',
  none: '没有找到与“{q}”相关的文章',
  more: '显示后 {n} 篇（还有 {left} 篇）',
  loadingMore: '正在加载…',
};

export type UiText = typeof UI_TEXT;

let current = { text: UI_TEXT, lang: 'zh-CN' };

/** The catalogue the page shows, and the language it is written in. */
export const uiText = (): UiText => current.text;
export const uiLang = (): string => current.lang;

/** On a zh-Hant page, fetches the traditional catalogue; without it the words stay simplified. */
export async function loadUiText(): Promise<void> {
  if (document.documentElement.lang !== 'zh-Hant') return;
  const url = `${SITE_BASE}search/ui-text.zh-hant.json`;
  const text = await fetch(url)
    .then((response) => (response.ok ? (response.json() as Promise<UiText>) : undefined))
    .catch(() => undefined);
  if (text) current = { text: { ...UI_TEXT, ...text }, lang: 'zh-Hant' };
}

/** `{name}` in a template replaced by its value, in one pass (a query holding "{n}" stays as typed). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
