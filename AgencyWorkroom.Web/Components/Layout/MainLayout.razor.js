// The shell's bits of browser: the remembered theme and the keyboard shortcut to the search box.
const themeKey = 'workroom-theme';

export function getTheme() {
  try { return localStorage.getItem(themeKey); } catch { return null; }
}

export function setTheme(value) {
  try { localStorage.setItem(themeKey, value); } catch { /* private mode: the choice lasts this page only */ }
}

// "/" (outside a text field) or Ctrl+K / Cmd+K (anywhere) focuses the global search.
export function registerSearchShortcut() {
  if (window.workroomSearchShortcut) return;
  window.workroomSearchShortcut = true;
  document.addEventListener('keydown', event => {
    const target = event.target;
    const typing = target instanceof HTMLElement
      && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    const ctrlK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
    if (!ctrlK && (event.key !== '/' || typing)) return;
    const box = document.querySelector('[data-testid="global-search"]');
    const input = box && (box.matches('input') ? box : box.querySelector('input'));
    if (input) {
      event.preventDefault();
      input.focus();
    }
  });
}
