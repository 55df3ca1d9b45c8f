// The editor's bridge to Blazor: mounts the bundled Tiptap editor, saves a moment after typing
// stops (through the component, which holds the version), and keeps every unsaved text in this
// browser's local storage until a save succeeds, so a dropped connection loses nothing.
import { createEditor } from '/lib/editor/workroom-editor.js';

const PAUSE_MS = 1500;
const THUMBNAIL_PX = 320;

// The library's thumbnail, made here with a canvas (decision 029): the server never decodes an
// image. WebP where the browser writes it, else PNG; null when the browser cannot read the file
// (an SVG, or not an image at all): the server judges the file itself by its bytes.
async function thumbnailOf(file) {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, THUMBNAIL_PX / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return await new Promise(resolve => canvas.toBlob(resolve, 'image/webp', 0.8));
  } catch {
    return null;
  }
}

// Each file through the circuit as a stream (the signed-in person's unit of work stores it), then
// into the text where it was pasted or dropped; the component shows a refusal's reason.
async function upload(dotNet, handle, files, pos) {
  for (const file of files) {
    const thumbnail = await thumbnailOf(file);
    let reply;
    try {
      reply = await dotNet.invokeMethodAsync('UploadImageAsync', file.name || 'image', file.size,
        DotNet.createJSStreamReference(file), thumbnail ? DotNet.createJSStreamReference(thumbnail) : null);
    } catch {
      return; // the circuit is gone
    }
    if (reply?.src) {
      handle.insertImage(reply.src, reply.alt, pos);
      pos = undefined; // the next one after it, where the cursor now is
    }
  }
}
const key = id => `workroom:artifact:${id}:unsaved`;

export function mount(element, dotNet, artifactId, markdown) {
  let timer = null;
  const handle = createEditor(element, markdown, {
    label: 'Artifact text',
    onFiles: (files, pos) => { upload(dotNet, handle, files, pos); },
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
