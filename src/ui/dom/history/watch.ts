// The watch screen: a recorded game (history itself, or a game someone played) turn by turn. Each
// turn shows its date, what each side heard (with the cause and the sources named), the moves each
// side made itself, and the figures as each side could read them. Play, pause, step back and on,
// jump to a date; from London's point of view, Moscow's, or both side by side; or the knowledge
// gap, the whole log so far as London and Moscow each saw it. Every column is drawn from one side's
// seat views (app/watch), so it shows nothing that side did not know. Any move of the game is a
// place to branch off: another option, other orders, against the computer or a second person.
// Which of those sights it offers is the caller's, by the one rule for history's screens
// (app/history/sight.ts): a game still in play with a person's seat is seen from that side only.

import './history.css';
import { THESIS_NAME } from '../../../app/citations';
import { type SightRule, sightRule } from '../../../app/history/sight';
import { cap, diceText } from '../../../app/history/words';
import { num, signed } from '../../../app/numbers';
import type { Controller } from '../../../app/saveFile';
import { cityOf, type Frame, type GapModel, type GapRow, heardShown, knowledgeGap, type OwnMove, type Recording, type SideFrame, timeline } from '../../../app/watch/index';
import { longDate, other, SIDES, type Side, sideInSentence } from '../../../engine/index';
import { cancelOrGo, openDialog } from '../dialog';
import { fill, h } from '../h';
import { opponentChoiceBox } from './opponent';

export type Pov = Side | 'both';
export type WatchMode = 'timeline' | 'gap';

/** A branch asked for: the position to start from, the side the person takes, and who plays the other. */
export interface BranchRequest {
  pos: number;
  side: Side;
  opponent: Controller;
  /** What the branch does differently, in words, for the tree ("Britain takes another course at Cabinet, 19 May"). */
  label: string;
}

export interface WatchDeps {
  exit(): void;
  branch(req: BranchRequest): void;
  /** Opens the timeline tree, if history mode has one here. */
  tree?(): void;
  /** Opens the what-if explorer from a position (the start of the turn shown), if available. */
  explore?(pos: number): void;
  /** Whether the single-key shortcuts (K here) are on, read at each key as the desk reads them: off in Sound and display, K is not a shortcut. */
  letterKeys?(): boolean;
}

export interface WatchOptions {
  pov?: Pov;
  mode?: WatchMode;
  frame?: number;
  /** The sights it may offer (default: every one, the historian's included). */
  sight?: SightRule;
}

/** Milliseconds a turn is shown while playing, by speed. */
const SPEEDS: Record<string, number> = { slow: 3500, normal: 2000, fast: 900 };
/** A phone, as history.css's compact head has it. */
const narrow = () => matchMedia('(max-width: 600px)').matches;

export class WatchScreen {
  private readonly frames: Frame[];
  private gap: GapModel | null = null;
  private index: number;
  private pov: Pov;
  private mode: WatchMode;
  private timer: number | null = null;
  private speed = 'normal';
  private onlyGaps = true;
  /** The points of view offered: a side's only where the other side's private moves are not to be shown. */
  private readonly povs: Pov[];
  private readonly sight: SightRule;
  private readonly el: Record<'bar' | 'controls' | 'body' | 'live' | 'notice', HTMLElement>;
  private readonly keyHandler = (e: KeyboardEvent) => this.onKey(e);
  private readonly onResize = () => this.markMore();

  constructor(
    private readonly root: HTMLElement,
    readonly rec: Recording,
    private readonly deps: WatchDeps,
    opts: WatchOptions = {},
  ) {
    this.frames = timeline(rec);
    this.index = Math.min(Math.max(0, opts.frame ?? 0), this.frames.length - 1);
    this.sight = opts.sight ?? sightRule(null, true);
    this.povs = [...this.sight.sides, ...(this.sight.historian ? (['both'] as const) : [])];
    this.pov = opts.pov && this.povs.includes(opts.pov) ? opts.pov : this.sight.historian ? 'both' : this.povs[0]!;
    // The knowledge gap sets both sides' logs side by side: the historian's sight only.
    this.mode = this.sight.historian ? (opts.mode ?? 'timeline') : 'timeline';
    this.el = {
      bar: h('header', { class: 'watch-bar' }),
      controls: h('div', { class: 'watch-controls', role: 'toolbar', 'aria-label': 'Playback' }),
      body: h('div', { class: 'watch-body', id: 'watch-body', tabindex: '-1' }),
      live: h('div', { class: 'visually-hidden', 'aria-live': 'polite', id: 'watch-live' }),
      notice: h('div', { class: 'watch-notice' }),
    };
  }

  /** A message above the screen (a stored tree that could not be read, say). */
  showNotice(n: { error: boolean; text: string }): void {
    fill(this.el.notice, h('p', { class: n.error ? 'notice error' : 'notice', role: n.error ? 'alert' : 'status' }, n.text));
  }

  get frameCount(): number {
    return this.frames.length;
  }

  start(): void {
    fill(this.root, h('main', { class: `watch-screen pov-${this.pov}` }, this.el.bar, this.el.controls, this.el.body), this.el.live);
    document.addEventListener('keydown', this.keyHandler);
    addEventListener('resize', this.onResize);
    this.render();
    this.el.bar.querySelector<HTMLElement>('button')?.focus();
  }

  destroy(): void {
    this.pause();
    document.removeEventListener('keydown', this.keyHandler);
    removeEventListener('resize', this.onResize);
  }

  // ---- playback --------------------------------------------------------------------------------

  private go(k: number, say = true): void {
    const to = Math.min(Math.max(0, k), this.frames.length - 1);
    if (to === this.index && this.el.body.childElementCount) return;
    this.index = to;
    this.renderControls();
    this.renderBody();
    if (say) this.announce(this.frameSpeech(this.frames[to]!));
  }

  private play(): void {
    if (this.timer !== null) return;
    if (this.index >= this.frames.length - 1) this.go(0);
    this.timer = window.setInterval(() => {
      if (this.index >= this.frames.length - 1) this.pause();
      else this.go(this.index + 1);
    }, SPEEDS[this.speed]);
    this.renderControls();
    this.announce('Playing.');
  }

  private pause(): void {
    if (this.timer === null) return;
    clearInterval(this.timer);
    this.timer = null;
    this.renderControls();
    this.announce('Paused.');
  }

  private toggle(): void {
    if (this.timer === null) this.play();
    else this.pause();
  }

  private setPov(p: Pov): void {
    if (!this.povs.includes(p)) return;
    this.pov = p;
    this.root.querySelector('.watch-screen')?.setAttribute('class', `watch-screen pov-${p}`);
    this.render();
    this.el.bar.querySelector<HTMLElement>(`[data-pov=${p}]`)?.focus();
  }

  private setMode(m: WatchMode): void {
    if (m === 'gap' && !this.sight.historian) return;
    this.mode = m;
    this.render();
    this.el.bar.querySelector<HTMLElement>(`[data-mode=${m}]`)?.focus();
  }

  // ---- drawing ---------------------------------------------------------------------------------

  private render(): void {
    this.renderBar();
    this.renderControls();
    this.renderBody();
  }

  private renderBar(): void {
    const rec = this.rec;
    const what = rec.origin.kind === 'history' ? 'History as it happened' : rec.origin.kind === 'branch' ? 'A branch' : 'A game replayed';
    const toggle = (attr: string, value: string, label: string, on: boolean, act: () => void) =>
      h('button', { type: 'button', class: `btn small${on ? ' on' : ''}`, [`data-${attr}`]: value, 'aria-pressed': String(on), onclick: act }, label);
    const POV_NAME: Record<Pov, string> = { britain: 'London', ussr: 'Moscow', both: 'Both' };
    const own = this.sight.historian ? null : this.sight.sides[0]!;
    fill(
      this.el.bar,
      h(
        'div',
        { class: 'watch-title' },
        h('h1', null, `${what}: ${rec.sc.title}`),
        h(
          'p',
          // A branch's name can run to four lines: on a phone it is cut to two, and a tap shows it whole.
          { class: 'help clamp', title: rec.origin.kind === 'branch' ? rec.origin.title : null, onclick: (e: Event) => (e.currentTarget as HTMLElement).classList.toggle('whole') },
          rec.origin.kind === 'history'
            ? `Both sides take the course the sources record, ${rec.origin.reproduced ? 'on dice that reproduce every recorded outcome' : 'on the dice that come closest to the recorded outcomes (none tried reproduced them all)'}.`
            : rec.origin.kind === 'branch'
              ? rec.origin.title
              : `${cap(diceText(rec.sc, rec.seed))}, ${rec.moves.length} moves.`,
        ),
        // The reason under a one-line summary, folded on a phone: in full it took a fifth of the head, which does not scroll.
        own
          ? h(
              'details',
              { class: 'notice own-sight', id: 'watch-own-sight', open: !narrow() },
              h('summary', null, `Seen from ${cityOf(own)} only while the game is in play`),
              h('p', null, `The game is still being played, so ${sideInSentence(rec.sc, other(own))}’s private moves stay hidden until it is over, and the turn still open is not shown.`),
            )
          : null,
      ),
      h(
        'div',
        { class: 'watch-switches' },
        h(
          'div',
          { class: 'seg', role: 'group', 'aria-label': 'Point of view' },
          h('span', { class: 'seg-label' }, 'Seen from'),
          this.povs.map(p => toggle('pov', p, POV_NAME[p], this.pov === p, () => this.setPov(p))),
        ),
        this.sight.historian
          ? h(
              'div',
              { class: 'seg', role: 'group', 'aria-label': 'View' },
              toggle('mode', 'timeline', 'Turn by turn', this.mode === 'timeline', () => this.setMode('timeline')),
              toggle('mode', 'gap', 'Knowledge gap', this.mode === 'gap', () => this.setMode('gap')),
            )
          : null,
        h(
          'nav',
          { class: 'seg', 'aria-label': 'History mode' },
          this.deps.tree ? h('button', { type: 'button', class: 'btn small', 'data-action': 'tree', onclick: () => this.deps.tree?.() }, 'Timeline tree') : null,
          // Not from a game a person still plays: the explorer plays on from the whole position, secrets and all.
          this.deps.explore && this.sight.historian
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'btn small',
                  'data-action': 'explore',
                  title: 'Play many continuations from the turn shown',
                  onclick: () => this.deps.explore?.(this.frames[this.index]!.from),
                },
                'What if…',
              )
            : null,
          h('button', { type: 'button', class: 'btn small', 'data-action': 'exit', onclick: () => this.deps.exit() }, 'Title'),
        ),
      ),
      this.el.notice,
    );
    this.el.bar.querySelector('.watch-switches')?.addEventListener('scroll', () => this.markMore(), { passive: true });
    this.markMore();
  }

  /**
   * On a phone the switches are one row that scrolls sideways, the history mode's buttons (the tree,
   * the title) last: each edge is shaded while more of it lies beyond, as the game's board is.
   */
  private markMore(): void {
    const row = this.el.bar.querySelector<HTMLElement>('.watch-switches');
    if (!row) return;
    if (row.scrollLeft + row.clientWidth < row.scrollWidth - 1) row.dataset.moreRight = '';
    else delete row.dataset.moreRight;
    if (row.scrollLeft > 1) row.dataset.moreLeft = '';
    else delete row.dataset.moreLeft;
  }

  private renderControls(): void {
    const f = this.frames[this.index]!;
    const last = this.frames.length - 1;
    const playing = this.timer !== null;
    const slider = h('input', {
      type: 'range',
      min: 0,
      max: last,
      step: 1,
      value: this.index,
      id: 'watch-slider',
      'aria-label': 'Turn',
      'aria-valuetext': `${f.date}, turn ${f.turn + 1}`,
    });
    slider.addEventListener('input', () => this.go(Number(slider.value)));
    const jump = h(
      'select',
      { id: 'watch-date', 'aria-label': 'Jump to a date' },
      this.frames.map(x => h('option', { value: x.index, selected: x.index === this.index }, `${x.date}${x.ended ? ' (end)' : ''}`)),
    );
    jump.addEventListener('change', () => this.go(Number(jump.value)));
    const speed = h(
      'select',
      { id: 'watch-speed', 'aria-label': 'Speed' },
      Object.keys(SPEEDS).map(s => h('option', { value: s, selected: s === this.speed }, s)),
    );
    speed.addEventListener('change', () => {
      this.speed = speed.value;
      if (this.timer !== null) {
        this.pause();
        this.play();
      }
    });
    const btn = (action: string, label: string, text: string, act: () => void, disabled = false, key?: string) =>
      h('button', { type: 'button', class: 'btn small', 'data-action': action, 'aria-label': label, 'aria-keyshortcuts': key ?? null, disabled, onclick: act }, text);
    const had = document.activeElement?.closest('.watch-controls') ? ((document.activeElement as HTMLElement).dataset.action ?? document.activeElement.id) : null;
    fill(
      this.el.controls,
      btn('first', 'First turn', '◀◀', () => this.go(0), this.index === 0, 'Home'),
      btn('back', 'Step back', '◀ Back', () => this.go(this.index - 1), this.index === 0, 'ArrowLeft'),
      btn('play', playing ? 'Pause' : 'Play', playing ? '❚❚ Pause' : '▶ Play', () => this.toggle(), false, 'Space'),
      btn('forward', 'Step forward', 'On ▶', () => this.go(this.index + 1), this.index === last, 'ArrowRight'),
      btn('last', 'Last turn', '▶▶', () => this.go(last), this.index === last, 'End'),
      h('label', { class: 'slider' }, slider),
      h('span', { class: 'turn-count' }, `Turn ${f.turn + 1} of ${this.rec.c.days.length}`),
      jump,
      speed,
    );
    // Keep the focus on the control that was used (the row is redrawn).
    if (had) (this.el.controls.querySelector<HTMLElement>(`[data-action="${had}"]`) ?? this.el.controls.querySelector<HTMLElement>(`#${had}`))?.focus();
    if (had && document.activeElement === document.body) this.el.controls.querySelector<HTMLElement>('[data-action=play]')?.focus();
  }

  private renderBody(): void {
    const f = this.frames[this.index]!;
    if (this.mode === 'gap') {
      fill(this.el.body, this.gapView(f));
      this.el.body.querySelector('.gap-row.current')?.scrollIntoView({ block: 'nearest' });
      return;
    }
    const sides: Side[] = this.pov === 'both' ? [...SIDES] : [this.pov];
    fill(
      this.el.body,
      h(
        'section',
        { class: 'frame', 'aria-label': `Turn of ${f.date}` },
        h(
          'header',
          { class: 'frame-head' },
          h('h2', { id: 'frame-date' }, f.date),
          h('p', { class: 'phase' }, `${f.phase} · turn ${f.turn + 1} of ${this.rec.c.days.length}`),
          f.ended ? h('p', { class: 'notice' }, `The game ends: ${f.ended}.`) : null,
        ),
        h(
          'div',
          { class: `columns n${sides.length}` },
          sides.map(s => this.column(s, f.sides[s], f)),
        ),
      ),
    );
  }

  private column(side: Side, sf: SideFrame, f: Frame): HTMLElement {
    const city = cityOf(side);
    const name = this.rec.sc.sides[side].name;
    return h(
      'article',
      { class: `side-col side-${side}`, 'aria-label': `As ${city} saw it` },
      h('h3', null, `As ${city} saw it`, h('span', { class: 'sub' }, sf.seesOther ? ' · reads the other cabinet' : ' · blind to the other cabinet')),
      h('h4', null, 'Heard'),
      sf.heard.length
        ? h(
            'ul',
            { class: 'heard' },
            heardShown(sf.heard).map(({ line: x, grouped, cause, sources }) =>
              h(
                'li',
                { class: `${x.headline ? 'stop-press' : x.withheld ? 'withheld' : ''}${grouped ? ' same-cause' : ''}` },
                h('span', { class: 'text' }, x.text),
                x.shown !== f.day ? h('span', { class: 'when' }, ` (${longDate(x.shown)})`) : null,
                cause !== null ? h('span', { class: 'cause' }, cause) : null,
                sources !== null ? h('span', { class: 'sources', title: `The thesis: ${THESIS_NAME}` }, sources) : null,
              ),
            ),
          )
        : h('p', { class: 'empty' }, `Nothing new reached ${city}.`),
      h('h4', null, `${name}: its own moves`),
      sf.moves.length
        ? h(
            'ul',
            { class: 'moves' },
            sf.moves.map(m => this.move(side, m)),
          )
        : h('p', { class: 'empty' }, 'Nothing to decide or order this turn.'),
      h('h4', null, 'The figures as known here'),
      h(
        'table',
        { class: 'figs' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Figure'), h('th', { scope: 'col' }, 'Now'), h('th', { scope: 'col' }, 'Moved'))),
        h(
          'tbody',
          null,
          sf.figures.map(l =>
            h(
              'tr',
              null,
              h('th', { scope: 'row' }, l.name),
              h('td', null, l.value === null ? h('span', { class: 'unknown' }, 'unknown') : num(l.value)),
              h('td', { class: l.delta && Math.abs(l.delta) >= 0.05 ? (l.delta > 0 ? 'up' : 'down') : '' }, l.delta === null ? '' : Math.abs(l.delta) < 0.05 ? '–' : signed(l.delta)),
            ),
          ),
        ),
      ),
    );
  }

  private move(side: Side, m: OwnMove): HTMLElement {
    const departs = m.historical === false;
    const branchable = this.rec.origin.kind !== 'branch' || this.rec.origin.playable;
    return h(
      'li',
      // `move-orders`, not `orders`: the game screen's `.orders` panel style would stretch the row.
      { class: `move move-${m.kind}${departs ? ' departs' : ''}` },
      h('span', { class: 'text' }, m.text, departs ? h('span', { class: 'tag' }, ' not what history did') : null),
      m.lines.length
        ? h(
            'ul',
            { class: 'order-lines' },
            m.lines.map(l => h('li', null, l)),
          )
        : null,
      branchable &&
        h(
          'button',
          {
            type: 'button',
            class: 'btn small branch',
            'data-action': 'branch',
            'data-pos': m.pos,
            'data-side': side,
            onclick: () => this.askBranch(side, m),
          },
          m.kind === 'decide' ? 'Choose differently…' : 'Give other orders…',
        ),
    );
  }

  /** The branch dialog: who plays the other side from here. */
  private askBranch(side: Side, m: OwnMove): void {
    this.pause();
    const f = this.frames.find(x => m.pos >= x.from && m.pos < x.to) ?? this.frames[this.index]!;
    const what = m.kind === 'decide' ? m.text.replace(/:.*$/, '') : `the orders of ${f.date}`;
    const label = `${sideInSentence(this.rec.sc, side, true)} takes another course at ${what}`;
    let pick: Controller = 'persona';
    const d = openDialog(
      { title: 'Branch from here', className: 'branch-dialog' },
      h(
        'p',
        null,
        `You take ${sideInSentence(this.rec.sc, side)} on ${f.date}, ${m.kind === 'decide' ? `facing “${what}” again` : 'with its orders still to give'}. Everything before stays as it was; the dice rolled so far stand.`,
      ),
      opponentChoiceBox(this.rec.sc, other(side), 'branch-opponent', pick, v => {
        pick = v;
      }),
      cancelOrGo(() => d.close(), { label: 'Play from here', action: 'start-branch', run: () => this.deps.branch({ pos: m.pos, side, opponent: pick, label }) }),
    );
  }

  private gapView(f: Frame): HTMLElement {
    const g = (this.gap ??= knowledgeGap(this.frames));
    const rows = g.rows.filter(r => Math.min(r.cells.britain?.frame ?? Infinity, r.cells.ussr?.frame ?? Infinity) <= f.index);
    const shown = this.onlyGaps ? rows.filter(r => r.kind !== 'shared') : rows;
    const sight = g.sight.filter(s => s.frame <= f.index);
    const box = h('input', { type: 'checkbox', id: 'gap-only', checked: this.onlyGaps });
    box.addEventListener('change', () => {
      this.onlyGaps = box.checked;
      this.renderBody();
      this.el.body.querySelector<HTMLElement>('#gap-only')?.focus();
    });
    const count = (k: GapRow['kind']) => rows.filter(r => r.kind === k).length;
    return h(
      'section',
      { class: 'gap', 'aria-label': 'Knowledge gap' },
      h(
        'header',
        { class: 'frame-head' },
        h('h2', { id: 'frame-date' }, `What each side knew, up to ${f.date}`),
        h(
          'p',
          { class: 'gap-summary' },
          `${count('only')} known to one side only · ${count('effect')} seen without their cause · ${count('later')} learned late · ${count('note')} notes in transit · ${count('shared')} known to both`,
        ),
        h('p', null, box, h('label', { for: 'gap-only' }, ' Show only what one side knew and the other did not')),
        sight.length
          ? h(
              'ul',
              { class: 'sight' },
              sight.map(s =>
                h(
                  'li',
                  null,
                  `${s.date}: ${cityOf(s.side)} ${s.sees ? 'reads' : 'can no longer read'} the other cabinet (intelligence ${s.sees ? 'at or above' : 'below'} ${this.rec.view(0, s.side).sight})`,
                ),
              ),
            )
          : null,
      ),
      h(
        'table',
        { class: 'gap-table' },
        h('caption', { class: 'visually-hidden' }, 'The log as London and Moscow each saw it, with what one side knew and the other did not marked'),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'London'), h('th', { scope: 'col' }, 'The gap'), h('th', { scope: 'col' }, 'Moscow'))),
        h(
          'tbody',
          null,
          shown.length
            ? shown.map(r => {
                const cur = Math.min(r.cells.britain?.frame ?? Infinity, r.cells.ussr?.frame ?? Infinity) === f.index;
                // Each cell names its side for a phone, where the rows are stacked cards without the column heads.
                const side = (s: Side) => h('span', { class: 'cell-side' }, cityOf(s));
                const td = (s: Side) => {
                  const c = r.cells[s];
                  if (!c) return h('td', { class: 'cell none' }, side(s), h('span', { class: 'unknown' }, 'not known here'));
                  return h(
                    'td',
                    { class: `cell${c.withheld ? ' withheld' : ''}` },
                    side(s),
                    h('span', { class: 'text' }, c.text),
                    h('span', { class: 'cause' }, c.label),
                    c.frame !== (r.cells[other(s)]?.frame ?? c.frame) ? h('span', { class: 'when' }, `learned ${c.date}`) : null,
                  );
                };
                return h(
                  'tr',
                  { class: `gap-row kind-${r.kind}${cur ? ' current' : ''}` },
                  h('th', { scope: 'row', class: 'date' }, r.date),
                  td('britain'),
                  h('td', { class: 'mark' }, r.note ? h('span', { class: `mark-${r.kind}` }, r.note) : '='),
                  td('ussr'),
                );
              })
            : h('tr', null, h('td', { colspan: 4, class: 'empty' }, 'Nothing yet that one side knew and the other did not.')),
        ),
      ),
    );
  }

  // ---- keys and speech -------------------------------------------------------------------------

  private onKey(e: KeyboardEvent): void {
    if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
    const t = e.target as HTMLElement | null;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    // K is a character key (WCAG 2.1.4): it obeys the setting; the arrows, Home, End and Space do not need to.
    if (e.key.length === 1 && e.key !== ' ' && this.deps.letterKeys?.() === false) return;
    const act: Record<string, () => void> = {
      ArrowLeft: () => this.go(this.index - 1),
      ArrowRight: () => this.go(this.index + 1),
      Home: () => this.go(0),
      End: () => this.go(this.frames.length - 1),
      ' ': () => this.toggle(),
      k: () => this.setMode(this.mode === 'gap' ? 'timeline' : 'gap'),
    };
    // Space on a button presses the button; only elsewhere does it play or pause.
    if (e.key === ' ' && t?.tagName === 'BUTTON') return;
    const f = act[e.key];
    if (f) {
      e.preventDefault();
      f();
    }
  }

  private frameSpeech(f: Frame): string {
    const sides: Side[] = this.pov === 'both' ? [...SIDES] : [this.pov];
    const parts = sides.map(s => {
      const n = f.sides[s].heard.length;
      return `${cityOf(s)} heard ${n} item${n === 1 ? '' : 's'}`;
    });
    return `${f.date}. ${parts.join('; ')}.`;
  }

  private announce(text: string): void {
    this.el.live.replaceChildren(h('p', null, text));
  }
}
