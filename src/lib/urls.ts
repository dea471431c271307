/**
 * Every internal href goes through here so the site works at "/" and under a
 * sub-path (BASE_PATH=/news/). Paths are given without a leading slash.
 */
export function withBase(pathname: string, base: string = import.meta.env.BASE_URL): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + pathname.replace(/^\/+/, '');
}

export const homeUrl = () => withBase('');
/** The simplified page, or with 'zh-Hant' the same article in traditional characters. */
export const articleUrl = (id: string, script: 'zh-CN' | 'zh-Hant' = 'zh-CN') =>
  withBase(`articles/${id}/${script === 'zh-Hant' ? 'zh-hant/' : ''}`);
export const sectionUrl = (slug: string) => withBase(`sections/${slug}/`);
export const searchUrl = () => withBase('search/');
