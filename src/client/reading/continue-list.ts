import { forgetAll, readPlaces } from './reading-store.ts';

/** The home page's 继续阅读: unfinished articles, newest first, with how far each was read, and a way to forget them. */
const places = Object.values(readPlaces()).sort((a, b) => b.at - a.at);
const main = document.querySelector('#yd-main');
if (places.length > 0 && main) {
  const box = document.createElement('section');
  box.className = 'yd-continue';
  box.setAttribute('aria-labelledby', 'yd-continue-title');
  const heading = document.createElement('h2');
  heading.id = 'yd-continue-title';
  heading.textContent = '继续阅读';
  const list = document.createElement('ul');
  for (const place of places) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = place.url;
    link.textContent = place.title;
    const where = document.createElement('span');
    where.textContent = `${place.section || '导语'} · 已读 ${place.percent}%`;
    item.append(link, ' ', where);
    list.append(item);
  }
  const clear = document.createElement('button');
  clear.type = 'button';
  clear.textContent = '清除阅读记录';
  clear.addEventListener('click', () => {
    forgetAll();
    box.remove();
  });
  box.append(heading, list, clear);
  main.prepend(box);
}
