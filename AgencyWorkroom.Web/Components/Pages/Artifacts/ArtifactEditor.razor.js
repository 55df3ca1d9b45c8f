// The editor's bridge to Blazor: mounts the bundled Tiptap editor, saves a moment after typing
// stops (through the component, which holds the version), and keeps every unsaved text in this
// browser's local storage until a save succeeds, so a dropped connection loses nothing.
import { createEditor } from '/lib/editor/workroom-editor.js';

const PAUSE_MS = 1500;
const key = id => `workroom:artifact:${id}:unsaved`;

export function mount(element, dotNet, artifactId, markdown) {
  let timer = null;
  const handle = createEditor(element, markdown, {
    label: 'Artifact text',
    onChange: () => {
      const text = handle.getMarkdown();
      try { localStorage.setItem(key(artifactId), text); } catch { /* storage full or off: the save still runs */ }
      clearTimeout(timer);
      timer = setTimeout(() => dotNet.invokeMethodAsync('ChangedAsync', text).catch(() => { /* the circuit is gone: the text stays in storage */ }), PAUSE_MS);
    },
  });
  return {
    getMarkdown: () => handle.getMarkdown(),
    setMarkdown: md => handle.setMarkdown(md),
    saved: text => { if (handle.getMarkdown() === text) { try { localStorage.removeItem(key(artifactId)); } catch { } } },
    dispose: () => { clearTimeout(timer); handle.destroy(); },
  };
}

/** Text typed here earlier and never saved (a dropped connection), or null. */
export function unsaved(artifactId) {
  try { return localStorage.getItem(key(artifactId)); } catch { return null; }
}

export function forget(artifactId) {
  try { localStorage.removeItem(key(artifactId)); } catch { }
}
