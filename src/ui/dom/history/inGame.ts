// History mode inside the running game: the "Branch here…" dialog. It lists the moments of this
// game at which the person at the screen chose (each decision, and each turn's orders), newest
// first under their dates, and starts the chosen one again in a new branch of the tree. Only that
// seat's own moves are listed, in its own words: nothing of the other side's hidden business.

import './history.css';
import type { Step } from '../../../app/history/index';
import { longDate, type Side } from '../../../engine/index';
import { openDialog } from '../dialog';
import { h } from '../h';

/** A move's line in the person's own words: "at “A tip”: Approve", "you ordered …", "you gave no orders". */
const ownWords = (text: string): string =>
  text
    .replace(/^[^,:]*, at /, 'at ')
    .replace(/^[^,:]*'s orders: /, 'you ordered ')
    .replace(/^.* gives no orders$/, 'you gave no orders');

export interface MomentChoice {
  /** The game's moves up to the moment (the branch keeps these). */
  at: number;
  step: Step;
}

/**
 * The dialog of this game's moments for `seat`; `pick` is called with the chosen one. `where` says
 * where the game is kept in the tree ("a branch of history", "a game of its own beside history").
 */
export function momentDialog(steps: readonly Step[], seat: Side, sideName: string, where: string, pick: (c: MomentChoice) => void): void {
  const mine = steps.filter(s => s.side === seat).reverse();
  const byDay = new Map<number, Step[]>();
  for (const s of mine) byDay.set(s.day, [...(byDay.get(s.day) ?? []), s]);
  const item = (s: Step) =>
    h(
      'li',
      null,
      h(
        'button',
        {
          type: 'button',
          class: 'btn moment',
          'data-moment': String(s.index),
          onclick: () => {
            d.close();
            pick({ at: s.index, step: s });
          },
        },
        h('span', { class: 'option-title' }, s.move.type === 'decide' ? 'Decide again' : 'Give other orders'),
        h('span', { class: 'option-sub' }, `${ownWords(s.text)}${s.historical ? ' — as history did' : ''}${s.own ? '' : ' (before this branch began)'}`),
      ),
    );
  const d = openDialog(
    { title: 'Branch here…', className: 'moments-dialog' },
    h(
      'p',
      null,
      `Pick a moment of this game to take ${sideName}'s choice again. This game stays in the timeline tree as ${where}; the new choice is played on in a branch off it, against the same opponent. Everything before the moment stands, and so do the dice: the same moves meet the same luck.`,
    ),
    mine.length === 0
      ? h('p', { class: 'notice' }, `${sideName} has made no choice yet in this game.`)
      : h(
          'ol',
          { class: 'moment-days' },
          [...byDay].map(([day, list]) => h('li', null, h('h3', null, longDate(day)), h('ul', { class: 'moment-list' }, list.map(item)))),
        ),
    h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'btn', onclick: () => d.close() }, 'Cancel')),
  );
}
