// The timeline tree: history as the trunk across the scenario's calendar, every branch drawn off it
// at the date it leaves its parent, with its divergence named in words. Each row is a real button
// (open the node) and a checkbox (pick two to compare); the drawing beside the rows is one SVG. The
// selected node's card offers: watch it, play it on, take back its last move where the rules allow,
// remove it, explore what might have happened from it, and share it as a code or a file.

import './history.css';
import { type HistoryNode, type NodeId, nodeSight, playersText, shownMoves, shownPoint, TRUNK_ID, type UndoCheck, WHOLE_POSITION } from '../../../app/history/index';
import { cardTakeBack } from '../../../app/history/takeBack';
import type { Controller } from '../../../app/saveFile';
import type { HistorySession } from '../../../app/watch/index';
import { longDate, other, RELATION_LABEL, SIDES, type Side } from '../../../engine/index';
import { apartLabels } from '../../views/chartScale';
import { cancelOrGo, openDialog } from '../dialog';
import { fill, h } from '../h';
import { againstHistory } from './against';
import { opponentChoiceBox, radioChoice } from './opponent';

export interface TreeDeps {
  exit(): void;
  watch(id: NodeId): void;
  /** Play a node on from its end: with its recorded players, or (not recorded) as `as` says. */
  playOn(id: NodeId, as?: PlayOnChoice): void;
  /** Compare two nodes (the diff view), when the screen offers it. */
  compare?(a: NodeId, b: NodeId): void;
  /** The what-if explorer from a node's end, when offered. */
  explore?(id: NodeId): void;
  /** Extra controls for a node's card (share codes), when offered. */
  share?(id: NodeId): HTMLElement | null;
  /** Controls to load a shared code or file, when offered. */
  importer?(): HTMLElement | null;
}

/** Who plays a branch on, chosen by the person where its players were not recorded. */
export interface PlayOnChoice {
  side: Side;
  opponent: Controller;
}

/** One row of the drawing: a node, where its own line starts and ends, and its parent's row. */
export interface TreeRow {
  id: NodeId;
  depth: number;
  parentRow: number;
  title: string;
  startDay: number;
  endDay: number;
  ended: boolean;
  moves: number;
}

/** The least height of a row of the tree, in px: a track and its name on one line. */
const ROW_PX = 44;
/** Every how many months the tree's axis names one, the least that keeps the names apart, and the px between two. */
const MONTH_STEPS = [1, 2, 3, 6, 12];
const MONTH_GAP_PX = 6;
/** The tree above its card rather than beside it, as history.css has it. */
const stacked = () => matchMedia('(max-width: 900px)').matches;

/**
 * Shows the month names of a tree's axis that stand apart at its width (apartLabels): the first
 * month always, then every month, or every second, third..., whichever is the least that fits.
 */
function fitMonths(head: HTMLElement): void {
  const names = [...head.querySelectorAll<HTMLElement>('.month')];
  if (!head.clientWidth || !names.length) return; // not laid out (a hidden screen): fitted on its first resize
  for (const n of names) n.hidden = false;
  const boxes = names.map(n => n.getBoundingClientRect());
  const shown = new Set(apartLabels(boxes, MONTH_STEPS, MONTH_GAP_PX));
  names.forEach((n, i) => {
    n.hidden = !shown.has(i);
  });
}

/** The rows of the tree, depth first: each branch right under its parent, in the order they leave it. */
export function treeRows(session: HistorySession): TreeRow[] {
  const tree = session.tree;
  const c = session.recording(TRUNK_ID).c;
  const rows: TreeRow[] = [];
  const dayAt = (id: NodeId, at: number) => c.days[tree.stateAt({ node: id, at }).turn]!;
  const visit = (n: HistoryNode, depth: number, parentRow: number) => {
    const end = tree.state(n.id);
    rows.push({
      id: n.id,
      depth,
      parentRow,
      title: session.title(n.id),
      startDay: n.parent === null ? c.days[0]! : dayAt(n.id, n.at),
      endDay: end.ended?.day ?? c.days[end.turn]!,
      ended: end.ended !== null,
      moves: tree.length(n.id),
    });
    const me = rows.length - 1;
    for (const ch of tree.children(n.id).sort((a, b) => a.at - b.at || a.serial - b.serial)) visit(ch, depth + 1, me);
  };
  visit(tree.node(TRUNK_ID)!, 0, -1);
  // Games on seeds of their own stand beside history as roots, after it.
  for (const r of tree.roots()) visit(r, 0, -1);
  return rows;
}

export class TreeScreen {
  private selected: NodeId = TRUNK_ID;
  private readonly picked: NodeId[] = [];
  private readonly el: Record<'bar' | 'notice' | 'body' | 'live', HTMLElement>;
  private readonly stop: () => void;
  /** Fits the axis's month names again when its width changes (a window resized, a phone turned). */
  private readonly resized = new ResizeObserver(entries => {
    for (const e of entries) fitMonths(e.target as HTMLElement);
  });
  /** The card's against-history box (it may hold a worker pool). */
  private against: { el: HTMLElement; destroy(): void } | null = null;

  constructor(
    private readonly root: HTMLElement,
    readonly session: HistorySession,
    private readonly deps: TreeDeps,
  ) {
    this.el = {
      bar: h('header', { class: 'watch-bar' }),
      notice: h('div', { class: 'tree-notice' }),
      body: h('div', { class: 'tree-body' }),
      live: h('div', { class: 'visually-hidden', 'aria-live': 'polite' }),
    };
    this.stop = session.tree.onChange(() => this.render());
  }

  start(selected: NodeId): void {
    this.selected = selected;
    fill(this.root, h('main', { class: 'tree-screen' }, this.el.bar, this.el.notice, this.el.body), this.el.live);
    this.render();
    this.el.body.querySelector<HTMLElement>(`[data-node="${selected}"]`)?.focus();
  }

  destroy(): void {
    this.stop();
    this.resized.disconnect();
    this.against?.destroy();
  }

  showNotice(n: { error: boolean; text: string }): void {
    fill(this.el.notice, h('p', { class: n.error ? 'notice error' : 'notice', role: n.error ? 'alert' : 'status' }, n.text));
  }

  announce(text: string): void {
    this.el.live.replaceChildren(h('p', null, text));
  }

  private render(): void {
    const sc = this.session.sc;
    fill(
      this.el.bar,
      h(
        'div',
        { class: 'watch-title' },
        h('h1', null, `Timeline tree: ${sc.title}`),
        h('p', { class: 'help' }, 'History is the trunk; every game played from it is a branch, drawn from the date it leaves its parent.'),
      ),
      h(
        'nav',
        { class: 'seg', 'aria-label': 'History mode' },
        this.deps.importer?.() ?? null,
        h('button', { type: 'button', class: 'btn small', 'data-action': 'watch-history', onclick: () => this.deps.watch(TRUNK_ID) }, 'Watch history'),
        h('button', { type: 'button', class: 'btn small', 'data-action': 'exit', onclick: () => this.deps.exit() }, 'Title'),
      ),
    );
    const rows = treeRows(this.session);
    if (!rows.some(r => r.id === this.selected)) this.selected = TRUNK_ID;
    // A branch cannot be compared while the sight rule keeps it from being watched (a tick taken
    // before it was refused goes too).
    for (const id of [...this.picked]) if (this.refused(id) !== null) this.picked.splice(this.picked.indexOf(id), 1);
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.node;
    fill(this.el.body, h('div', { class: 'tree-main' }, this.drawing(rows), this.card(rows.find(r => r.id === this.selected)!)));
    this.watchMonths();
    if (focused) this.el.body.querySelector<HTMLElement>(`[data-node="${focused}"]`)?.focus();
  }

  /** The axis just drawn: its names fitted now, on a resize, and once the page's fonts are in (they change the widths). */
  private watchMonths(): void {
    const head = this.el.body.querySelector<HTMLElement>('.tree-head.months');
    this.resized.disconnect();
    if (!head) return;
    this.resized.observe(head);
    fitMonths(head);
    void document.fonts?.ready.then(() => fitMonths(head));
  }

  private drawing(rows: TreeRow[]): HTMLElement {
    const c = this.session.recording(TRUNK_ID).c;
    const first = c.days[0]!;
    const last = Math.max(c.days[c.days.length - 1]!, ...rows.map(r => r.endDay));
    const x = (day: number) => `${(2 + (96 * (day - first)) / Math.max(1, last - first)).toFixed(2)}%`;
    const ns = 'http://www.w3.org/2000/svg';
    // One drawing a row, as tall as its row: a row grows with its branch's name, which wraps (cut to
    // one line, a phone showed every branch as "On Wednesday…"), and its track stays beside it.
    const cls = (r: TreeRow) => `${r.id === TRUNK_ID ? 'trunk' : r.depth === 0 ? 'root' : 'branch'}${r.id === this.selected ? ' selected' : ''}${this.picked.includes(r.id) ? ' picked' : ''}`;
    const monthDays: number[] = [];
    for (let d = first; d <= last; d++) if (/^\w+ 1 /.test(longDate(d))) monthDays.push(d);
    // A branch's link down from its parent's track to its own, in a piece a row it passes: the piece
    // in its own row is the link (one a branch), the others `link-run`.
    const links = rows.map(() => [] as { x: string; y1: string; y2: string; cls: string }[]);
    rows.forEach((r, j) => {
      if (r.parentRow < 0) return;
      for (let k = r.parentRow; k <= j; k++) {
        const own = k === j;
        links[k]!.push({ x: x(r.startDay), y1: k === r.parentRow ? '50%' : '0', y2: own ? '50%' : '100%', cls: `${own ? 'link' : 'link-run'} ${cls(r)}` });
      }
    });
    const tracks = rows.map((r, i) => {
      const svg = document.createElementNS(ns, 'svg');
      svg.setAttribute('class', 'tree-svg');
      const add = (tag: string, attrs: Record<string, string | number>) => {
        const el = document.createElementNS(ns, tag);
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
        svg.append(el);
      };
      // Month rules behind the lines.
      for (const d of monthDays) add('line', { x1: x(d), x2: x(d), y1: 0, y2: '100%', class: 'month-rule' });
      for (const l of links[i]!) add('line', { x1: l.x, x2: l.x, y1: l.y1, y2: l.y2, class: l.cls });
      add('line', { x1: x(r.startDay), x2: x(r.endDay), y1: '50%', y2: '50%', class: `track ${cls(r)}` });
      add('circle', { cx: x(r.startDay), cy: '50%', r: 4, class: `fork ${cls(r)}` });
      add('circle', { cx: x(r.endDay), cy: '50%', r: r.ended ? 6 : 5, class: `end ${cls(r)}${r.ended ? ' ended' : ''}` });
      return h('div', { class: 'tree-track', style: `grid-row:${i + 2}`, 'aria-hidden': 'true' }, svg);
    });
    // Every month has its rule and a name, the first month's at the axis's start (1927 begins on 2
    // May: its first rule is June's); which names show is fitMonths's, once their widths are known.
    const monthName = (d: number) => longDate(d).replace(/^\w+ \d+ (\w{3})\w* (\d{4})$/, '$1 $2');
    const months = [
      h('span', { class: 'month start', style: `left:${x(first)}` }, monthName(first)),
      ...monthDays.filter(d => d !== first).map(d => h('span', { class: 'month', style: `left:${x(d)}` }, monthName(d))),
    ];
    return h(
      'div',
      { class: 'tree-grid', style: `grid-template-rows: 1.6rem repeat(${rows.length}, minmax(${ROW_PX}px, auto))` },
      h('div', { class: 'tree-head pick-head' }, h('span', { class: 'visually-hidden' }, 'Compare')),
      h('div', { class: 'tree-head' }, 'Branch'),
      h('div', { class: 'tree-head months', 'aria-hidden': 'true' }, months),
      rows.flatMap((r, i) => {
        const refused = this.refused(r.id);
        return [
          h(
            'div',
            { class: 'tree-pick', style: `grid-row:${i + 2}` },
            h('input', {
              type: 'checkbox',
              id: `pick-${r.id}`,
              'data-pick': r.id,
              'aria-label': `Compare ${r.title}`,
              checked: this.picked.includes(r.id),
              disabled: refused !== null,
              title: refused === null ? null : `Not compared while in play: ${refused}.`,
              'aria-describedby': refused === null ? null : `pick-why-${r.id}`,
              onchange: (e: Event) => this.pick(r.id, (e.target as HTMLInputElement).checked),
            }),
            refused === null ? null : h('span', { class: 'visually-hidden', id: `pick-why-${r.id}` }, `Not compared while in play: ${refused}.`),
          ),
          h(
            'button',
            {
              type: 'button',
              class: `tree-node${r.id === this.selected ? ' selected' : ''}`,
              style: `grid-row:${i + 2}; padding-left:${0.5 + r.depth * 0.9}rem`,
              'data-node': r.id,
              'aria-pressed': String(r.id === this.selected),
              title: r.title,
              onclick: () => this.select(r.id),
            },
            h('span', { class: 'node-title' }, r.id === TRUNK_ID ? 'History' : r.depth === 0 ? `Own game: ${r.title}` : r.title),
            h('span', { class: 'node-sub' }, `${longDate(r.startDay).replace(/^\w+ /, '')} – ${longDate(r.endDay).replace(/^\w+ /, '')}${r.ended ? ', ended' : ''}`),
          ),
        ];
      }),
      tracks,
      h(
        'div',
        { class: 'tree-compare', style: `grid-row:${rows.length + 2}` },
        h(
          'button',
          {
            type: 'button',
            class: 'btn small',
            'data-action': 'compare',
            disabled: this.picked.length !== 2 || !this.deps.compare,
            onclick: () => this.deps.compare?.(this.picked[0]!, this.picked[1]!),
          },
          'Compare the two ticked',
        ),
        h('span', { class: 'help' }, this.picked.length === 2 ? '' : ' Tick two branches (history is one) to compare them.'),
      ),
    );
  }

  private pick(id: NodeId, on: boolean): void {
    const k = this.picked.indexOf(id);
    if (on && k < 0) {
      this.picked.push(id);
      if (this.picked.length > 2) this.picked.shift();
    } else if (!on && k >= 0) this.picked.splice(k, 1);
    this.render();
    this.el.body.querySelector<HTMLElement>(`#pick-${id}`)?.focus();
  }

  /** Why the sight rule keeps a node from being watched (so compared) now, or null. */
  private refused(id: NodeId): string | null {
    return this.session.tree.node(id) ? nodeSight(this.session.tree, id).refused : null;
  }

  private select(id: NodeId): void {
    this.selected = id;
    this.render();
    // With the card under the tree (a phone), it was a screen or more below the branch tapped and
    // nothing seemed to happen: bring it up and read its name.
    if (stacked()) {
      const head = this.el.body.querySelector<HTMLElement>('#node-card h2');
      this.el.body.querySelector('#node-card')?.scrollIntoView({ block: 'start' });
      head?.focus({ preventScroll: true });
    } else this.el.body.querySelector<HTMLElement>(`[data-node="${id}"]`)?.focus();
    this.announce(`${this.session.title(id)} selected.`);
  }

  private card(r: TreeRow): HTMLElement {
    const tree = this.session.tree;
    const n = tree.node(r.id)!;
    const s = tree.state(r.id);
    const sc = this.session.sc;
    const trunk = r.id === TRUNK_ID;
    // What Take back takes: in a game a person plays, their last move and the computer's after it (takeBack.ts).
    const back = trunk ? null : cardTakeBack(tree, r.id);
    const undo: UndoCheck | null = back === null ? null : back.ok ? tree.canUndo(r.id, back.value) : { ok: false, reason: 'empty', message: back.error };
    const playable = !trunk && !s.ended && this.session.playable(r.id);
    // Who may watch it, and with whose sight (the watch applies the same rule).
    const sight = nodeSight(tree, r.id);
    const shown = shownMoves(tree, r.id);
    return h(
      'section',
      { class: 'node-card', 'aria-label': 'The selected branch', id: 'node-card' },
      h('h2', { tabindex: '-1' }, trunk ? 'History' : r.title),
      trunk
        ? h('p', null, 'What happened: both sides take the course the sources record, with the dice that reproduce every recorded outcome.')
        : n.parent === null
          ? h(
              'p',
              { class: 'help' },
              `A game of its own, number ${n.seed}: its dice are not history's, so it stands beside the trunk rather than on it. Its name says where it first left history's choices.`,
            )
          : h('p', { class: 'help' }, `Leaves ${n.parent === TRUNK_ID ? 'history' : `“${this.session.title(n.parent)}”`} on ${longDate(r.startDay)}.`),
      h(
        'dl',
        { class: 'facts' },
        h('dt', null, 'Reached'),
        h('dd', null, `${longDate(r.endDay)}${s.ended ? ` — the game ended: ${s.ended.reason}` : ''}`),
        h('dt', null, 'Relations'),
        // As the rest of the card reads a game in play: at the start of its open turn (sight.ts).
        h('dd', null, RELATION_LABEL[tree.stateAt(shownPoint(tree, r.id)).relations]),
        h('dt', null, 'Moves'),
        // Counted as the rest of the card reads: to the start of a game in play's open turn.
        h('dd', null, trunk ? String(r.moves) : `${shown.moves} (${shown.own} its own)`),
        h('dt', null, 'Players'),
        h('dd', null, playersText(sc, n.players)),
      ),
      h(
        'div',
        { class: 'card-actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'btn primary',
            'data-action': 'watch-node',
            disabled: sight.refused !== null,
            'aria-describedby': sight.refused ? 'watch-why' : null,
            onclick: () => this.deps.watch(r.id),
          },
          trunk ? 'Watch history' : 'Watch this branch',
        ),
        playable
          ? n.players
            ? h('button', { type: 'button', class: 'btn', 'data-action': 'play-on', onclick: () => this.deps.playOn(r.id) }, 'Play on')
            : h('button', { type: 'button', class: 'btn', 'data-action': 'play-on', onclick: () => this.askPlayOn(r.id, r.endDay) }, 'Play on…')
          : null,
        this.deps.explore
          ? h(
              'button',
              {
                type: 'button',
                class: 'btn',
                'data-action': 'explore',
                disabled: !sight.historian,
                'aria-describedby': sight.historian ? null : 'explore-why',
                onclick: () => this.deps.explore?.(r.id),
              },
              'What if…',
            )
          : null,
      ),
      playable && !n.players ? h('p', { class: 'help' }, 'Played on, it goes on in a new branch of its own, with the players you choose.') : null,
      sight.refused
        ? h('p', { class: 'help', id: 'watch-why' }, `Not watched while in play: ${sight.refused}.`)
        : !trunk && !sight.historian
          ? h(
              'p',
              { class: 'help', id: 'watch-why' },
              `Watched from ${sight.sides[0] === 'britain' ? 'London' : 'Moscow'} only while it is in play: the other side’s private moves stay hidden until the game is over.`,
            )
          : null,
      this.deps.explore && !sight.historian ? h('p', { class: 'help', id: 'explore-why' }, `What if… is not open while it is in play: it plays on from ${WHOLE_POSITION}.`) : null,
      trunk ? null : this.againstBox(r.id),
      trunk ? null : this.changes(r.id, undo, back?.ok ? back.value : 1, sight.inPlay && sight.sides.length === 1),
      this.deps.share?.(r.id) ?? null,
    );
  }

  /** For a branch whose players were not recorded: which side the person takes and who plays the other. */
  private askPlayOn(id: NodeId, endDay: number): void {
    const sc = this.session.sc;
    const choice: PlayOnChoice = { side: 'britain', opponent: 'persona' };
    const opponent = h('div');
    const showOpponent = () =>
      fill(
        opponent,
        opponentChoiceBox(sc, other(choice.side), 'play-on-opponent', choice.opponent, v => {
          choice.opponent = v;
        }),
      );
    showOpponent();
    const sides = SIDES.map(x => [x, sc.sides[x].name, 'you give its orders and make its decisions'] as [Side, string, string]);
    const d = openDialog(
      { title: 'Play this branch on', className: 'branch-dialog' },
      h('p', null, `Who played this branch was not recorded, so you choose who plays it on from ${longDate(endDay)}. It goes on in a new branch of its own; the moves before stay as they were.`),
      radioChoice('You take', 'play-on-side', sides, choice.side, v => {
        choice.side = v;
        showOpponent();
      }),
      opponent,
      cancelOrGo(() => d.close(), { label: 'Play on', action: 'start-play-on', run: () => this.deps.playOn(id, { ...choice }) }),
    );
  }

  /** The branch beside history: kept while the same branch stays selected (a measurement may be running). */
  private againstBox(id: NodeId): HTMLElement {
    const key = `${id}@${this.session.tree.length(id)}`;
    if (this.against && this.against.el.dataset.key === key) return this.against.el;
    this.against?.destroy();
    this.against = againstHistory(this.session, id, t => this.announce(t));
    this.against.el.dataset.key = key;
    return this.against.el;
  }

  /** Undo (the last `count` moves: a person's own last move with the computer's after it, if `yours`) and remove, each with its reason when refused. */
  private changes(id: NodeId, undo: UndoCheck | null, count: number, yours: boolean): HTMLElement {
    const tree = this.session.tree;
    return h(
      'div',
      { class: 'card-actions small' },
      h(
        'button',
        {
          type: 'button',
          class: 'btn small',
          'data-action': 'undo',
          disabled: !undo?.ok,
          'aria-describedby': undo?.ok ? null : 'undo-why',
          onclick: () => {
            const r = tree.undo(id, count);
            this.announce(r.ok ? `${yours ? 'Your' : 'The'} last move is taken back.` : `Not taken back: ${r.error}.`);
          },
        },
        yours ? 'Take back your last move' : 'Take back the last move',
      ),
      undo && !undo.ok ? h('span', { class: 'help', id: 'undo-why' }, ` Cannot take it back: ${undo.message}.`) : null,
      h(
        'button',
        {
          type: 'button',
          class: 'btn small',
          'data-action': 'remove',
          onclick: () => {
            if (!confirm(`Remove “${this.session.title(id)}” and every branch taken from it?`)) return;
            const r = tree.remove(id);
            if (r.ok) {
              this.selected = TRUNK_ID;
              this.announce(`Removed ${r.value.length} branch${r.value.length === 1 ? '' : 'es'}.`);
            }
          },
        },
        'Remove this branch',
      ),
    );
  }
}
