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

export function watch() {
  document.addEventListener('selectionchange', onSelectionChange);
}

export function unwatch() {
  document.removeEventListener('selectionchange', onSelectionChange);
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
