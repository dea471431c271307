/**
 * Every internal href goes through here so the site works at "/" and under a
 * sub-path (BASE_PATH=/news/). Paths are given without a leading slash.
 */
export function withBase(pathname: string, base: string = import.meta.env.BASE_URL): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + pathname.replace(/^\/+/, '');
}

export const homeUrl = () => withBase('');
export const articleUrl = (id: string) => withBase(`articles/${id}/`);
export const sectionUrl = (slug: string) => withBase(`sections/${slug}/`);
export const searchUrl = () => withBase('search/');
