/**
 * On every page: the header search form works without JS (GET /search/?q=).
 * With JS this tiny module only listens for intent (focus, typing, "/", a ?q=
 * in the URL) and then loads the real search code, so reading costs no script.
 */
const input = document.querySelector<HTMLInputElement>('#yd-header-q');
const form = input?.form;
const pageInput = document.querySelector<HTMLInputElement>('#yd-search-q');

type Panel = { open(query: string): void };
let panel: Promise<Panel> | undefined;

function loadPanel(): Promise<Panel> {
  // The panel's words in the page's script (ui-text.ts) arrive alongside its code.
  panel ??= Promise.all([import('./search-panel.ts'), import('./ui-text.ts').then((m) => m.loadUiText())]).then(([{ startSearchPanel }]) =>
    startSearchPanel(input as HTMLInputElement, form as HTMLFormElement),
  );
  return panel;
}

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
  event.preventDefault();
  (pageInput ?? input)?.focus();
});

// The search page has its own full-size form; elsewhere the header opens the panel.
if (input && form && !pageInput) {
  input.addEventListener('focus', () => void loadPanel(), { once: true });
  input.addEventListener('input', () => void loadPanel(), { once: true });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void loadPanel().then((p) => p.open(input.value));
  });
  const query = new URLSearchParams(location.search).get('q');
  if (query) void loadPanel().then((p) => p.open(query));
}
