// The artifact editor's browser side: Tiptap with Markdown in and out, a "/" block menu,
// Markdown shortcuts (StarterKit's input rules), Ctrl/Cmd+B/I/K. Bundled by build.sh into
// wwwroot/lib/editor/workroom-editor.js; ArtifactEditor.razor.js drives it from Blazor.
import { Editor, Extension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Markdown } from '@tiptap/markdown';
import { Table, TableRow, TableHeader, TableCell } from '@tiptap/extension-table';
import { TaskList } from '@tiptap/extension-task-list';
import { TaskItem } from '@tiptap/extension-task-item';
import { Placeholder } from '@tiptap/extensions';
import { Image } from '@tiptap/extension-image';
import { Plugin, PluginKey } from '@tiptap/pm/state';

const SCHEMES = ['http', 'https', 'mailto'];

// Only web and mail links, or paths of this site; the read views' SafeMarkdown says the same.
function allowedUrl(url) {
  const u = (url || '').trim();
  if ((u.startsWith('/') && !u.startsWith('//') && !u.startsWith('/\\')) || u.startsWith('#')) return true;
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(u);
  return !!m && SCHEMES.includes(m[1].toLowerCase());
}

// An image shows only from the web or from this site's attachments (053); any other address stays
// in the Markdown, kept, but is not fetched. SafeMarkdown says the same for the read views.
const ATTACHMENT = /^\/attachments\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function allowedImage(url) {
  const u = (url || '').trim();
  return ATTACHMENT.test(u) || /^https?:\/\//i.test(u);
}

// Inline, as Markdown's images are: a paragraph with an image in it stays one paragraph.
const WorkroomImage = Image.extend({
  renderHTML({ HTMLAttributes }) {
    const { src, ...rest } = HTMLAttributes;
    return ['img', { ...rest, ...(allowedImage(src) ? { src } : {}), loading: 'lazy' }];
  },
}).configure({ inline: true, allowBase64: false });

const filesKey = new PluginKey('workroom-files');

// Images pasted or dropped: the files go to onFiles(files, position) (the page uploads them and
// inserts what the server accepted); text and HTML paste as before.
const ImageFiles = Extension.create({
  name: 'workroomImageFiles',
  addOptions() { return { onFiles: null }; },
  addProseMirrorPlugins() {
    const onFiles = this.options.onFiles;
    const take = (files, pos) => {
      const list = Array.from(files || []);
      if (!onFiles || list.length === 0) return false;
      onFiles(list, pos);
      return true;
    };
    return [new Plugin({
      key: filesKey,
      props: {
        handlePaste: (view, event) => take(event.clipboardData?.files, view.state.selection.from) && (event.preventDefault(), true),
        handleDrop: (view, event) => {
          if (!event.dataTransfer?.files?.length) return false;
          const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
          return take(event.dataTransfer.files, at ? at.pos : view.state.selection.from) && (event.preventDefault(), true);
        },
      },
    })];
  },
});

// The block menu's entries: what "/" offers, in order.
export const BLOCKS = [
  { id: 'h1', label: 'Heading 1', run: c => c.setNode('heading', { level: 1 }) },
  { id: 'h2', label: 'Heading 2', run: c => c.setNode('heading', { level: 2 }) },
  { id: 'h3', label: 'Heading 3', run: c => c.setNode('heading', { level: 3 }) },
  { id: 'bullet', label: 'Bulleted list', run: c => c.toggleBulletList() },
  { id: 'numbered', label: 'Numbered list', run: c => c.toggleOrderedList() },
  { id: 'task', label: 'Task list', run: c => c.toggleTaskList() },
  { id: 'quote', label: 'Quote', run: c => c.toggleBlockquote() },
  { id: 'callout', label: 'Callout', run: c => c.toggleBlockquote().insertContent('**Note:** ') },
  { id: 'table', label: 'Table', run: c => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true }) },
  { id: 'divider', label: 'Divider', run: c => c.setHorizontalRule() },
  { id: 'code', label: 'Code block', run: c => c.toggleCodeBlock() },
];

const slashKey = new PluginKey('workroom-slash');

// "/" at the start of an empty text block opens the menu; typing filters it; arrows move,
// Enter picks, Escape closes. The typed "/query" is removed before the block changes.
const SlashMenu = Extension.create({
  name: 'workroomSlashMenu',
  addProseMirrorPlugins() {
    const editor = this.editor;
    let menu = null;
    let items = [];
    let index = 0;

    const match = state => {
      const { $from, empty } = state.selection;
      if (!empty || $from.parent.type.name === 'codeBlock') return null;
      const before = $from.parent.textBetween(0, $from.parentOffset, undefined, '\ufffc');
      const m = /^\/([a-z0-9 ]*)$/i.exec(before);
      return m ? { query: m[1].toLowerCase(), from: $from.start(), to: $from.pos } : null;
    };

    const close = () => { menu?.remove(); menu = null; };
    const pick = (state, found, item) => {
      close();
      item.run(editor.chain().focus().deleteRange({ from: found.from, to: found.to })).run();
    };
    const render = (view, found) => {
      items = BLOCKS.filter(b => b.label.toLowerCase().includes(found.query) || b.id.startsWith(found.query));
      if (items.length === 0) { close(); return; }
      index = Math.min(index, items.length - 1);
      if (!menu) {
        menu = document.createElement('div');
        menu.className = 'workroom-slash-menu';
        menu.setAttribute('role', 'listbox');
        menu.setAttribute('aria-label', 'Blocks');
        menu.dataset.testid = 'slash-menu';
        document.body.appendChild(menu);
      }
      menu.replaceChildren(...items.map((item, i) => {
        const option = document.createElement('div');
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', String(i === index));
        option.dataset.testid = 'slash-item';
        option.dataset.block = item.id;
        option.textContent = item.label;
        option.addEventListener('mousedown', e => { e.preventDefault(); pick(view.state, match(view.state), item); });
        return option;
      }));
      const at = view.coordsAtPos(found.to);
      menu.style.left = `${at.left + window.scrollX}px`;
      menu.style.top = `${at.bottom + window.scrollY + 4}px`;
    };

    return [new Plugin({
      key: slashKey,
      view: () => ({
        update: view => { const found = match(view.state); if (found) render(view, found); else { index = 0; close(); } },
        destroy: close,
      }),
      props: {
        handleKeyDown: (view, event) => {
          if (!menu) return false;
          const found = match(view.state);
          if (!found) return false;
          if (event.key === 'ArrowDown') { index = (index + 1) % items.length; render(view, found); return true; }
          if (event.key === 'ArrowUp') { index = (index - 1 + items.length) % items.length; render(view, found); return true; }
          if (event.key === 'Enter' || event.key === 'Tab') { pick(view.state, found, items[index]); return true; }
          if (event.key === 'Escape') { close(); return true; }
          return false;
        },
      },
    })];
  },
});

// Ctrl/Cmd+K: a link on the selection (only the schemes above), or off when it has one.
const LinkShortcut = Extension.create({
  name: 'workroomLinkShortcut',
  addKeyboardShortcuts() {
    return {
      'Mod-k': () => {
        if (this.editor.isActive('link')) return this.editor.chain().focus().unsetLink().run();
        const url = window.prompt('Link address (https://…, mailto:…)');
        if (!url || !allowedUrl(url)) return true;
        return this.editor.chain().focus().extendMarkRange('link').setLink({ href: url.trim() }).run();
      },
    };
  },
});

function extensions(placeholder, onFiles) {
  return [
    StarterKit.configure({
      link: { openOnClick: false, autolink: true, protocols: ['mailto'], isAllowedUri: url => allowedUrl(url) },
    }),
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    TaskList,
    TaskItem.configure({ nested: true }),
    Placeholder.configure({ placeholder: placeholder || "Write, or type '/' for blocks…" }),
    WorkroomImage,
    ImageFiles.configure({ onFiles }),
    Markdown,
    SlashMenu,
    LinkShortcut,
  ];
}

/**
 * Mounts an editor on the element with the Markdown; calls onChange() after each edit and
 * onFiles(files, position) when files are pasted or dropped.
 * Returns { getMarkdown, setMarkdown, focus, destroy }.
 */
export function createEditor(element, markdown, { placeholder, label, onChange, onFiles } = {}) {
  const editor = new Editor({
    element,
    extensions: extensions(placeholder, onFiles),
    content: markdown || '',
    contentType: 'markdown',
    editorProps: { attributes: { 'aria-label': label || 'Artifact text', role: 'textbox', 'aria-multiline': 'true', 'data-testid': 'editor-content' } },
    onUpdate: () => onChange?.(),
  });
  return {
    getMarkdown: () => editor.getMarkdown(),
    setMarkdown: md => editor.commands.setContent(md || '', { contentType: 'markdown', emitUpdate: false }),
    focus: () => editor.commands.focus('end'),
    /** Puts an image at the position (clamped to the document), as one edit. */
    insertImage: (src, alt, pos) => {
      if (!allowedImage(src)) return false;
      const at = Math.max(0, Math.min(pos ?? editor.state.selection.from, editor.state.doc.content.size));
      return editor.chain().focus().insertContentAt(at, { type: 'image', attrs: { src, alt: alt || null } }).run();
    },
    destroy: () => editor.destroy(),
  };
}

/** The Markdown as the editor gives it back after loading it, with no edit: the round trip the tests check. */
export function roundTrip(markdown) {
  const element = document.createElement('div');
  const editor = new Editor({ element, extensions: extensions(), content: markdown || '', contentType: 'markdown' });
  try {
    return editor.getMarkdown();
  } finally {
    editor.destroy();
  }
}
