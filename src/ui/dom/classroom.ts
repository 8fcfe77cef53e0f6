// Pass-and-play for a classroom on one screen: the curtain that comes between students ("Pass the
// screen to Ben"), a student minister's private screen (their brief, their secret aims, and a vote
// for or against each of the lead's items that go to the cabinet), and the lead's own secret aims
// on the desk. The game is hidden and inert behind every curtain, so no one sees another's aims.

import { atDesk, type Seated, votedItems, voters } from '../../app/classroom';
import type { SeatHolder } from '../../app/handIn';
import { advises, type Ballot, bodyName, type Compiled, type Move, type RoleBrief, roleBrief, type SeatView } from '../../engine/index';
import { type Dialog, openDialog } from './dialog';
import { h } from './h';

/** How the game screen lets the classroom hide its desk and keep track of the open dialog. */
export interface Stage {
  /** Hide (true) or show the desk behind the curtain. */
  hide(on: boolean): void;
  setModal(d: Dialog | null): void;
}

/** The curtain: the screen is passed to a named student, who says who they are to go on. */
export function curtain(stage: Stage, to: Seated, why: string, sideClass: string): Promise<void> {
  stage.hide(true);
  return new Promise(resolve => {
    const d = openDialog(
      { title: `Pass the screen to ${to.player}`, className: `handover classroom-curtain ${sideClass}`, closable: false, focus: '.btn' },
      h('p', null, `${to.player} (${to.role.name}, ${to.role.office}): ${why}`),
      h('p', { class: 'help' }, 'Everyone else should look away now.'),
      h(
        'button',
        {
          type: 'button',
          class: 'btn primary',
          'data-action': 'i-am',
          onclick: () => {
            d.close();
            stage.setModal(null);
            resolve();
          },
        },
        `I am ${to.player}: show my screen`,
      ),
    );
    stage.setModal(d);
  });
}

/** A role's secret aims, for its own student's eyes. */
export function aimsView(brief: RoleBrief, player: string): HTMLElement {
  return h(
    'section',
    { class: 'role-aims', 'aria-label': `${player}'s secret aims` },
    h('h3', null, `Your secret aims (${player} only)`),
    h('p', null, brief.secretAim),
    h(
      'ul',
      null,
      brief.objectives.map(o => h('li', null, `${o.label} `, h('span', { class: 'help' }, `(weight ${o.weight})`))),
    ),
  );
}

/** A student minister's private screen: brief, secret aims, and a vote on each item. Resolves with the ballots. */
function voteScreen(stage: Stage, c: Compiled, who: Seated, items: readonly { item: string; label: string }[], sideClass: string): Promise<Ballot[]> {
  const brief = roleBrief(c, who.role.id);
  const body = bodyName(who.role.side);
  const adviser = advises(c, who.role);
  const choice = new Map<string, 1 | -1>();
  return new Promise(resolve => {
    const rows = items.map((x, k) => {
      const name = `vote-${k}`;
      const radio = (v: 1 | -1, text: string) =>
        h(
          'label',
          { class: 'vote-choice' },
          h('input', {
            type: 'radio',
            name,
            value: String(v),
            'data-vote': v === 1 ? 'for' : 'against',
            onchange: () => {
              choice.set(x.item, v);
              send.disabled = choice.size < items.length;
            },
          }),
          text,
        );
      return h('fieldset', { class: 'vote-item' }, h('legend', null, x.label), radio(1, 'For'), radio(-1, 'Against'));
    });
    const send = h(
      'button',
      {
        type: 'button',
        class: 'btn primary',
        'data-action': 'cast-votes',
        disabled: true,
        onclick: () => {
          d.close();
          stage.setModal(null);
          resolve(items.map(x => ({ role: who.role.id, item: x.item, vote: choice.get(x.item)! })));
        },
      },
      adviser ? 'Give my advice' : 'Cast my votes',
    );
    const d = openDialog(
      { title: `${who.player}: ${who.role.name}, ${who.role.office}`, className: `classroom-vote ${sideClass}`, closable: false, focus: 'input' },
      h('p', null, brief.briefing),
      aimsView(brief, who.player),
      h('h3', null, adviser ? `The lead asks your advice on what goes to the ${body}` : `The lead puts to the ${body}`),
      h(
        'p',
        { class: 'help' },
        adviser
          ? `${who.role.name} is not a member of the ${body}, so you do not vote: you advise. Your view weighs as a vote would: it moves your minister's weight a quarter to a half of the way toward it (more when it goes with his loyalty to the lead), and the ${body} decides with the stance of every minister, in it or advising it. The news counts your advice apart from the members' votes.`
          : `Your vote moves your minister's weight a quarter to a half of the way toward it (more when it goes with his loyalty to the lead); the ${body} decides with every minister's stance, members' and advisers'.`,
      ),
      ...rows,
      h('div', { class: 'dialog-actions' }, send),
    );
    stage.setModal(d);
  });
}

/**
 * Before a side's move is sent: each student minister of the side votes on its cabinet items, each
 * behind a curtain, then the screen goes back to the lead. Resolves with every ballot (none when
 * the move has no cabinet item or no student minister).
 */
export async function collectVotes(stage: Stage, c: Compiled, v: SeatView, seats: readonly SeatHolder[], move: Move): Promise<Ballot[]> {
  const items = votedItems(c, move);
  const who = voters(c, v, seats);
  if (!items.length || !who.length) return [];
  const sideClass = `side-${v.side}`;
  const ballots: Ballot[] = [];
  for (const x of who) {
    const what = items.length === 1 ? 'an item' : `${items.length} items`;
    await curtain(stage, x, advises(c, x.role) ? `your advice is asked on ${what} before the ${bodyName(v.side)}.` : `the ${bodyName(v.side)} votes on ${what}.`, sideClass);
    ballots.push(...(await voteScreen(stage, c, x, items, sideClass)));
  }
  const lead = atDesk(c, v, seats);
  if (lead) await curtain(stage, lead, `${who.some(x => advises(c, x.role)) ? 'the votes are cast and the advice given' : 'the votes are cast'}; send your orders.`, sideClass);
  stage.hide(false);
  return ballots;
}
