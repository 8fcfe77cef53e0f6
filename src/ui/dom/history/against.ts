// A finished branch held against history: each scenario outcome and each side's score in the
// branch beside the trunk, and the decisions that mattered most, measured by the explorer (how far
// each choice moved the odds of the outcomes against its alternatives, on common futures), run
// on demand across the machine's cores with progress and cancel.

import { compareWithHistory } from '../../../ai/baseline';
import { createBrowserPool, EXPLORE_CANCELLED, type ExplorePool, againstHistory as held, matteredDecisions, type NodeId, nodeSight, WHOLE_POSITION } from '../../../app/history/index';
import { cityOf, type HistorySession } from '../../../app/watch/index';
import { longDate, SIDES } from '../../../engine/index';
import { fill, h } from '../h';

/** Continuations per alternative when measuring in the browser: enough to rank, quick enough to wait for. */
const MATTERED_GAMES_HERE = 60;
const SHOWN = 5;

export function againstHistory(session: HistorySession, id: NodeId, announce: (t: string) => void): { el: HTMLElement; destroy(): void } {
  const tree = session.tree;
  const end = tree.state(id);
  // Read with the sight the branch's rule allows: a game in play from its person's seat, to its last resolved turn.
  const d = held(tree, id);
  // An outcome history came to only after the branch's last date is open there, not missed.
  const differs = d.outcomes.filter(o => o.reached && o.history !== o.branch);
  const same = d.outcomes.filter(o => o.reached && o.history === o.branch);
  const unseen = d.outcomes.filter(o => o.branch === null);
  const open = d.outcomes.filter(o => !o.reached && o.branch !== null);
  let pool: ExplorePool | null = null;
  let abort: AbortController | null = null;
  const result = h('div', { class: 'mattered-box', 'aria-live': 'polite' });
  const measure = async () => {
    pool ??= createBrowserPool();
    abort = new AbortController();
    const bar = h('progress', { id: 'mattered-progress', max: 1, value: 0, 'aria-label': 'Continuations played' });
    fill(result, h('p', null, bar, ' ', h('button', { type: 'button', class: 'btn small', 'data-action': 'cancel-mattered', onclick: () => abort?.abort() }, 'Cancel')));
    result.querySelector<HTMLElement>('[data-action=cancel-mattered]')?.focus();
    const r = await matteredDecisions(
      session.sc,
      tree.line(id),
      { players: { britain: 'persona', ussr: 'persona' }, games: MATTERED_GAMES_HERE },
      {
        pool,
        signal: abort.signal,
        limit: SHOWN,
        onProgress: (done, total) => {
          bar.max = total;
          bar.value = done;
        },
      },
    );
    abort = null;
    if (!r.ok) {
      fill(result, h('p', { class: r.error === EXPLORE_CANCELLED ? 'help' : 'notice error' }, r.error === EXPLORE_CANCELLED ? 'Cancelled.' : `Could not measure: ${r.error}.`), button());
      return;
    }
    announce('The decisions that mattered are measured.');
    fill(
      result,
      h(
        'p',
        { class: 'help' },
        `Each choice made, against the alternative that would have changed the odds most; the odds are given as “with the alternative → with the choice made”, from ${MATTERED_GAMES_HERE} continuations of each with the personas playing on, on the same futures. The weightiest first:`,
      ),
      h(
        'ol',
        { class: 'mattered', id: 'mattered-list' },
        r.value.map(m => h('li', null, h('span', null, m.summary), h('span', { class: 'help' }, ` (${longDate(m.day)}${m.historical ? ', as history' : ''})`))),
      ),
    );
  };
  const button = () => h('button', { type: 'button', class: 'btn small', 'data-action': 'mattered', onclick: () => void measure() }, 'Measure the decisions that mattered');
  // Measured from the whole position, as the what-if explorer plays: not while a person plays the branch.
  const measurable = nodeSight(tree, id).historian;
  fill(result, measurable ? button() : h('p', { class: 'help', id: 'mattered-why' }, `The decisions that mattered are measured once the game is over: the measure plays on from ${WHOLE_POSITION}.`));
  const el = h(
    'section',
    { class: 'against', 'aria-label': 'Against history' },
    h('h3', null, end.ended ? 'The outcome against history' : 'So far, against history'),
    d.seat ? h('p', { class: 'help', id: 'against-seat' }, `As ${cityOf(d.seat)} knows it, to the start of the turn still open (${longDate(d.end.day)}).`) : null,
    d.refused ? h('p', { class: 'help', id: 'against-refused' }, `Held against history once it is over: ${d.refused}.`) : null,
    differs.length
      ? h(
          'ul',
          { class: 'outcomes-against', id: 'outcomes-against' },
          differs.map(o => h('li', null, `${o.label}: ${o.branch ? 'yes' : 'no'} in this branch, ${o.history ? 'yes' : 'no'} in history`)),
        )
      : null,
    h(
      'p',
      { class: 'help' },
      same.length
        ? `${differs.length ? 'As in history otherwise' : open.length ? 'As in history so far' : 'Every outcome as in history'}: ${same.map(o => `${o.label}: ${o.branch ? 'yes' : 'no'}`).join('; ')}.`
        : '',
    ),
    open.length ? h('p', { class: 'help', id: 'outcomes-open' }, `Not decided yet (the branch stops on ${longDate(d.end.day)}): ${open.map(o => o.label).join('; ')}.`) : null,
    unseen.length && d.seat ? h('p', { class: 'help', id: 'outcomes-unseen' }, `Not known from ${cityOf(d.seat)} (they turn on what it cannot see): ${unseen.map(o => o.label).join('; ')}.`) : null,
    end.ended
      ? h(
          'p',
          { class: 'help' },
          SIDES.map(side => {
            const cmp = compareWithHistory(session.sc, end, side);
            return `${session.sc.sides[side].name} ${cmp.total.yours.toFixed(1)} against history's ${cmp.total.history.toFixed(1)} (${cmp.total.verdict})`;
          }).join('; '),
        )
      : null,
    result,
  );
  return {
    el,
    destroy() {
      abort?.abort();
      pool?.dispose();
    },
  };
}
