// Sharing a branch: its short code (copied, or read off the screen) and its file (saved); and the
// way back in: a code pasted or a file chosen, checked before anything is added. A refused code or
// file is refused with the reason in the dialog, and nothing in the tree is touched; an accepted
// one is added as a branch of its own (histcore's share codes and tree.adopt do the checking).

import { branchFile, encodeShareCode, type HistoryTree, type NodeId, shareSegments } from '../../../app/history/index';
import { openDialog } from '../dialog';
import { h } from '../h';

/** The share box on a branch's card. */
export function shareBox(tree: HistoryTree, id: NodeId, title: string, announce: (text: string) => void): HTMLElement {
  const line = tree.line(id);
  const segments = shareSegments(tree, id);
  // The computer's moves are played again to leave them out of the code: it comes a moment later.
  const field = h('input', {
    type: 'text',
    readonly: true,
    value: 'Making the code…',
    id: 'share-code',
    class: 'share-code',
    'aria-label': 'Share code of this branch',
    spellcheck: 'false',
    'aria-busy': 'true',
  });
  let code = '';
  const made = encodeShareCode(tree.sc, line, segments).then(
    c => {
      code = c;
      field.value = c;
      field.removeAttribute('aria-busy');
      field.dataset.ready = 'true';
    },
    (e: unknown) => {
      field.value = `No code: ${e instanceof Error ? e.message : String(e)}`;
      field.removeAttribute('aria-busy');
    },
  );
  field.addEventListener('focus', () => field.select());
  const copy = async () => {
    await made;
    if (!code) return announce('This branch has no code to copy.');
    try {
      await navigator.clipboard.writeText(code);
      announce('The share code is copied.');
    } catch {
      // No clipboard here (an insecure page, a refusal): select it for the person to copy.
      field.focus();
      field.select();
      announce('Select and copy the code from the field (the browser would not copy it).');
    }
  };
  const save = async () => {
    const text = await branchFile(tree.sc, line, tree.node(id)?.label ?? '', title, segments);
    const name = `${tree.sc.id}-branch-${id}.branch.json`;
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = h('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    announce(`Saved ${name} to your downloads.`);
  };
  return h(
    'section',
    { class: 'share-box', 'aria-label': 'Share this branch' },
    h('h3', null, 'Share this branch'),
    h('p', { class: 'help' }, 'The code replays this branch move for move on any machine with this game.'),
    field,
    h(
      'div',
      { class: 'card-actions' },
      h('button', { type: 'button', class: 'btn small', 'data-action': 'copy-code', onclick: () => void copy() }, 'Copy the code'),
      h('button', { type: 'button', class: 'btn small', 'data-action': 'save-branch', onclick: () => void save() }, 'Save as a file'),
    ),
  );
}

/**
 * The dialog that takes a code or a branch file. `load` checks and adds it, resolving with null,
 * or with the reason it was refused (shown here; the dialog stays open, the tree as it was).
 */
export function importDialog(load: (text: string, from: string) => Promise<string | null>): void {
  const area = h('textarea', { id: 'import-code', rows: 3, cols: 50, spellcheck: 'false', 'aria-describedby': 'import-why' });
  const why = h('p', { id: 'import-why', class: 'import-why', 'aria-live': 'assertive' });
  const file = h('input', { type: 'file', accept: '.json,application/json', id: 'import-file', class: 'visually-hidden', 'aria-label': 'Choose a branch file' });
  let d: ReturnType<typeof openDialog> | null = null;
  const run = async (text: string, from: string) => {
    why.textContent = 'Checking…';
    why.className = 'import-why';
    const r = await load(text, from);
    if (r === null) {
      d?.close();
      return;
    }
    why.className = 'import-why notice error';
    why.textContent = `${from} was refused: ${r}. Nothing in your tree was changed.`;
  };
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    file.value = '';
    if (f) await run(await f.text(), f.name);
  });
  d = openDialog(
    { title: 'Load a shared branch', className: 'import-dialog', focus: '#import-code' },
    h('p', null, h('label', { for: 'import-code' }, 'Paste a share code')),
    area,
    why,
    h(
      'div',
      { class: 'dialog-actions' },
      h('button', { type: 'button', class: 'btn', 'data-action': 'import-file', onclick: () => file.click() }, 'Load a branch file…'),
      file,
      h('button', { type: 'button', class: 'btn primary', 'data-action': 'import-code', onclick: () => void run(area.value, 'The code') }, 'Load the code'),
    ),
  );
}
