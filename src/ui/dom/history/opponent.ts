// Who plays the side a person leaves to the computer in a branch: the choice the branch dialog of
// the watch screen and the tree's "Play on…" for a branch whose players were not recorded both offer.
// The same opponents as the new-game screen, by the same names (../opponents.ts), the search player
// with its strength; the persona's, history's and a second person's lines fit a branch.

import type { Controller } from '../../../app/saveFile';
import { type Side, sideInSentence } from '../../../engine/index';
import type { Scenario } from '../../../scenario/schema';
import { h } from '../h';
import { OPPONENT_SUBS, OPPONENT_TITLES, type OpponentKind, opponentChoice, opponentName, strengthControl } from '../opponents';

/** The players offered for the other side, each with its kind, its name and what it does. */
export function opponentOptions(sc: Scenario, them: Side): [OpponentKind, string, string][] {
  const subs: Record<OpponentKind, string> = {
    persona: `plays ${sideInSentence(sc, them)} to win, with its lead’s known leanings`,
    ...OPPONENT_SUBS,
    historical: 'keeps to the recorded course wherever it still can',
    hotseat: 'at this screen; a hand-over screen keeps each side’s orders hidden',
  };
  return (['persona', 'negotiator', 'search', 'historical', 'hotseat'] as const).map(k => [k, OPPONENT_TITLES[k], subs[k]]);
}

/**
 * Who plays `them`: the opponents as radio buttons (`name`), then the search player's strength,
 * which acts only while it is picked. `pick` hears the player's name ('search:2') on every change.
 */
export function opponentChoiceBox(sc: Scenario, them: Side, name: string, initial: Controller, pick: (player: Controller) => void): HTMLElement {
  let { kind, level } = opponentChoice(initial);
  const strength = strengthControl(`${name}-strength`, level, l => {
    level = l;
    pick(opponentName(kind, level));
  });
  const choose = (k: OpponentKind) => {
    kind = k;
    strength.show(kind === 'search');
    pick(opponentName(kind, level));
  };
  strength.show(kind === 'search');
  return radioChoice(`Who plays ${sideInSentence(sc, them)}`, name, opponentOptions(sc, them), kind, choose, strength.parts);
}

/** A fieldset of radio buttons; `pick` hears each change. `after`: what follows the options inside it. */
export function radioChoice<T extends string>(legend: string, name: string, options: readonly [T, string, string][], initial: T, pick: (value: T) => void, after: HTMLElement[] = []): HTMLElement {
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
    after,
  );
}
