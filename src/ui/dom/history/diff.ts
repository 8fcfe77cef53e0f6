// The diff of two nodes of the tree: any tracked figure over time in both on one chart (the
// figures that differ most offered first), who decided what in each, the orders given differently,
// the events that fired in one and not the other, the events a teacher introduced in either, and
// each scenario outcome at both ends. Seen as
// London saw it, as Moscow saw it (seatDiff: that side's seat views only), or everything (the
// historian's view, diffNodes: both sides' full states, private figures and moves included).

import './history.css';
import { compareSights, diffNodes, type NodeDiff, type NodeId, type PathEnd, seatDiff, TRUNK_ID } from '../../../app/history/index';
import { num } from '../../../app/numbers';
import type { HistorySession } from '../../../app/watch/index';
import { longDate, other, RELATION_LABEL, type Relations, type Side, sideInSentence } from '../../../engine/index';
import { fill, h } from '../h';
import { fullSelect } from '../select';
import { lineChart } from './charts';

export interface DiffDeps {
  back(): void;
  exit(): void;
}

const COLOR_A = '#1f1b16';
const COLOR_B = '#b3261e';

/** Whose sight the diff is drawn with: a side's (its seat views), or everything (the historian's). */
export type DiffSight = Side | 'all';
const SIGHT_NAME: Record<DiffSight, string> = { britain: 'As London saw it', ussr: 'As Moscow saw it', all: 'Everything (historian)' };

export class DiffScreen {
  private d: NodeDiff;
  private sight: DiffSight;
  /** The sights offered: those both nodes allow (history/sight.ts); none for a game two people are still playing. */
  private readonly sights: DiffSight[];
  private fig: number;
  private chart: { el: HTMLElement; draw(): void; destroy(): void } | null = null;
  private readonly el: Record<'bar' | 'body', HTMLElement>;
  private readonly onResize = () => this.chart?.draw();

  constructor(
    private readonly root: HTMLElement,
    readonly session: HistorySession,
    readonly a: NodeId,
    readonly b: NodeId,
    private readonly deps: DiffDeps,
  ) {
    this.sights = compareSights(session.tree, a, b);
    this.sight = this.sights.includes('all') ? 'all' : (this.sights[0] ?? 'all');
    this.d = this.compute();
    // Start on war danger if it differs, else on the figure that differs most.
    const wd = this.d.figures.findIndex(f => f.id === session.recording(TRUNK_ID).c.figs[session.recording(TRUNK_ID).c.iTension]!.id);
    const most = this.order()[0] ?? 0;
    this.fig = wd >= 0 && this.d.figures[wd]!.gap > 0 ? wd : most;
    this.el = { bar: h('header', { class: 'watch-bar' }), body: h('div', { class: 'watch-body diff-body' }) };
  }

  private compute(): NodeDiff {
    return this.sight === 'all' ? diffNodes(this.session.tree, this.a, this.b) : seatDiff(this.session.tree, this.a, this.b, this.sight);
  }

  /** Change whose sight the diff is drawn with, keeping the figure on the chart. */
  private see(sight: DiffSight): void {
    if (!this.sights.includes(sight)) return;
    const id = this.d.figures[this.fig]?.id;
    this.sight = sight;
    this.d = this.compute();
    this.fig = Math.max(
      0,
      this.d.figures.findIndex(f => f.id === id),
    );
    this.render();
    this.el.body.querySelector<HTMLElement>(`[data-sight=${sight}]`)?.focus();
  }

  /** A node's name as this sight may know it: a side's view never names the other side's private moves. */
  private name(id: NodeId): string {
    return id === TRUNK_ID ? 'History' : this.session.title(id, this.sight);
  }

  /** Figure indices, those that differ most first (unchanged ones last). */
  private order(): number[] {
    return this.d.figures
      .map((f, i) => ({ i, gap: f.gap }))
      .sort((x, y) => y.gap - x.gap || x.i - y.i)
      .map(x => x.i);
  }

  start(): void {
    fill(
      this.el.bar,
      h('div', { class: 'watch-title' }, h('h1', null, 'Two branches compared'), h('p', { class: 'help' }, this.session.sc.title)),
      h(
        'nav',
        { class: 'seg', 'aria-label': 'History mode' },
        h('button', { type: 'button', class: 'btn small', 'data-action': 'back', onclick: () => this.deps.back() }, 'Timeline tree'),
        h('button', { type: 'button', class: 'btn small', 'data-action': 'exit', onclick: () => this.deps.exit() }, 'Title'),
      ),
    );
    fill(this.root, h('main', { class: 'tree-screen' }, this.el.bar, h('div'), this.el.body));
    this.render();
    addEventListener('resize', this.onResize);
    this.el.body.querySelector<HTMLElement>('#diff-figure')?.focus();
  }

  destroy(): void {
    removeEventListener('resize', this.onResize);
    this.chart?.destroy();
  }

  private render(): void {
    if (!this.sights.length) {
      fill(
        this.el.body,
        h(
          'p',
          { class: 'notice', id: 'diff-refused' },
          'These two cannot be compared yet: no one side’s sight holds both while they are played (two people at one screen, or each side played by a person in one of them). Compare them once the games are over.',
        ),
      );
      return;
    }
    const d = this.d;
    const A = this.name(this.a),
      B = this.name(this.b);
    const legend = (cls: string, text: string) => h('span', { class: `diff-who ${cls}` }, text);
    const select = h(
      'select',
      { id: 'diff-figure', 'aria-label': 'Figure to chart' },
      this.order().map(i => {
        const f = d.figures[i]!;
        return h('option', { value: i, selected: i === this.fig }, `${f.label}${f.gap > 0 ? ` (differs by up to ${num(f.gap)})` : ' (the same in both)'}`);
      }),
    );
    select.addEventListener('change', () => {
      this.fig = Number(select.value);
      this.drawChart();
      this.el.body.querySelector<HTMLElement>('#diff-figure')?.focus();
    });
    const chartBox = h('div', { class: 'diff-chart' });
    const decisions = d.decisions.filter(x => !x.same);
    // A path that stopped short never came to what the other met after its last date: "not reached", not
    // "not put to it"; on its last date (a game in play is read to the start of its open turn) the turn is not over.
    const beyond = (k: 'a' | 'b', day: number) => !d.ends[k].finished && day > d.ends[k].day;
    const pick = (x: { label: string; historical: boolean } | null, k: 'a' | 'b', day: number) =>
      x
        ? h('span', null, x.label, x.historical ? h('span', { class: 'tag hist' }, ' (as history)') : null)
        : h('span', { class: 'unknown' }, beyond(k, day) ? 'not reached' : !d.ends[k].finished && day === d.ends[k].day ? 'not decided yet' : 'not put to it');
    // Events one path had after the other stopped are not differences: counted apart.
    const only = (k: 'a' | 'b') => {
      const other = k === 'a' ? 'b' : 'a';
      const list = k === 'a' ? d.events.onlyA : d.events.onlyB;
      return { met: list.filter(e => !beyond(other, e.day)), later: list.filter(e => beyond(other, e.day)).length };
    };
    const onlyIn = { a: only('a'), b: only('b') };
    const sc = this.session.sc;
    const sideName = (s: 'britain' | 'ussr') => sc.sides[s].name;
    const seat = d.seat;
    // A path that stopped short is dated where it stopped: its "end" is not the game's end.
    const endOf = (k: 'a' | 'b') => `${k.toUpperCase()}${d.ends[k].finished ? '' : `, ${stoppedAt(d.ends[k])},`} ${RELATION_LABEL[d.relations[k] as Relations]}`;
    const ends = `Relations at the end: ${endOf('a')}; ${endOf('b')}.`;
    const stopped = (['a', 'b'] as const).filter(k => !d.ends[k].finished);
    const cell = (reached: boolean, holds: boolean) => (reached ? (holds ? 'yes' : 'no') : h('span', { class: 'unknown' }, 'not reached'));
    fill(
      this.el.body,
      h(
        'section',
        { class: 'diff-head' },
        h('p', { class: 'pair' }, legend('a', `A: ${A}`), h('span', { class: 'vs' }, ' against '), legend('b', `B: ${B}`)),
        h(
          'div',
          { class: 'seg diff-sight', role: 'group', 'aria-label': 'Whose sight' },
          this.sights.map(x =>
            h('button', { type: 'button', class: `btn small${x === this.sight ? ' on' : ''}`, 'data-sight': x, 'aria-pressed': String(x === this.sight), onclick: () => this.see(x) }, SIGHT_NAME[x]),
          ),
        ),
        h(
          'p',
          { class: `sight-note${seat ? '' : ' historian'}`, id: 'diff-sight-note' },
          seat
            ? `${SIGHT_NAME[seat]}: only what ${sideInSentence(sc, seat)} could see at each date. ${sideInSentence(sc, other(seat), true)}'s hidden figures are gaps, and its private decisions and orders do not appear.`
            : `The historian's view: both sides' full figures and every move, including what each side kept from the other.`,
        ),
        h(
          'p',
          { class: 'help' },
          seat
            ? `${d.divergeDay !== null ? `As ${sideInSentence(sc, seat)} could tell, they first look different on ${longDate(d.divergeDay)}` : `${sideInSentence(sc, seat, true)} could see no difference between them`}. ${ends}`
            : `${d.common === 0 ? 'They share no moves' : d.common === 1 ? 'They share their first move' : `They share their first ${d.common} moves`}${d.divergeDay !== null ? ` and part on ${longDate(d.divergeDay)}` : ''}. ${ends}`,
        ),
      ),
      h(
        'section',
        { class: 'chart-card' },
        h('h2', null, 'A figure over time'),
        h('p', null, h('label', { for: 'diff-figure' }, 'Figure '), fullSelect(select)),
        chartBox,
        h('div', { id: 'diff-figure-words', class: 'help' }),
      ),
      h(
        'div',
        { class: 'diff-grid' },
        h(
          'section',
          null,
          h('h2', null, 'Outcomes'),
          seat
            ? h(
                'p',
                { class: 'empty' },
                // The historian's view is not offered while a branch is in play: say when it will be.
                `The outcomes are judged on both sides’ full figures: the historian’s view shows them${this.sights.includes('all') ? '' : ', once the games in play are over'}.`,
              )
            : h(
                'table',
                { class: 'rates' },
                h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Outcome'), h('th', { scope: 'col' }, 'A'), h('th', { scope: 'col' }, 'B'))),
                h(
                  'tbody',
                  null,
                  d.outcomes.map(o =>
                    h(
                      'tr',
                      { class: o.reached.a && o.reached.b && o.a !== o.b ? 'differs' : '' },
                      h('th', { scope: 'row' }, o.label, o.historical ? h('span', { class: 'tag hist' }, ' (as history)') : null),
                      h('td', null, cell(o.reached.a, o.a)),
                      h('td', null, cell(o.reached.b, o.b)),
                    ),
                  ),
                ),
              ),
          !seat && stopped.length
            ? h(
                'p',
                { class: 'help', id: 'diff-stopped' },
                `${stopped.map(k => `${k.toUpperCase()} stopped ${stoppedAt(d.ends[k]).replace(/^at /, 'on ')}`).join('; ')}: an outcome history came to only after that is “not reached” there, not “no”.`,
              )
            : null,
          h('h2', null, 'Events in one and not the other'),
          h(
            'div',
            { class: 'events-diff' },
            h(
              'div',
              null,
              h('h3', null, `Only in A`),
              onlyIn.a.met.length
                ? h(
                    'ul',
                    { id: 'only-a' },
                    onlyIn.a.met.map(e => h('li', null, `${e.title} (${longDate(e.shown)})`)),
                  )
                : h('p', { class: 'empty' }, 'None.'),
              onlyIn.a.later ? h('p', { class: 'help' }, `… and ${onlyIn.a.later} later, after B stopped.`) : null,
            ),
            h(
              'div',
              null,
              h('h3', null, `Only in B`),
              onlyIn.b.met.length
                ? h(
                    'ul',
                    { id: 'only-b' },
                    onlyIn.b.met.map(e => h('li', null, `${e.title} (${longDate(e.shown)})`)),
                  )
                : h('p', { class: 'empty' }, 'None.'),
              onlyIn.b.later ? h('p', { class: 'help' }, `… and ${onlyIn.b.later} later, after A stopped.`) : null,
            ),
          ),
          d.events.moved.length ? h('p', { class: 'help' }, `On other dates: ${d.events.moved.map(e => `${e.title} (A ${longDate(e.aShown)}, B ${longDate(e.bShown)})`).join('; ')}.`) : null,
          teacherWords(d),
        ),
        h(
          'section',
          null,
          h('h2', null, 'Who decided what'),
          decisions.length
            ? h(
                'table',
                { class: 'rates decisions-diff' },
                h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Decision'), h('th', { scope: 'col' }, 'A'), h('th', { scope: 'col' }, 'B'))),
                h(
                  'tbody',
                  null,
                  decisions.map(x =>
                    h(
                      'tr',
                      null,
                      h('th', { scope: 'row' }, x.title, h('span', { class: 'sub' }, ` ${sideName(x.side)}, ${longDate((x.a ?? x.b)!.shown)}`)),
                      h('td', { class: 'wrap' }, pick(x.a, 'a', (x.a ?? x.b)!.day)),
                      h('td', { class: 'wrap' }, pick(x.b, 'b', (x.a ?? x.b)!.day)),
                    ),
                  ),
                ),
              )
            : h(
                'p',
                { class: 'empty' },
                seat
                  ? `Every decision ${sideInSentence(sc, seat)} could see was taken the same way in both; ${sideInSentence(sc, other(seat))}’s private decisions do not appear.`
                  : 'Every decision put to both was taken the same way.',
              ),
          h('h2', null, seat ? 'Actions seen carried out differently' : 'Orders given differently'),
          d.orders.length
            ? h(
                'table',
                { class: 'rates' },
                h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'A'), h('th', { scope: 'col' }, 'B'))),
                h(
                  'tbody',
                  null,
                  d.orders.map(o =>
                    h(
                      'tr',
                      null,
                      h('th', { scope: 'row' }, `${longDate(o.day)}, ${sideName(o.side)}`),
                      h('td', { class: 'wrap' }, o.a === null ? h('span', { class: 'unknown' }, 'no turn') : o.a.length ? o.a.join(', ') : 'no orders'),
                      h('td', { class: 'wrap' }, o.b === null ? h('span', { class: 'unknown' }, 'no turn') : o.b.length ? o.b.join(', ') : 'no orders'),
                    ),
                  ),
                ),
              )
            : h('p', { class: 'empty' }, 'The same orders throughout.'),
        ),
      ),
    );
    this.drawChart();
  }

  private drawChart(): void {
    const f = this.d.figures[this.fig]!;
    this.chart?.destroy();
    const days = this.d.axis.map(x => x.day);
    this.chart = lineChart(
      `${f.label} over time in A and B`,
      days,
      [
        // A wide under B's dashes: where the two are equal (before they part) A shows round B, not hidden under it.
        { label: 'A', values: f.a, color: COLOR_A, width: 4, dots: false },
        { label: 'B', values: f.b, color: COLOR_B, dash: [6, 3], dots: false },
      ],
      f.label,
      { ...(this.d.divergeDay !== null ? { marks: [{ x: this.d.divergeDay, label: 'they part' }] } : {}), height: 260 },
    );
    const chart = this.chart;
    this.el.body.querySelector('.diff-chart')!.replaceChildren(chart.el);
    chart.draw();
    const last = (xs: (number | null)[]) => [...xs].reverse().find(x => x !== null) ?? null;
    const la = last(f.a),
      lb = last(f.b);
    const words = this.el.body.querySelector('#diff-figure-words');
    if (words)
      words.textContent = `${f.label}: at the end A ${la === null ? '—' : num(la)}${this.d.ends.a.finished ? '' : ` (where it stopped, ${longDate(this.d.ends.a.day)})`}, B ${lb === null ? '—' : num(lb)}${this.d.ends.b.finished ? '' : ` (where it stopped, ${longDate(this.d.ends.b.day)})`}; ${f.gap > 0 ? `they differ by up to ${num(f.gap)}` : 'the same throughout'}.`;
  }
}

/** Where a path that has not finished stopped: "at Monday 16 May 1927 (not finished)". */
const stoppedAt = (e: PathEnd): string => `at ${longDate(e.day)} (not finished)`;

/** The teacher's events on either path, in words ("A: the teacher introduced “…”, given 12 May 1927"), or nothing when there were none. */
function teacherWords(d: NodeDiff): HTMLElement | null {
  // A side learns of the event when it fires (an incident may fire again; the view keeps the last day).
  const when = d.seat ? 'last fired' : 'given';
  const items = (['a', 'b'] as const).flatMap(k => d.teacher[k].map(x => h('li', { 'data-path': k }, `${k.toUpperCase()}: ${x.text}, ${when} ${longDate(x.day)}`)));
  return items.length ? h('div', { class: 'teacher-diff' }, h('h3', null, 'Introduced by the teacher'), h('ul', { id: 'teacher-events' }, items)) : null;
}
