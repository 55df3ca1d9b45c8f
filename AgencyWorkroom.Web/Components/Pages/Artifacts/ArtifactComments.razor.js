// The comments panel's bridge: remembers the last passage selected in the artifact's text (the
// editor or the read view), since clicking into the comment box clears the selection, and
// highlights the open threads' quotes in the text with the CSS Custom Highlight API, which
// marks ranges without changing the document (the editor's DOM belongs to the editor).
const SCOPE = '[data-testid=editor], [data-testid=artifact-document]';
const NAME = 'workroom-comment-quote';
let last = null;

function onSelectionChange() {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
    return;
  }
  const node = selection.getRangeAt(0).commonAncestorContainer;
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  if (element && element.closest(SCOPE)) {
    const text = selection.toString().replace(/\s+/g, ' ').trim();
    if (text) {
      last = text.slice(0, 1000);
    }
  }
}

// "@" in a comment box offers the people who may read the artifact (the database says who, through
// the component); arrows move, Enter or Tab picks, Escape closes. The pick becomes "@Full Name ", the
// mention the database matches when the comment is added (019).
const BOXES = '[data-testid=artifact-comments] textarea';
// The query may hold spaces (names do) but not end in one: "@Ann Lee " after a pick is done.
const MENTION = /(?:^|[\s(])@([^\s@](?:[^@\n]{0,40}[^\s@])?)?$/u;
let picking = false;
let dotNetRef = null;
let mention = null; // { box, start, names, index, menu, asked }

function closeMention() {
  if (mention?.menu) {
    mention.menu.remove();
  }
  if (mention?.box) {
    mention.box.removeAttribute('aria-activedescendant');
    mention.box.removeAttribute('aria-controls');
  }
  mention = null;
}

function renderMention() {
  const m = mention;
  if (!m || m.names.length === 0) {
    if (m?.menu) { m.menu.remove(); m.menu = null; }
    return;
  }
  if (!m.menu) {
    m.menu = document.createElement('div');
    m.menu.className = 'workroom-slash-menu';
    m.menu.id = 'workroom-mention-list';
    m.menu.setAttribute('role', 'listbox');
    m.menu.setAttribute('aria-label', 'People who can see this artifact');
    m.menu.dataset.testid = 'mention-menu';
    document.body.appendChild(m.menu);
  }
  m.index = Math.min(m.index, m.names.length - 1);
  m.menu.replaceChildren(...m.names.map((name, i) => {
    const option = document.createElement('div');
    option.id = `workroom-mention-${i}`;
    option.setAttribute('role', 'option');
    option.setAttribute('aria-selected', String(i === m.index));
    option.dataset.testid = 'mention-item';
    option.textContent = name;
    option.addEventListener('mousedown', e => { e.preventDefault(); pickMention(name); });
    return option;
  }));
  const at = m.box.getBoundingClientRect();
  m.menu.style.left = `${at.left + window.scrollX}px`;
  m.menu.style.top = `${at.bottom + window.scrollY + 4}px`;
  m.box.setAttribute('aria-controls', m.menu.id);
  m.box.setAttribute('aria-activedescendant', `workroom-mention-${m.index}`);
}

function pickMention(name) {
  const m = mention;
  if (!m) return;
  const box = m.box;
  const caret = box.selectionStart;
  const text = `@${name} `;
  box.value = box.value.slice(0, m.start) + text + box.value.slice(caret);
  box.selectionStart = box.selectionEnd = m.start + text.length;
  closeMention();
  // Blazor's binding (Immediate) reads the box on input.
  picking = true;
  try {
    box.dispatchEvent(new Event('input', { bubbles: true }));
  } finally {
    picking = false;
  }
  box.focus();
}

async function onMentionInput(event) {
  const box = event.target;
  if (picking || !(box instanceof HTMLTextAreaElement) || !box.matches(BOXES) || !dotNetRef) return;
  const before = box.value.slice(0, box.selectionStart);
  const found = MENTION.exec(before);
  if (!found) { closeMention(); return; }
  const query = found[1] || '';
  const start = before.length - query.length - 1;
  if (!mention || mention.box !== box) {
    closeMention();
    mention = { box, start, names: [], index: 0, menu: null, asked: 0 };
  }
  mention.start = start;
  const asked = ++mention.asked;
  let names = [];
  try {
    names = await dotNetRef.invokeMethodAsync('MentionCandidatesAsync', query);
  } catch {
    return; // the circuit is gone
  }
  if (!mention || mention.asked !== asked) return; // a newer keystroke asked again
  mention.names = names || [];
  renderMention();
}

function onMentionKey(event) {
  const m = mention;
  if (!m || !m.menu || event.target !== m.box) return;
  if (event.key === 'ArrowDown') { m.index = (m.index + 1) % m.names.length; renderMention(); event.preventDefault(); }
  else if (event.key === 'ArrowUp') { m.index = (m.index - 1 + m.names.length) % m.names.length; renderMention(); event.preventDefault(); }
  else if (event.key === 'Enter' || event.key === 'Tab') { pickMention(m.names[m.index]); event.preventDefault(); }
  else if (event.key === 'Escape') { closeMention(); event.preventDefault(); event.stopPropagation(); }
}

function onMentionBlur(event) {
  if (mention && event.target === mention.box) {
    closeMention();
  }
}

export function watch(dotNet) {
  document.addEventListener('selectionchange', onSelectionChange);
  dotNetRef = dotNet || null;
  document.addEventListener('input', onMentionInput, true);
  document.addEventListener('keydown', onMentionKey, true);
  document.addEventListener('focusout', onMentionBlur, true);
}

export function unwatch() {
  document.removeEventListener('selectionchange', onSelectionChange);
  document.removeEventListener('input', onMentionInput, true);
  document.removeEventListener('keydown', onMentionKey, true);
  document.removeEventListener('focusout', onMentionBlur, true);
  closeMention();
  dotNetRef = null;
  if (window.CSS && CSS.highlights) {
    CSS.highlights.delete(NAME);
  }
}

/** The passage selected last in the text, or null. */
export function selection() {
  return last;
}

/** Highlights each quote where it still reads so within one block of the text. */
export function highlight(quotes) {
  if (!(window.CSS && CSS.highlights && window.Highlight)) {
    return;
  }
  const ranges = [];
  for (const root of document.querySelectorAll(SCOPE)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n, start: text.length });
      text += n.nodeValue;
    }
    for (const quote of quotes) {
      const at = text.indexOf(quote);
      if (at < 0) {
        continue;
      }
      const place = offset => {
        let i = nodes.length - 1;
        while (i > 0 && nodes[i].start > offset) {
          i--;
        }
        return [nodes[i].node, offset - nodes[i].start];
      };
      const range = new Range();
      range.setStart(...place(at));
      range.setEnd(...place(at + quote.length));
      ranges.push(range);
    }
  }
  CSS.highlights.set(NAME, new Highlight(...ranges));
}
