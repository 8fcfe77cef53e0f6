// Who plays the side a person leaves to the computer in a branch: the choice the branch dialog of
// the watch screen and the tree's "Play on…" for a branch whose players were not recorded both offer.

import type { Controller } from '../../../app/saveFile';
import { type Side, sideInSentence } from '../../../engine/index';
import type { Scenario } from '../../../scenario/schema';
import { h } from '../h';

/** The players offered for the other side, each with its name and what it does. */
export function opponentOptions(sc: Scenario, them: Side): [Controller, string, string][] {
  return [
    ['persona', 'The computer', `plays ${sideInSentence(sc, them)} to win, with its lead's known leanings`],
    ['historical', 'The computer, as history', 'keeps to the recorded course wherever it still can'],
    ['human', 'A second person', 'at this screen; a hand-over screen keeps each side’s orders hidden'],
  ];
}

/** A fieldset of radio buttons; `pick` hears each change. */
export function radioChoice<T extends string>(legend: string, name: string, options: readonly [T, string, string][], initial: T, pick: (value: T) => void): HTMLElement {
  return h(
    'fieldset',
    { class: 'choice' },
    h('legend', null, legend),
    options.map(([value, title, sub]) =>
      h(
        'label',
        { class: 'option' },
        h('input', { type: 'radio', name, value, checked: value === initial, onchange: () => pick(value) }),
        h('span', { class: 'option-title' }, title),
        h('span', { class: 'option-sub' }, sub),
      ),
    ),
  );
}
