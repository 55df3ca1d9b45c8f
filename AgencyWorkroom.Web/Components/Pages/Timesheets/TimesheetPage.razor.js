// The week grid's keyboard, as in a spreadsheet: arrows move, Enter moves down, Tab moves on
// (the browser's own order), typing replaces (a cell's text is selected when it takes focus),
// Delete clears the cell. Leaving a changed cell fires its change event, which saves it.
export function attachGrid(grid) {
  if (!grid || grid.dataset.keyboard) return;
  grid.dataset.keyboard = 'on';

  const cell = (row, col) => grid.querySelector(`input[data-row="${row}"][data-col="${col}"]`);
  const move = (from, dRow, dCol) => {
    let row = Number(from.dataset.row), col = Number(from.dataset.col);
    for (let i = 0; i < 64; i++) {
      row += dRow; col += dCol;
      const next = cell(row, col);
      if (!next) return false;
      if (!next.disabled) { next.focus(); return true; }
    }
    return false;
  };

  // A cell reached by the keyboard is "fresh" until someone types in it or clicks a caret into it:
  // typing replaces it and Delete clears it even when the server's answer to an earlier save has
  // rewritten its text (say 1h30 as 1:30) since it took focus, which drops the selection.
  grid.addEventListener('focusin', event => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.dataset.row !== undefined) {
      input.select();
      input.dataset.fresh = 'yes';
    }
  });
  const touched = event => { if (event.target instanceof HTMLInputElement) delete event.target.dataset.fresh; };
  grid.addEventListener('input', touched);
  grid.addEventListener('click', touched);

  grid.addEventListener('keydown', event => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.dataset.row === undefined) return;
    const fresh = input.dataset.fresh === 'yes';
    const whole = fresh || (input.selectionStart === 0 && input.selectionEnd === input.value.length);
    if (fresh && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) input.select();
    switch (event.key) {
      case 'ArrowUp': event.preventDefault(); move(input, -1, 0); break;
      case 'ArrowDown': event.preventDefault(); move(input, 1, 0); break;
      case 'Enter': event.preventDefault(); if (!move(input, 1, 0)) input.blur(); break;
      // A cell holds a few characters: arrows always move between cells, as in a spreadsheet.
      case 'ArrowLeft': event.preventDefault(); move(input, 0, -1); break;
      case 'ArrowRight': event.preventDefault(); move(input, 0, 1); break;
      case 'Delete':
        if (whole || input.value === '') {
          event.preventDefault();
          input.value = '';
          input.dispatchEvent(new Event('change', { bubbles: true }));
        }
        break;
    }
  });
}

export function focusCell(grid, row, col) {
  const input = grid && grid.querySelector(`input[data-row="${row}"][data-col="${col}"]`);
  if (input) input.focus();
}
