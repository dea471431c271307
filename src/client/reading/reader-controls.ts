/**
 * Theme, text size and 简/繁 choices, remembered in localStorage. The inline
 * script in BaseLayout applies them before first paint; this wires the controls.
 */
const root = document.documentElement;

function store(key: string, value: string): void {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    // Private mode or storage off: the choice holds for this page only.
  }
}

function read(key: string): string {
  try {
    return localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-yd-pref]')) {
  const pref = select.dataset['ydPref'] === 'size' ? 'size' : 'theme';
  const attribute = pref === 'size' ? 'ydSize' : 'ydTheme';
  select.value = read(`yd-${pref}`);
  select.addEventListener('change', () => {
    store(`yd-${pref}`, select.value);
    if (select.value) root.dataset[attribute] = select.value;
    else delete root.dataset[attribute];
  });
  select.closest<HTMLElement>('[hidden]')?.removeAttribute('hidden');
}

document.querySelector<HTMLAnchorElement>('a.yd-script-switch')?.addEventListener('click', (event) => {
  store('yd-script', (event.currentTarget as HTMLAnchorElement).hreflang);
});
