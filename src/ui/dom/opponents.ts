// The computer opponents a person can choose, worded once for every screen that offers them: the
// new-game screen (title.ts) and history mode's branch and play-on dialogs (history/opponent.ts).
// The search player comes with a strength, which only it has: the strength control is disabled,
// and its help says why, while another opponent is picked.

import { parsePlayerName } from '../../ai/names';
import { SEARCH_LEVELS, type SearchLevel } from '../../ai/search/index';
import type { Controller } from '../../app/saveFile';
import { h } from './h';

/** A kind of opponent as the screens offer it: a computer player, the search player at any strength, or a second person. */
export type OpponentKind = 'persona' | 'negotiator' | 'search' | 'historical' | 'hotseat';

/** The opponents by the names the new-game screen gives them (the saved games' list says the same). */
export const OPPONENT_TITLES: Record<OpponentKind, string> = {
  persona: 'The computer',
  negotiator: 'The computer, bargaining',
  search: 'The computer, thinking ahead',
  historical: 'The computer, as history',
  hotseat: 'A second person',
};

/** What the bargainer and the search player do, in the same words wherever they are offered (the others' lines depend on the screen). */
export const OPPONENT_SUBS: Record<'negotiator' | 'search', string> = {
  negotiator: 'reads your cabinet, trades notes and concedes as time runs out',
  search: 'plays out the futures it can imagine from what it knows, and says why it moved',
};

/** The strength offered first: the search player's third level. */
export const DEFAULT_STRENGTH: SearchLevel = 3;

const LEVEL_WORDS: Record<SearchLevel, string> = { 1: 'quick', 2: 'steady', 3: 'strong', 4: 'strongest' };

/** The player an opponent choice names: 'search:2' for the search player at strength 2, 'human' for a second person. */
export const opponentName = (kind: OpponentKind, level: SearchLevel): Controller => (kind === 'search' ? `search:${level}` : kind === 'hotseat' ? 'human' : kind);

/** An opponent choice from a player's name (its fidelity aside); a player no screen offers reads as the persona. */
export function opponentChoice(name: Controller): { kind: OpponentKind; level: SearchLevel } {
  if (name === 'human') return { kind: 'hotseat', level: DEFAULT_STRENGTH };
  const p = parsePlayerName(name);
  const kind = p.ok && p.value.kind in OPPONENT_TITLES ? (p.value.kind as OpponentKind) : 'persona';
  return { kind, level: (p.ok && p.value.level) || DEFAULT_STRENGTH };
}

const STRENGTH_HELP = 'Only how long it may think differs; it never sees more than you would in its place.';
const STRENGTH_IDLE = 'Not used with this opponent: only the computer thinking ahead has a strength.';

/**
 * The search player's strength: a labelled select (`id`) with its help under it, for the fieldset
 * of opponents. `show` tells it whether the search player is the one picked; `pick` hears each level chosen.
 */
export function strengthControl(id: string, level: SearchLevel, pick: (level: SearchLevel) => void): { parts: HTMLElement[]; show(thinks: boolean): void } {
  const helpId = `${id}-help`;
  const select = h(
    'select',
    {
      id,
      name: id,
      'aria-describedby': helpId,
      onchange: (e: Event) => pick(Number((e.target as HTMLSelectElement).value) as SearchLevel),
    },
    SEARCH_LEVELS.map(l => h('option', { value: String(l), selected: l === level }, `${l} — ${LEVEL_WORDS[l]}`)),
  );
  const help = h('p', { id: helpId, class: 'help' }, STRENGTH_HELP);
  const show = (thinks: boolean) => {
    select.disabled = !thinks;
    help.textContent = thinks ? STRENGTH_HELP : STRENGTH_IDLE;
    help.classList.toggle('idle', !thinks);
  };
  return { parts: [h('div', { class: 'dial' }, h('label', { for: id }, 'Strength when thinking ahead '), select), help], show };
}
