// The what-if explorer: from any node of the tree, N continuations (the past kept, the dice of the
// future re-rolled) with the chosen computer player on each side, run across the machine's cores
// in Web Workers, with a progress bar and cancel. The outcome distribution as charts with history
// marked: rupture by date, war danger at its peak, the trade balance, each objective's score, and
// each scenario outcome's rate. Every chart has its figures in words too.

import './history.css';
import type { PlayerKind } from '../../../ai/index';
import {
  createBrowserPool,
  DEFAULT_GAMES,
  type Distribution,
  EXPLORE_CANCELLED,
  type ExplorePool,
  explore,
  MAX_GAMES,
  type Point,
  plausibility,
  playerText,
  TRUNK_ID,
} from '../../../app/history/index';
import { pct } from '../../../app/numbers';
import type { HistorySession } from '../../../app/watch/index';
import { type BySide, dayDate, longDate, SIDES, type Side } from '../../../engine/index';
import { fill, h } from '../h';
import { fullSelect } from '../select';
import { histogram, lineChart } from './charts';

export interface ExploreDeps {
  back(): void;
  exit(): void;
  /** The explorer again, from another position of the same node (offered when this one has nothing after it). */
  from?(at: number): void;
}

/**
 * The players offered for thousands of continuations, each said in words. The bargaining players
 * (the negotiator and its baselines) weigh every package by playing the rest of the game out, far
 * too slow for this; the terminal's explore takes them by name (--players).
 */
const EXPLORER_PLAYERS: readonly PlayerKind[] = ['persona', 'historical', 'random'];
const OPTION_NAME: Partial<Record<PlayerKind, string>> = { persona: 'The computer, playing to win', historical: 'As history', random: 'At random' };
const OPTION_WORDS: Partial<Record<PlayerKind, string>> = {
  persona: 'plays the side to win, with its lead’s known leanings',
  historical: 'takes the course the sources record wherever it still can',
  random: 'any legal move: a yardstick for what skill adds',
};

type Drawn = { draw(): void; destroy(): void };

export class ExploreScreen {
  private pool: ExplorePool | null = null;
  private abort: AbortController | null = null;
  private charts: Drawn[] = [];
  private games = DEFAULT_GAMES;
  private players: BySide<PlayerKind> = { britain: 'persona', ussr: 'persona' };
  private readonly el: Record<'bar' | 'form' | 'body' | 'live' | 'plausible', HTMLElement>;
  private readonly onResize = () => this.redraw();

  constructor(
    private readonly root: HTMLElement,
    readonly session: HistorySession,
    readonly point: Point,
    private readonly deps: ExploreDeps,
  ) {
    this.el = {
      bar: h('header', { class: 'watch-bar' }),
      form: h('form', { class: 'explore-form watch-controls', 'aria-label': 'What to explore' }),
      body: h('div', { class: 'explore-body', 'aria-live': 'polite' }),
      live: h('div', { class: 'visually-hidden', 'aria-live': 'polite' }),
      plausible: h('section', { class: 'plausible', id: 'plausibility', 'aria-label': 'How plausible this branch is' }),
    };
  }

  /** How far the starting point rests on unlikely dice or on choices the sources do not record. */
  private plausibility(): void {
    const s = this.session;
    fill(this.el.plausible, h('h2', null, 'How plausible is this starting point?'), h('p', { class: 'help', role: 'status' }, 'Re-rolling each of its moves to weigh its luck…'));
    // After the page has drawn: re-rolling every move takes a moment.
    setTimeout(() => {
      const p = plausibility(s.sc, s.tree.line(this.point.node, this.point.at), { rolls: 32 });
      fill(
        this.el.plausible,
        h('h2', null, 'How plausible is this starting point?'),
        h(
          'p',
          { class: 'plausible-score' },
          h('strong', { id: 'plausibility-score' }, `${Math.round(p.score)} of 100`),
          ` — its luck ${Math.round(p.dice.score)} of 100, times its choices ${Math.round(p.sources.score)} of 100`,
        ),
        h(
          'p',
          { class: 'help' },
          'How ordinary the road to this date is in the game: its luck against games that make the same choices on fresh dice (100: typical luck), and its choices against what the sources record (100: every choice as recorded).',
        ),
        // History scored like any branch can read as a verdict on the past: say what it measures there.
        this.point.node === TRUNK_ID
          ? h(
              'p',
              { class: 'help', id: 'plausibility-history' },
              'For history itself this weighs the game, not the past: what happened happened. A low luck score means the game makes some recorded events long shots — an unlikely road for a continuation to take again.',
            )
          : null,
        h(
          'ul',
          { class: 'plausible-why' },
          // The first sentence gives the score and its parts, which the line above shows already.
          p.explanation.slice(1).map(t => h('li', null, t)),
        ),
      );
    }, 30);
  }

  start(): void {
    const s = this.session;
    const end = s.tree.stateAt(this.point);
    const node = this.point.node;
    const c = s.recording(TRUNK_ID).c;
    fill(
      this.el.bar,
      h(
        'div',
        { class: 'watch-title' },
        h('h1', null, `What if… ${s.sc.title}`),
        h(
          'p',
          { class: 'help' },
          end.ended
            ? `${node === TRUNK_ID ? 'History' : `The branch (${s.title(node)})`} as it stands on ${longDate(c.days[end.turn]!)}, its end: choose a date inside it to explore from.`
            : `From ${node === TRUNK_ID ? 'history' : `the branch (${s.title(node)})`} as it stands on ${longDate(c.days[end.turn]!)}: the past kept, the dice of the rest re-rolled in each continuation.`,
        ),
      ),
      h(
        'nav',
        { class: 'seg', 'aria-label': 'History mode' },
        h('button', { type: 'button', class: 'btn small', 'data-action': 'back', onclick: () => this.deps.back() }, 'Timeline tree'),
        h('button', { type: 'button', class: 'btn small', 'data-action': 'exit', onclick: () => this.deps.exit() }, 'Title'),
      ),
    );
    fill(this.root, h('main', { class: 'explore-screen' }, this.el.bar, this.el.form, h('div', { class: 'watch-body' }, this.el.plausible, this.el.body)), this.el.live);
    this.plausibility();
    if (end.ended) {
      this.pickEarlier(end.ended.reason);
      return;
    }
    this.renderForm(false);
    fill(this.el.body, h('p', { class: 'empty' }, 'Choose the players and the number of continuations, then run.'));
    addEventListener('resize', this.onResize);
    this.el.form.querySelector<HTMLElement>('#explore-games')?.focus();
  }

  /**
   * From a game's end nothing follows: rather than a dead end, the dates inside it to explore from
   * (the start of each of its turns), the past up to the date kept and the rest re-rolled.
   */
  private pickEarlier(reason: string): void {
    const s = this.session;
    const c = s.recording(TRUNK_ID).c;
    const starts = s.tree.turnStarts(this.point.node).filter(p => !s.tree.stateAt(p).ended);
    const from = this.deps.from;
    const whose = this.point.node === TRUNK_ID ? 'history' : 'this branch';
    if (!from || !starts.length) {
      fill(this.el.body, h('p', { class: 'notice' }, `This game has ended (${reason}): nothing follows its end to explore.`));
      return;
    }
    const sel = h(
      'select',
      { id: 'explore-from' },
      starts.map((p, k) => h('option', { value: p.at, selected: k === 0 }, longDate(c.days[s.tree.stateAt(p).turn]!))),
    );
    const form = h(
      'form',
      { class: 'explore-from', 'aria-label': 'Choose a date to explore from' },
      h(
        'p',
        null,
        `${whose === 'history' ? 'History' : 'This branch'} ends here (${reason}), so nothing follows this point. Choose a date inside ${whose} to ask “what if?” from: what happened before it is kept, and everything after it is played again many times on fresh dice.`,
      ),
      h(
        'p',
        { class: 'explore-from-row' },
        h('label', { for: 'explore-from' }, 'Explore from '),
        fullSelect(sel),
        ' ',
        h('button', { type: 'submit', class: 'btn small primary', 'data-action': 'explore-from' }, 'Explore from this date'),
      ),
    );
    form.onsubmit = e => {
      e.preventDefault();
      from(Number(sel.value));
    };
    fill(this.el.body, h('div', { class: 'notice' }, form));
    sel.focus();
  }

  destroy(): void {
    this.abort?.abort();
    this.pool?.dispose();
    this.pool = null;
    removeEventListener('resize', this.onResize);
    for (const ch of this.charts) ch.destroy();
  }

  private renderForm(running: boolean, done = 0): void {
    const games = h('input', { type: 'number', id: 'explore-games', min: 1, max: MAX_GAMES, step: 1, value: this.games, required: true, disabled: running });
    const player = (side: Side) => {
      const sel = h(
        'select',
        { id: `explore-${side}`, disabled: running },
        EXPLORER_PLAYERS.map(k => h('option', { value: k, selected: this.players[side] === k }, OPTION_NAME[k] ?? k)),
      );
      sel.addEventListener('change', () => {
        this.players = { ...this.players, [side]: sel.value as PlayerKind };
      });
      return h('label', { class: 'field' }, `${this.session.sc.sides[side].name} `, sel);
    };
    const progress = h('progress', { id: 'explore-progress', max: this.games, value: done, 'aria-label': 'Continuations played' });
    fill(
      this.el.form,
      h('label', { class: 'field', for: 'explore-games' }, 'Continuations ', games),
      player('britain'),
      player('ussr'),
      running
        ? h('button', { type: 'button', class: 'btn small', 'data-action': 'cancel', onclick: () => this.cancel() }, 'Cancel')
        : h('button', { type: 'submit', class: 'btn small primary', 'data-action': 'run' }, 'Run'),
      running ? h('span', { class: 'progress' }, progress, h('span', { id: 'explore-count' }, `${done.toLocaleString('en-GB')} of ${this.games.toLocaleString('en-GB')}`)) : null,
      h(
        'p',
        { class: 'help players-help', id: 'explore-players-help' },
        `${EXPLORER_PLAYERS.map(k => `${OPTION_NAME[k]}: ${OPTION_WORDS[k]}`).join('. ')}. The bargaining players weigh every package by playing the rest of the game out, too slow for thousands of games; the terminal's explore takes them.`,
      ),
    );
    this.el.form.onsubmit = e => {
      e.preventDefault();
      const n = Math.round(Number(games.value));
      if (!Number.isFinite(n) || n < 1 || n > MAX_GAMES) {
        this.say(`Choose between 1 and ${MAX_GAMES.toLocaleString('en-GB')} continuations.`);
        return;
      }
      this.games = n;
      void this.run();
    };
  }

  private progress(done: number, total: number): void {
    const bar = this.el.form.querySelector<HTMLProgressElement>('#explore-progress');
    if (bar) bar.value = done;
    const count = this.el.form.querySelector('#explore-count');
    if (count) count.textContent = `${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}`;
  }

  private cancel(): void {
    this.abort?.abort();
  }

  private async run(): Promise<void> {
    const s = this.session;
    this.pool ??= createBrowserPool();
    this.abort = new AbortController();
    this.renderForm(true);
    this.el.form.querySelector<HTMLElement>('[data-action=cancel]')?.focus();
    this.say(`Playing ${this.games.toLocaleString('en-GB')} continuations…`);
    const t0 = performance.now();
    const r = await explore(
      s.sc,
      s.tree.line(this.point.node, this.point.at),
      { games: this.games, players: this.players },
      { pool: this.pool, signal: this.abort.signal, onProgress: (d, t) => this.progress(d, t) },
    );
    const ms = performance.now() - t0;
    performance.measure('explore', { start: t0 });
    this.abort = null;
    this.renderForm(false);
    if (!r.ok) {
      const cancelled = r.error === EXPLORE_CANCELLED;
      this.say(cancelled ? 'Cancelled.' : `The exploration failed: ${r.error}.`);
      fill(
        this.el.body,
        h(
          'p',
          { class: cancelled ? 'notice' : 'notice error', role: cancelled ? 'status' : 'alert', id: 'explore-stopped' },
          cancelled ? 'Cancelled: nothing was kept. Run again when you are ready.' : `The exploration failed: ${r.error}.`,
        ),
      );
      this.el.form.querySelector<HTMLElement>('[data-action=run]')?.focus();
      return;
    }
    this.say(`${r.value.games.toLocaleString('en-GB')} continuations played in ${(ms / 1000).toFixed(1)} seconds.`);
    this.results(r.value, ms);
    this.el.form.querySelector<HTMLElement>('[data-action=run]')?.focus();
  }

  private redraw(): void {
    for (const ch of this.charts) ch.draw();
  }

  private results(d: Distribution, ms: number): void {
    for (const ch of this.charts) ch.destroy();
    const sc = this.session.sc;
    const hist = d.rupture.historyDay;
    const rupture = lineChart(
      'Share of games with relations broken off by each date',
      d.rupture.byDate.map(x => x.day),
      [{ label: 'broken off by this date', values: d.rupture.byDate.map(x => x.rate * 100), color: '#b3261e' }],
      '% of games',
      { yRange: [0, 100], ...(hist !== null ? { marks: [{ x: hist, label: `history: ${dayDate(hist)}` }] } : {}) },
    );
    const war = histogram('War danger at its peak, share of games', d.warDanger.peakHistogram.edges, d.warDanger.peakHistogram.counts, 'peak war danger', {
      marks: [{ x: d.warDanger.history.peak, label: `history: ${Math.round(d.warDanger.history.peak)}` }],
      color: '#8a5a00',
    });
    const trade = histogram('Trade balance over the game, share of games', d.tradeBalance.histogram.edges, d.tradeBalance.histogram.counts, 'trade balance, £ thousand', {
      marks: [{ x: d.tradeBalance.history, label: `history: ${Math.round(d.tradeBalance.history).toLocaleString('en-GB')}` }],
      color: '#1d3a5f',
      format: x => Math.round(x).toLocaleString('en-GB'),
    });
    this.charts = [rupture, war, trade];
    const bar = (rate: number, mark: number | null, cls = '') =>
      h(
        'span',
        { class: `rate-bar ${cls}`, 'aria-hidden': 'true' },
        h('span', { class: 'fill', style: `width:${(rate * 100).toFixed(1)}%` }),
        mark === null ? null : h('span', { class: 'hist-mark', style: `left:${(mark * 100).toFixed(1)}%` }),
      );
    const obj = (side: Side) =>
      h(
        'table',
        { class: 'rates' },
        h('caption', null, `${sc.sides[side].name}: each objective’s score (mean of all games; ▮ marks history)`),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, 'Objective'),
            h('th', { scope: 'col' }, 'Mean'),
            h('th', { scope: 'col' }, 'History'),
            h('th', { scope: 'col', class: 'bar-col' }, h('span', { class: 'visually-hidden' }, 'Chart')),
          ),
        ),
        h(
          'tbody',
          null,
          d.objectives[side].map(o =>
            h('tr', null, h('th', { scope: 'row' }, o.label), h('td', null, pct(o.mean)), h('td', null, pct(o.history)), h('td', { class: 'bar-col' }, bar(o.mean, o.history, `side-${side}`))),
          ),
        ),
      );
    fill(
      this.el.body,
      h(
        'section',
        { class: 'explore-results', 'aria-label': 'The outcomes' },
        h('h2', { id: 'explore-head' }, `${d.games.toLocaleString('en-GB')} continuations from ${longDate(d.from.day)}`),
        h('p', { class: 'help' }, `${sc.sides.britain.name}: ${playerText(d.players.britain)}; ${sc.sides.ussr.name}: ${playerText(d.players.ussr)}. Played in ${(ms / 1000).toFixed(1)} s.`),
        h(
          'table',
          { class: 'rates outcomes' },
          h('caption', null, 'How often each of the scenario’s outcomes came about (▮ marks whether it did in history)'),
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', { scope: 'col' }, 'Outcome'),
              h('th', { scope: 'col' }, 'Rate'),
              h('th', { scope: 'col' }, 'In history'),
              h('th', { scope: 'col', class: 'bar-col' }, h('span', { class: 'visually-hidden' }, 'Chart')),
            ),
          ),
          h(
            'tbody',
            null,
            d.outcomes.map(o =>
              h(
                'tr',
                { class: o.history ? 'in-history' : '' },
                h('th', { scope: 'row' }, o.label),
                h('td', null, pct(o.rate, 1)),
                h('td', null, o.history ? 'yes' : 'no'),
                h('td', { class: 'bar-col' }, bar(o.rate, o.history ? 1 : 0)),
              ),
            ),
          ),
        ),
        h(
          'div',
          { class: 'chart-grid' },
          h(
            'section',
            { class: 'chart-card' },
            h('h3', null, 'Rupture by date'),
            rupture.el,
            h(
              'p',
              { class: 'help' },
              `${pct(1 - d.rupture.never)} of games broke off relations; ${pct(d.rupture.never)} never did. ${hist !== null ? `History broke them off on ${longDate(hist)}.` : 'History kept them.'}`,
            ),
          ),
          h(
            'section',
            { class: 'chart-card' },
            h('h3', null, 'War danger at its peak'),
            war.el,
            h(
              'p',
              { class: 'help' },
              `Median peak ${Math.round(d.warDanger.peak.p50)} (10–90%: ${Math.round(d.warDanger.peak.p10)}–${Math.round(d.warDanger.peak.p90)}); history ${Math.round(d.warDanger.history.peak)}. ${d.warDanger.bands.map(b => `${b.name} ${pct(b.rate)}`).join(', ')}.`,
            ),
          ),
          h(
            'section',
            { class: 'chart-card' },
            h('h3', null, 'The trade balance'),
            trade.el,
            h(
              'p',
              { class: 'help' },
              `Median £${Math.round(d.tradeBalance.stat.p50).toLocaleString('en-GB')}k over the game (10–90%: £${Math.round(d.tradeBalance.stat.p10).toLocaleString('en-GB')}k – £${Math.round(d.tradeBalance.stat.p90).toLocaleString('en-GB')}k); history £${Math.round(d.tradeBalance.history).toLocaleString('en-GB')}k.`,
            ),
          ),
        ),
        h('div', { class: 'objectives-grid' }, SIDES.map(obj)),
        h(
          'p',
          { class: 'help' },
          `Scores: ${SIDES.map(sd => `${sc.sides[sd].name} median ${d.scores[sd].p50.toFixed(1)} (history ${d.scores[sd].history.toFixed(1)})`).join('; ')}. Games ended: ${d.endReasons.map(r => `${r.reason} ${pct(r.rate)}`).join('; ')}.`,
        ),
      ),
    );
    this.redraw();
  }

  private say(text: string): void {
    this.el.live.replaceChildren(h('p', null, text));
  }
}
