// Alt+A (Option+A on a Mac: by the key's position, not the character it types) opens and closes the assistant.
let handler = null;

export function registerShortcut(dotnet) {
  unregisterShortcut();
  handler = event => {
    if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyA') {
      event.preventDefault();
      dotnet.invokeMethodAsync('ToggleFromShortcut');
    }
  };
  document.addEventListener('keydown', handler);
}

export function unregisterShortcut() {
  if (handler) document.removeEventListener('keydown', handler);
  handler = null;
}

export function focusInput(id) {
  const box = document.getElementById(id);
  const input = box && (box.matches('textarea, input') ? box : box.querySelector('textarea, input'));
  if (input) input.focus();
}
