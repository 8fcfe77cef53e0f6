// A native select whose chosen option reads in full. A closed select shows one line, and a long
// option (a note's term, an event's title) was cut at the box's edge; here the chosen option's text
// wraps in a box drawn like a select's, and the select itself lies unseen over that box, so the
// mouse, the keyboard and a screen reader use it as before and its list is the browser's own.
import { h } from './h';

/** `select` in a box that shows its chosen option in full; set the select's value before wrapping it. */
export function fullSelect(select: HTMLSelectElement): HTMLElement {
  const shown = h('span', { class: 'select-shown', 'aria-hidden': 'true' });
  const sync = () => {
    const text = select.selectedOptions[0]?.text ?? '';
    shown.textContent = text;
    select.title = text;
  };
  select.addEventListener('change', sync);
  sync();
  return h('span', { class: 'select-full' }, shown, select);
}
