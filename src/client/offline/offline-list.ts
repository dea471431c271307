import { ARTICLES_CACHE_PREFIX, KEPT_AT } from './offline-caches.ts';

/**
 * The offline page's list: the article pages the service worker has kept,
 * most recently read first, each with its title in the script it was read in.
 */
interface Kept {
  url: string;
  title: string;
  lang: string;
  at: number;
}

async function keptArticles(): Promise<Kept[]> {
  const names = (await caches.keys()).filter((name) => name.startsWith(ARTICLES_CACHE_PREFIX));
  const kept: Kept[] = [];
  const parser = new DOMParser();
  for (const name of names) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if (!response) continue;
      const doc = parser.parseFromString(await response.text(), 'text/html');
      const title = doc.querySelector('h1')?.textContent?.trim();
      if (!title) continue;
      const at = Number(response.headers.get(KEPT_AT)) || 0;
      kept.push({ url: request.url, title, lang: doc.documentElement.lang || 'zh-CN', at });
    }
  }
  return kept.sort((a, b) => b.at - a.at);
}

const list = document.querySelector('.yd-offline ul');
if (list && 'caches' in window) {
  void keptArticles().then((kept) => {
    for (const { url, title, lang } of kept) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = url;
      link.lang = lang;
      link.textContent = title;
      const script = document.createElement('span');
      script.textContent = lang === 'zh-Hant' ? '繁體' : '简体';
      item.append(link, ' ', script);
      list.append(item);
    }
  });
}
