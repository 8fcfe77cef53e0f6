// Modal dialogs on the native <dialog> element: it traps focus, closes on Escape (when allowed) and
// is announced as a dialog by screen readers.
import { append, h } from './h';

export interface DialogOptions {
  title: string;
  className?: string;
  /** Escape and the close button dismiss it (false for decisions that must be taken). */
  closable?: boolean;
  onClose?: () => void;
  /** Label of the element that gets focus first (defaults to the first button in the body, then in its closing row of buttons). */
  focus?: string;
}

export interface Dialog {
  el: HTMLDialogElement;
  body: HTMLElement;
  close(): void;
}

export function openDialog(opts: DialogOptions, ...content: (Node | string | null)[]): Dialog {
  const closable = opts.closable ?? true;
  const titleId = `dlg-${Math.random().toString(36).slice(2, 8)}`;
  const body = h('div', { class: 'dialog-body' });
  append(body, content);
  // A closing row of buttons sits below the scrolling body, not over it: it never covers a row.
  const last = body.lastElementChild;
  const actions = last?.classList.contains('dialog-actions') ? last : null;
  actions?.remove();
  const el = h(
    'dialog',
    { class: `dialog ${opts.className ?? ''}`, 'aria-labelledby': titleId },
    h(
      'header',
      { class: 'dialog-head' },
      h('h2', { id: titleId }, opts.title),
      closable ? h('button', { class: 'icon-btn', type: 'button', 'aria-label': 'Close', onclick: () => close() }, '×') : null,
    ),
    body,
    actions,
  );
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    el.close();
    el.remove();
    opts.onClose?.();
  };
  el.addEventListener('cancel', e => {
    e.preventDefault();
    if (closable) close();
  });
  document.body.append(el);
  el.showModal();
  const sel = opts.focus ?? 'button, [href], input, select, textarea, [tabindex]';
  const first = body.querySelector<HTMLElement>(sel) ?? actions?.querySelector<HTMLElement>(sel);
  first?.focus();
  return { el, body, close };
}

/** A dialog's closing row: Cancel, and a primary button that closes the dialog and then does `run`. */
export function cancelOrGo(close: () => void, go: { label: string; action: string; run(): void }): HTMLElement {
  return h(
    'div',
    { class: 'dialog-actions' },
    h('button', { type: 'button', class: 'btn', onclick: close }, 'Cancel'),
    h(
      'button',
      {
        type: 'button',
        class: 'btn primary',
        'data-action': go.action,
        onclick: () => {
          close();
          go.run();
        },
      },
      go.label,
    ),
  );
}
