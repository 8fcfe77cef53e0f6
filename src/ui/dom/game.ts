// The browser's adapter over a match: the top bar, the Phaser board, the orders desk, the
// negotiation table and the reports; decisions and news as dialogs; the hand-over screen when two
// people share it. It asks the match what comes next and submits the person's moves to it; every
// screen is drawn from the seat's view and affordances. The match autosaves and runs the computer.

import { decisionsAfterWords } from '../../app/affordances';
import { boardModel } from '../../app/board';
import { atDesk, votedItems, withVotes } from '../../app/classroom';
import { debrief } from '../../app/debrief';
import { type DeskDraft, draftFromJson, draftToJson } from '../../app/deskDraft';
import type { DecidedBy } from '../../app/endReport';
import { finalScoreOf, goalsModel } from '../../app/goals';
import { type Headline, headlineSpeech, planReports, reportsSpeech, seenKey } from '../../app/headlines';
import { playerText } from '../../app/history/words';
import type { MatchPort, Next } from '../../app/match';
import { sideInText } from '../../app/names';
import { num } from '../../app/numbers';
import { notAmong, ReportBook } from '../../app/reportBook';
import { capitalLine, emptySelection, ordersOf, type Selection, selectionCost } from '../../app/selection';
import type { AudioPort, Cue, Mood } from '../../audio/audio';
import { longDate, type Move, type NewsItem, officeNow, other, RELATION_LABEL, RELATION_LABELS, roleBrief, type Side, seen, sideInSentence, type Terms, warDangerBand } from '../../engine/index';
import { debriefHtml } from '../../print/debriefPack';
import type { Board } from '../board/boardGame';
import { aimsView, collectVotes, curtain, type Stage } from './classroom';
import { type Dialog, openDialog } from './dialog';
import { pressOutsideCloses } from './dismiss';
import { goalsList } from './goals';
import { fill, h } from './h';
import { endView, figuresDialog, helpDialog, ministerDialog, whyDialog } from './info';
import { defaultDraft, notesPanel, ordersPanel } from './orders';
import { reasonsView } from './reasons';
import { decisionView, eventOf, headlineView, medium, reportsView, showBallots } from './reports';
import { tabKeyTarget } from './tabList';

/** Undo's title when it can take a move back. */
const UNDO_TITLE = 'Take back your last move, if no dice have been rolled since';

/** How long the computer's first turn waits for the board to start. */
const BOARD_WAIT_MS = 10_000;
const delay = (ms: number) => new Promise<void>(r => setTimeout(r, ms));
/** Resolves once the next frame has been drawn (the board's first frame compiles its shaders). */
const afterFrame = () => new Promise<void>(r => requestAnimationFrame(() => setTimeout(r, 0)));

export interface GameDeps {
  audio: AudioPort;
  reducedMotion: boolean;
  /** Loads the Phaser board (a dynamic import, so Phaser is fetched only now). */
  loadBoard(parent: HTMLElement, cb: { onFigure(fig: number): void; onMinister(id: string): void }, reducedMotion: boolean): Promise<Board>;
  exit(): void;
  saveToFile(): void;
  loadFromFile(file: File): void;
  settings(): void;
  /** More for the end dialog, if any (history mode: the game beside history, for a branch). */
  endExtras?(): HTMLElement | null;
  /** Who took each decision, for the end dialog, where not all were the person's in this game (a branch's kept path); null: all were. */
  decidedBy?(): ReadonlyMap<string, DecidedBy> | null;
  /**
   * History mode inside the game, when offered (a game held in this page): take back the person's
   * last move, or branch from an earlier moment. Each resolves with the reason if it is refused.
   */
  history?: {
    undo(): Promise<string | null>;
    branch(): Promise<string | null>;
    /** Why Undo would take nothing back now (null: it would), so the button can say so before it is pressed. */
    undoRefusal?(): Promise<string | null>;
  };
  /** Said before Title leaves the game, which waits for a yes (a classroom game: what happens to the seat); absent, Title leaves at once. */
  leaveNote?: string;
  /** Why this game is not saved to or loaded from a file here (the classroom server keeps it): Save and Load are not offered, and S says this. */
  noFiles?: string;
  /** False when the person has turned the single-letter keys off (WCAG 2.1.4; the settings dialog); absent, they are on. */
  letterKeys?(): boolean;
  /** Names this game for the tab's sessionStorage, where the desk's unsent orders are kept so a reload gives them back. */
  draftKey?: string;
}

type Tab = 'orders' | 'notes' | 'reports' | 'goals';
/** The desk's tabs in order: id, label and the letter that opens each. */
const TABS: readonly [Tab, string, string][] = [
  ['orders', 'Orders', 'O'],
  ['notes', 'Notes', 'N'],
  ['reports', 'Reports', 'R'],
  ['goals', 'Goals', 'G'],
];
const TAB_IDS = TABS.map(([t]) => t);

/** The status bar's class for each band of the war danger. */
const WAR_DANGER_CLASS = { calm: '', tense: 'warn', crisis: 'bad' } as const;

/** Time between two cues of the same moment. */
const CUE_GAP_MS = 700;
/** What the board is, for a screen reader; `keys`: with the key that lists its figures. */
const boardLabel = (keys: boolean) => `The board: map, cabinet table, pressure gauges and trade chart. The same figures are in the panels and the why list${keys ? ' (W)' : ''}.`;
/** The top bar's buttons by data-action, in the order they go behind More where the bar is short of room: the least used first. */
const FOLD_ORDER = ['load-file', 'branch-here', 'settings', 'save-file', 'exit', 'undo-move', 'help', 'toggle-cabinet', 'figures'];

/** Buttons that give way to another when pressed: the focus moves to the one that replaces it. */
const SWAPS: Record<string, string> = { 'add-note': 'drop-note', 'drop-note': 'add-note' };

export class GameScreen {
  private side: Side;
  private board: Board | null = null;
  private boardPromise: Promise<Board> | null = null;
  private cabinetSide: Side;
  private tab: Tab = 'orders';
  private sel: Selection = emptySelection();
  private draft: Terms;
  /** News the match has given each seat, not yet shown to its person. */
  private readonly inbox: Record<Side, NewsItem[]> = { britain: [], ussr: [] };
  private readonly unsubscribe: () => void;
  /** The news a side has been shown this turn, for the reports tab. */
  private lastNews: Record<Side, NewsItem[]> = { britain: [], ussr: [] };
  /** The turn lastNews is of, per side. */
  private lastNewsTurn: Record<Side, number> = { britain: -1, ussr: -1 };
  /** All the news each side has been given on this screen: the reports tab keeps the earlier turns' (skipped reports among them). */
  private readonly book: Record<Side, ReportBook> = { britain: new ReportBook(), ussr: new ReportBook() };
  /** Lines each side's person has been shown (headlines.seenKey), so a report that says nothing new is not opened. */
  private readonly seen: Record<Side, Set<string>> = { britain: new Set(), ussr: new Set() };
  private sendOrders: (() => void) | null = null;
  /** Closes the open desk or decision without a move (its move was made elsewhere), letting the loop go on. */
  private closeDesk: (() => void) | null = null;
  private modal: Dialog | null = null;
  /** Brings back the open decision the person has put aside (a classroom lead, waiting for the ministers' votes). */
  private reopenDecision: (() => void) | null = null;
  /** The reports open now and the turn they are of: a newer turn's coming is said in them (a class game moves on meanwhile). */
  private behind: { turn: number; el: HTMLElement } | null = null;
  /** The person chose to skip the reports open to the newest turn: the rest of that batch is not shown. */
  private skipReports = false;
  /** Shows the ministers' ballots afresh in the open decision, when they change. */
  private ballotsCame: (() => void) | null = null;
  /** A desk has been shown on this screen: a hand-over before any (a restored game) follows nobody's sealed orders. */
  private deskShown = false;
  private busy = false;
  /** Moves made since the screen opened: Undo's refusal is asked again only when it changes. */
  private moveCount = 0;
  private undoKnown: { moves: number; why: string | null } | null = null;
  /** What the match last said this screen should do (the seat deciding, or waiting). */
  private now: Next | null = null;
  /** The status line says what the seat waits for (not a notice): renderPanel keeps it current. */
  private statusWaits = false;
  /** The turn, seat and tab the panel last showed (turn|side|tab): its scroll is kept only while they stay. */
  private panelPlace = '';
  private readonly el: Record<'top' | 'board' | 'boardWrap' | 'boardFrame' | 'cardKeys' | 'panel' | 'tabs' | 'live' | 'status', HTMLElement>;
  /** Lays the card buttons over the canvas again when the board or its box changes size. */
  private readonly resize = new ResizeObserver(() => {
    // A box that changed size while the board sleeps (a class's role fold closing as a minister waits)
    // left the canvas, its card keys and its measured text at the old size.
    this.board?.fit();
    this.placeCardKeys();
    this.markMore();
  });
  private readonly keyHandler = (e: KeyboardEvent) => this.onKey(e);
  /** Takes away the listeners by which a press outside the compact bar's open menu only closes it. */
  private unlistenPresses: () => void = () => undefined;
  /** The top bar is fitted again when the window's size changes. */
  private readonly resizeHandler = () => this.fitTop();

  constructor(
    private readonly root: HTMLElement,
    readonly m: MatchPort,
    private readonly deps: GameDeps,
  ) {
    this.side = m.humans[0] ?? 'britain';
    this.cabinetSide = this.side;
    this.draft = defaultDraft(m.c, this.side);
    this.unsubscribe = m.on(e => {
      // A match held elsewhere moves on while reports are open: they say so as it does.
      this.markBehind();
      if (e.type === 'moved') {
        this.moveCount++;
        const undo = this.el.top.querySelector<HTMLElement>('[data-action=undo-move]');
        if (undo) this.markUndo(undo);
      }
      if (e.type === 'news') {
        this.inbox[e.seat].push(...e.items);
        this.book[e.seat].add(e.items);
      } else if (e.type === 'reports') {
        this.book[e.seat].add(e.items);
        if (this.tab === 'reports' && e.seat === this.side) this.renderPanel();
      } else if (e.type === 'error' && e.where === 'storage') this.setStatus(`Not saved in the browser: ${e.message}.`);
      else if (e.type === 'notice') {
        this.setStatus(e.text);
        this.announce(e.text);
      } else if (e.type === 'held') {
        // Send waits (or may go again) on the open desk, its ticks kept; said once, where the desk is.
        if (this.sendOrders) {
          this.renderPanel();
          if (e.reason) this.announce(`Orders cannot be sent now: ${e.reason}.`);
        }
      } else if (e.type === 'ballots' && e.seat === this.side) this.ballotsCame?.();
      else if (e.type === 'overtaken' && e.seat === this.side) {
        // The classroom's deadline gave this seat's move: the open desk or decision is no longer its to send.
        this.closeDesk?.();
        this.announce(e.text);
      }
    });
    this.el = {
      top: h('header', { class: 'topbar' }),
      board: h('div', {
        class: 'board',
        id: 'board',
        role: 'img',
        'aria-label': boardLabel(deps.letterKeys?.() !== false),
      }),
      // A button over each minister card, so the keyboard can open a card as the mouse does.
      cardKeys: h('div', { class: 'card-keys', role: 'group', 'aria-label': 'Minister cards' }),
      boardWrap: h('div', { class: 'board-wrap' }),
      boardFrame: h('div', { class: 'board-frame' }),
      panel: h('div', { class: 'panel-body', id: 'panel', role: 'tabpanel', tabindex: '-1' }),
      tabs: h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Desk' }),
      live: h('div', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'false', id: 'live' }),
      status: h('p', { class: 'status', role: 'status' }),
    };
    // Only the selected tab is a Tab stop: the arrows, Home and End reach the others (the ARIA tab list).
    this.el.tabs.addEventListener('keydown', e => {
      const t = e.ctrlKey || e.metaKey || e.altKey ? null : tabKeyTarget(TAB_IDS, this.tab, e.key);
      if (!t) return;
      e.preventDefault();
      this.showTab(t);
    });
    // A choice in the small screen's menu closes it first (capture: before the button acts), so a dialog
    // the choice opens gives the focus back to the menu's button, which stays in sight.
    this.el.top.addEventListener(
      'click',
      e => {
        if (this.menuOpen() && (e.target as Element).closest('#game-menu button')) this.setMenu(false, true);
      },
      true,
    );
  }

  /** The seat whose desk is on screen (the person an Undo or a branch is for). */
  get seat(): Side {
    return this.side;
  }

  async start(): Promise<void> {
    fill(
      this.root,
      h('div', { class: `game side-${this.side}` }, this.el.top, this.boardFrame(), h('aside', { class: 'panel', 'aria-label': 'Your desk' }, this.el.tabs, this.el.status, this.el.panel)),
      // Outside the game, so it still speaks while a hand-over makes the game inert.
      this.el.live,
      // Reached through the Load button only: outside the top bar, whose buttons fitTop rearranges.
      this.deps.noFiles ? null : this.loadInput,
    );
    document.addEventListener('keydown', this.keyHandler);
    // The menu's button toggles it; a press anywhere else only closes it.
    this.unlistenPresses = pressOutsideCloses(
      () => [...this.el.top.querySelectorAll('#game-menu, .menu-toggle')],
      () => this.menuOpen(),
      () => this.setMenu(false),
    );
    window.addEventListener('resize', this.resizeHandler);
    // The bar's parts are set in web fonts: measured before they come, they would be too narrow.
    void document.fonts?.ready.then(() => this.fitTop());
    this.resize.observe(this.el.board);
    this.resize.observe(this.el.boardWrap);
    this.boardPromise = this.deps.loadBoard(this.el.board, { onFigure: f => this.why(f), onMinister: id => this.minister(id) }, this.deps.reducedMotion).then(b => {
      this.board = b;
      // Phaser sizes its canvas after the box changes: the card keys and the measured text size follow
      // the canvas (under a class's role fold closing they kept the fold-open scale).
      const canvas = this.el.board.querySelector('canvas');
      if (canvas) this.resize.observe(canvas);
      this.drawBoard();
      return b;
    });
    this.boardPromise.catch(e => this.announce(`The board could not be drawn: ${String(e)}. The desk still works.`));
    // The reports tab reads the view's news from the first: a match that gives none afresh (a class
    // seat taken back in a new page, whose reports were shown before) still lists them there.
    for (const side of this.m.humans) {
      const news = this.m.view(side).news;
      this.lastNews[side] = [...news];
      this.lastNewsTurn[side] = this.m.view(side).turn;
      this.book[side].add(news);
    }
    this.m.start();
    this.render();
    await this.loop();
  }

  private destroyed = false;
  /** Once: a class page takes its screen down when its seat goes, and the app again when the next screen opens. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    document.removeEventListener('keydown', this.keyHandler);
    this.unlistenPresses();
    window.removeEventListener('resize', this.resizeHandler);
    this.resize.disconnect();
    this.modal?.close();
    this.board?.destroy();
    this.unsubscribe();
    this.m.dispose();
  }

  // ---- the flow -------------------------------------------------------------------------------

  private async loop(): Promise<void> {
    for (;;) {
      const n = this.m.next();
      this.now = n;
      switch (n.kind) {
        case 'ended':
          this.render();
          // The last turn's big moments (a break, a fall, the end itself) get their dialogs too.
          await this.freshReports(this.side);
          this.end();
          return;
        case 'stuck':
          this.showError(`${n.reason}. Please save the game to a file and report it.`);
          return;
        case 'computer':
          // A match held elsewhere (the classroom server) may keep this seat waiting long: the reports it
          // has already been given are shown now, not when the server next says something (a minister's
          // first turn's headlines came turns later, when someone next moved, or when his connection came back).
          if (this.m.waitText && this.inbox[this.side].length) {
            this.setStatus(this.waitLine(), true);
            if (await this.showLatest(this.side)) continue;
          }
          if (!(await this.computerTurn())) return;
          // A match held elsewhere (the classroom server) may keep this seat waiting for long: show what came meanwhile.
          this.now = this.m.next();
          if (this.m.waitText && this.now.kind === 'computer') {
            // The wait goes on: say so while its reports are read, not a blank line.
            this.setStatus(this.waitLine(), true);
            await this.showLatest(this.side);
          }
          continue;
        case 'handover':
          await this.handover(n.seat);
          this.m.handOver(n.seat);
          this.setSide(n.seat);
          continue;
        case 'decide':
        case 'orders':
          if (n.seat !== this.side) this.setSide(n.seat);
          this.deskShown = true;
          await this.curtainForDesk(n.seat);
          // The match moved on while a dialog was open (a deadline, the other side): ask again
          // rather than open a desk for what is no longer this seat's move.
          if (await this.showLatest(n.seat)) continue;
          if (n.kind === 'decide') await this.decide(n.seat);
          else await this.orders(n.seat);
      }
    }
  }

  /**
   * Draws the seat's view and shows its fresh reports. A match held elsewhere (the classroom server)
   * moves on while a dialog waits for the person, and says so only once: draw and show again until
   * nothing came meanwhile. True if the view changed after it was first drawn.
   */
  private async showLatest(side: Side): Promise<boolean> {
    const first = this.m.view(side);
    for (;;) {
      const shown = this.m.view(side);
      this.render();
      await this.freshReports(side);
      if (this.m.view(side) === shown) return shown !== first;
    }
  }

  /** The tab's storage for drafts, if this game names one and the browser allows it. */
  private draftStore(side: Side): { store: Storage; key: string } | null {
    if (!this.deps.draftKey) return null;
    try {
      return { store: sessionStorage, key: `draft/${this.deps.draftKey}/${side}` };
    } catch {
      return null;
    }
  }

  /** Keeps the desk's unsent orders in the tab (or drops them: sent, or no longer this seat's to send). */
  private keepDraft(side: Side, keep: boolean): void {
    const at = this.draftStore(side);
    try {
      if (keep) at?.store.setItem(at.key, draftToJson(side, this.m.view(side).turn, { sel: this.sel, note: this.draft }));
      else at?.store.removeItem(at.key);
    } catch {
      // A full or refused storage loses the draft only on a reload, as it did before there was one.
    }
  }

  /** The unsent orders this tab kept for the seat's desk this turn; a draft of an earlier turn is dropped. */
  private keptDraft(side: Side): DeskDraft | null {
    const at = this.draftStore(side);
    if (!at) return null;
    const d = draftFromJson(this.m.c, side, this.m.view(side).turn, this.m.affordances(side).legal, at.store.getItem(at.key));
    if (!d) this.keepDraft(side, false);
    return d;
  }

  /** What the screen says while this seat waits for the other side. */
  private waitLine(): string {
    return this.m.waitText?.(this.side) ?? `${this.m.c.sc.sides[other(this.side)].name} is considering its moves…`;
  }

  private async computerTurn(): Promise<boolean> {
    this.busy = true;
    this.setStatus(this.waitLine(), true);
    this.renderPanel(); // its body no longer repeats the status line
    this.root.querySelector('.game')?.setAttribute('aria-busy', 'true');
    // The board starts (Phaser, its WebGL context, shaders and textures: the page's longest tasks)
    // before the computer thinks, not in the middle of it; then it draws no frames while it thinks.
    // A board that does not come within BOARD_WAIT_MS is not waited for: the game goes on without it.
    if (!this.board && this.boardPromise) await Promise.race([this.boardPromise.then(afterFrame), delay(BOARD_WAIT_MS)]).catch(() => undefined);
    this.board?.sleep();
    // The GPU finishes the frames already drawn first (seconds on a software GPU for the board's first
    // ones), so the computer thinks with the cores to itself; a GPU that takes too long is not waited for.
    if (this.board) await Promise.race([this.board.drawn(), delay(BOARD_WAIT_MS)]).catch(() => undefined);
    // The worker transport marks each of the computer's thoughts.
    const r = await this.m.advance();
    this.board?.wake();
    this.busy = false;
    this.root.querySelector('.game')?.removeAttribute('aria-busy');
    this.setStatus('');
    if (!r.ok) {
      this.showError(`${r.error}. Your game is saved up to the last move.`);
      return false;
    }
    return true;
  }

  /**
   * Everything a side has not yet been shown: each headline in a dialog of its own, then the rest as a
   * newspaper and telegrams, but only if it holds something the person has not seen or done; all announced.
   */
  private async freshReports(side: Side): Promise<void> {
    const fresh = this.inbox[side].splice(0);
    if (!fresh.length) return;
    // The turn these reports are of: the view drawn as they were taken from the inbox.
    const turn = this.m.view(side).turn;
    // What comes later in the same turn (a decision's outcome) joins the turn's reports: it replaced
    // them, and the tab showed the outcome alone, the turn's telegrams filed under "Earlier reports".
    this.lastNews[side] = turn === this.lastNewsTurn[side] ? [...this.lastNews[side], ...notAmong(fresh, this.lastNews[side])] : fresh;
    this.lastNewsTurn[side] = turn;
    const plan = planReports(this.m.c, fresh, side, this.seen[side]);
    const rest = plan.reportIsNew ? plan.rest : [];
    const said = reportsSpeech(this.m.c, rest);
    const summary = said ? ` ${said}` : '';
    this.announce(`${this.turnTitle()}.${plan.headlines.map(x => ` ${headlineSpeech(x)}`).join('')}${summary}`);
    this.renderPanel();
    for (const n of fresh) this.seen[side].add(seenKey(n));
    if (!plan.headlines.length && !rest.length) return; // nothing new: no sound, no dialog
    const evs = fresh.map(n => eventOf(this.m.c, n)).filter(e => e !== null);
    this.cue(evs.some(e => medium(e) === 'newspaper') ? 'newspaper' : evs.length ? 'telegraph' : 'typewriter');
    if (evs.some(e => e.kind === 'parliament' || e.kind === 'cabinet')) this.cue('gavel');
    if (evs.some(e => e.kind === 'incident' && e.severity >= 4)) this.cue('crowd');
    this.skipReports = false;
    for (const x of plan.headlines) {
      await this.headline(x, turn);
      if (this.skipReports) return;
    }
    if (!rest.length) return;
    await new Promise<void>(resolve => {
      this.modal = openDialog(
        {
          title: `Reports · ${this.turnTitle()}`,
          className: 'reports-dialog',
          onClose: () => {
            this.modal = null;
            this.behind = null;
            resolve();
          },
          focus: '.continue',
        },
        reportsView(this.m.c, rest, side),
        h('div', { class: 'dialog-actions' }, this.behindNote(turn), h('button', { type: 'button', class: 'btn primary continue', onclick: () => this.modal?.close() }, 'To your desk')),
      );
    });
  }

  /**
   * Where open reports say that the game has moved on past them (a class game, whose server goes on
   * while a student reads: a minister sat turns behind the bar's turn), with the one press that
   * skips to the newest. Hidden until then; never shown in a game held in this page, which waits.
   */
  private behindNote(turn: number): HTMLElement {
    const el = h('div', { class: 'behind', role: 'status', hidden: true });
    this.behind = { turn, el };
    // The game may have moved on before this dialog opened (a batch of several).
    queueMicrotask(() => this.markBehind());
    return el;
  }

  private markBehind(): void {
    const b = this.behind;
    if (!b) return;
    const now = this.m.view(this.side).turn;
    if (now <= b.turn) return;
    const said = `These reports are of turn ${b.turn + 1}: the game is at turn ${now + 1} now. Skipped reports stay under Reports (R), in Earlier reports.`;
    // Once shown, only its words change (the button keeps any focus it has).
    const line = b.el.querySelector('span');
    if (line) return void (line.textContent = said);
    b.el.hidden = false;
    fill(
      b.el,
      h('span', null, said),
      h(
        'button',
        {
          type: 'button',
          class: 'btn',
          'data-action': 'skip-to-now',
          onclick: () => {
            this.skipReports = true;
            this.modal?.close();
          },
        },
        'Skip to the latest',
      ),
    );
  }

  /** The reports of turns before the latest ones (`shown`), each turn folded: where skipped reports are read again. */
  private earlierReports(shown: readonly NewsItem[]): HTMLElement | null {
    const turns = this.book[this.side].earlier(this.m.c, shown);
    if (!turns.length) return null;
    return h(
      'section',
      { class: 'earlier-reports', 'aria-label': 'Earlier reports' },
      h('h3', null, 'Earlier reports'),
      turns.map(t =>
        h(
          'details',
          { class: 'earlier-turn', 'data-turn': String(t.turn + 1) },
          h('summary', null, `Turn ${t.turn + 1}: ${longDate(this.m.c.days[t.turn]!)}`),
          reportsView(this.m.c, t.items, this.side),
        ),
      ),
    );
  }

  /** One big moment in a dialog of its own; its button has the focus, so Enter or Escape closes it. */
  private headline(x: Headline, turn: number): Promise<void> {
    return new Promise<void>(resolve => {
      this.modal = openDialog(
        {
          title: x.kicker,
          className: `reports-dialog headline-dialog headline-${x.kind}`,
          onClose: () => {
            this.modal = null;
            this.behind = null;
            resolve();
          },
          focus: '.continue',
        },
        headlineView(x),
        this.noteWhy(x),
        h('div', { class: 'dialog-actions' }, this.behindNote(turn), h('button', { type: 'button', class: 'btn primary continue', onclick: () => this.modal?.close() }, 'Continue')),
      );
    });
  }

  /**
   * On a note's fate, the computer's reasons for its answer to that note ("Why did Moscow refuse?"):
   * the reasons for the answer itself (its cabinet's share, the note's worth) where the player has
   * them, rather than those for the whole set of orders the answer went with, which say little of the note.
   */
  private noteWhy(x: Headline): HTMLElement | null {
    if (x.kind !== 'note-rejected' && x.kind !== 'note-ratified' && x.kind !== 'note-refused') return null;
    const them = this.side === 'britain' ? 'ussr' : 'britain';
    if (this.m.opponentOf(this.side) === 'human') return null;
    // The note the headline names ("Britain rejects Soviet note 1."), named so in the answer's reasons too.
    const note = /\b(British|Soviet) note (\d+)\b/.exec(x.text)?.[0];
    if (!note) return null;
    const about = new RegExp(`\\b${note}\\b`);
    const answer = (this.m.reasons?.(them) ?? []).find(e => e.kind === 'orders' && about.test(e.reasons.summary));
    if (!answer) return null;
    // Asked of the man who answered ("Why did Maxim Litvinov reject note 1?"), whoever leads that side now.
    const lead = this.m.c.ministers[this.m.view(this.side).lead[them]]!.name;
    const title = `Why did ${lead} ${x.kind === 'note-rejected' ? 'reject' : 'accept'} ${note}?`;
    return reasonsView(sideInText(this.m.c, them), [{ ...answer, reasons: answer.reasons.answers ?? answer.reasons }], title);
  }

  // ---- the classroom: students behind curtains (classroom.ts) ---------------------------------

  /** The desk hidden behind a curtain, and the open dialog tracked, for the classroom's screens. */
  private readonly stage: Stage = {
    hide: on => {
      const gameEl = this.root.querySelector<HTMLElement>('.game');
      gameEl?.toggleAttribute('inert', on);
      gameEl?.classList.toggle('hidden-for-handover', on);
    },
    setModal: d => {
      this.modal = d;
    },
  };

  /** The role of the student who has the desk now (a classroom game), so a new one gets a curtain first. */
  private deskHolder: string | null = null;

  /** In a classroom game, a curtain before a student takes the desk who has not got it now (the first turn, a new lead). */
  private async curtainForDesk(side: Side): Promise<void> {
    const cl = this.m.classroom;
    const st = cl ? atDesk(this.m.c, this.m.view(side), cl.seats) : null;
    if (!st || st.role.id === this.deskHolder) return;
    await curtain(this.stage, st, `${this.m.c.sc.sides[side].name}'s desk is yours.`, `side-${side}`);
    this.stage.hide(false);
    this.deskHolder = st.role.id;
  }

  /** A move with its student ministers' votes (a classroom game), or as it was. */
  private async voted(side: Side, move: Move): Promise<Move> {
    const cl = this.m.classroom;
    if (!cl) return move;
    return withVotes(move, await collectVotes(this.stage, this.m.c, this.m.view(side), cl.seats, move));
  }

  private decide(side: Side): Promise<void> {
    const aff = this.m.affordances(side);
    const { event: ev, left } = aff.decision!;
    return new Promise<void>(resolve => {
      let dialog: Dialog;
      let voting = false;
      const choose = async (option: string) => {
        if (voting) return;
        const move: Move = { type: 'decide', side, event: ev.id, option };
        let sent: Move = move;
        if (this.m.classroom && votedItems(this.m.c, move).length) {
          // The decision's dialog gives way to the curtains; it comes back if the move is refused.
          voting = true;
          dialog.el.close();
          sent = await this.voted(side, move);
          voting = false;
        }
        const r = this.m.submit(side, sent);
        if (!r.ok) {
          this.announce(`Refused: ${r.error}`);
          // Said in the dialog too, which covers the status line (a class game paused, its connection down).
          const body = dialog.el.querySelector('.dialog-body');
          body?.querySelector('.decision-refused')?.remove();
          body?.prepend(h('p', { class: 'decision-refused', role: 'alert' }, `Refused: ${r.error}.`));
          if (!dialog.el.open) dialog.el.showModal();
          return;
        }
        this.closeDesk = null;
        this.reopenDecision = null;
        this.ballotsCame = null;
        this.cue('stamp');
        const chosen = ev.decision!.options.find(o => o.id === option)!;
        this.announce(`Decided: ${chosen.label}.`);
        this.modal = null;
        dialog.close();
        this.render();
        resolve();
      };
      const content = decisionView(this.m.c, aff, choose, this.deps.letterKeys?.() !== false);
      // A classroom lead on their own device sees the ministers' votes on each option as they come,
      // and may put the decision aside (to read the reports, the role, the board) and take it up again.
      const ballots = this.m.ballots?.(side) ?? null;
      let aside: HTMLElement | null = null;
      if (ballots) {
        showBallots(content, aff, ballots);
        this.ballotsCame = () => showBallots(content, aff, this.m.ballots?.(side) ?? []);
        aside = h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'btn', 'data-action': 'put-aside', onclick: () => this.putAside(dialog) }, 'Put aside for now'));
      }
      const after = decisionsAfterWords(left);
      dialog = openDialog({ title: `${ev.title}${after ? ` (${after})` : ''}`, className: `decision-dialog medium-${medium(ev)}`, closable: false }, content, aside);
      dialog.el.addEventListener('keydown', e => {
        // A digit decides at once: off with the letter keys, so a stray key (or speech input) decides nothing.
        if (this.deps.letterKeys?.() === false) return;
        const k = Number(e.key);
        const btns = dialog.el.querySelectorAll<HTMLButtonElement>('.option-btn');
        if (k >= 1 && k <= btns.length) {
          e.preventDefault();
          btns[k - 1]!.click();
        }
      });
      this.modal = dialog;
      this.closeDesk = () => {
        this.closeDesk = null;
        this.reopenDecision = null;
        this.ballotsCame = null;
        this.modal = null;
        dialog.close();
        this.render();
        resolve();
      };
    });
  }

  /** The open decision put aside: the desk says it waits, with a button that brings it back. */
  private putAside(dialog: Dialog): void {
    dialog.el.close();
    this.modal = null;
    this.reopenDecision = () => {
      this.reopenDecision = null;
      if (this.modalOpen()) this.modal?.close();
      dialog.el.showModal();
      this.modal = dialog;
      this.renderPanel();
      dialog.el.querySelector<HTMLElement>('.option-btn')?.focus();
    };
    this.renderPanel();
    this.el.panel.querySelector<HTMLElement>('[data-action=back-to-decision]')?.focus();
  }

  private orders(side: Side): Promise<void> {
    const kept = this.keptDraft(side);
    this.sel = kept?.sel ?? emptySelection();
    this.draft = kept?.note ?? defaultDraft(this.m.c, side);
    this.tab = this.tab === 'reports' ? 'orders' : this.tab;
    return new Promise<void>(resolve => {
      let voting = false;
      this.sendOrders = async () => {
        if (voting) return; // the students are voting on these orders already
        const held = this.m.held?.();
        if (held) return void this.announce(`Orders cannot be sent now: ${held}.`);
        const orders = ordersOf(this.m.affordances(side).legal, this.sel);
        voting = true;
        const move = await this.voted(side, { type: 'orders', side, orders });
        voting = false;
        const r = this.m.submit(side, move);
        if (!r.ok) {
          this.announce(`Your orders were refused: ${r.error}`);
          this.showError(`Your orders were refused: ${r.error}`);
          return;
        }
        this.sendOrders = null;
        this.closeDesk = null;
        this.keepDraft(side, false);
        this.renderPanel();
        this.cue('typewriter');
        this.announce(`Orders sent: ${orders.length ? `${orders.length} order${orders.length === 1 ? '' : 's'}` : 'none'}. The turn resolves.`);
        resolve();
      };
      this.closeDesk = () => {
        this.closeDesk = null;
        this.sendOrders = null;
        this.keepDraft(side, false);
        this.renderPanel();
        resolve();
      };
      this.renderPanel();
      this.focusDesk();
    });
  }

  /**
   * A new turn's desk takes the focus where the page lost it (a dialog closed, the panel was redrawn):
   * the open tab, the next thing to do. Focus the person has put somewhere on purpose stays there.
   */
  private focusDesk(): void {
    const a = document.activeElement;
    if (this.modalOpen() || (a && a !== document.body && a.isConnected)) return;
    this.el.tabs.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus();
  }

  private handover(to: Side): Promise<void> {
    const c = this.m.c;
    // A classroom game names the student who takes the desk.
    const student = this.m.classroom ? atDesk(c, this.m.view(to), this.m.classroom.seats) : null;
    if (student)
      return curtain(this.stage, student, `${sideInSentence(c.sc, other(to), true)}’s orders are sealed; ${sideInText(c, to)}’s desk is yours.`, `side-${to}`).then(() => {
        this.stage.hide(false);
        this.deskHolder = student.role.id;
      });
    const lead = c.ministers[this.m.view(to).lead[to]]!;
    const gameEl = this.root.querySelector<HTMLElement>('.game');
    gameEl?.setAttribute('inert', '');
    gameEl?.classList.add('hidden-for-handover');
    return new Promise(resolve => {
      this.modal = openDialog(
        { title: `Pass the screen to ${sideInText(c, to)}`, className: `handover side-${to}`, closable: false, focus: '.btn' },
        h('p', null, `${this.deskShown ? `${sideInSentence(c.sc, other(to), true)}’s orders are sealed. ` : ''}${lead.name}, ${lead.office}, takes the desk.`),
        h('p', { class: 'help' }, 'The other player should look away now.'),
        h(
          'button',
          {
            type: 'button',
            class: 'btn primary',
            'data-action': 'take-desk',
            onclick: () => {
              gameEl?.removeAttribute('inert');
              gameEl?.classList.remove('hidden-for-handover');
              this.modal?.close();
              this.modal = null;
              resolve();
            },
          },
          `I am ${lead.name}: show my desk`,
        ),
      );
    });
  }

  private end(): void {
    const r = this.m.endReport()!;
    const me = this.side;
    this.cue('gavel');
    this.announce(`The game ends: ${r.reason}. Your score ${r.sides[me].total.yours.toFixed(1)}, history ${r.sides[me].total.history.toFixed(1)}: ${r.sides[me].total.verdict}.`);
    this.tab = 'reports';
    this.renderPanel();
    this.showResult();
  }

  /** The end report, at the end and again from the desk's "See the result" as often as asked. */
  private showResult(): void {
    const r = this.m.endReport()!;
    const me = this.side;
    const opp = this.m.opponentOf(me);
    // Plain words for the kind of computer player (the kinds' own names are for the command line).
    const opponent = opp === 'human' ? 'the other player' : playerText(opp);
    this.modal = openDialog(
      {
        title: 'The game ends',
        className: 'end-dialog',
        // The verdict first: the first button (the timeline tree's, at the foot of a long report) would scroll the report to its end.
        focus: '.end-reason',
        onClose: () => {
          this.modal = null;
          // The control that opens it again, not the page: what had focus was drawn over meanwhile.
          this.el.panel.querySelector<HTMLElement>('[data-action=see-result]')?.focus();
        },
      },
      endView(this.m.c, me, r, opponent, this.deps.decidedBy?.() ?? null),
      this.deps.endExtras?.() ?? null,
      h(
        'div',
        { class: 'dialog-actions' },
        this.deps.noFiles
          ? null
          : h(
              'button',
              { type: 'button', class: 'btn', 'data-action': 'save-file', onclick: () => this.deps.saveToFile() },
              this.m.classroom ? "Hand in the group's game (file)" : 'Save the game to a file',
            ),
        this.m.classroom ? h('button', { type: 'button', class: 'btn', 'data-action': 'debrief', onclick: () => this.openDebrief() }, 'Print the debrief') : null,
        h(
          'button',
          {
            type: 'button',
            class: 'btn primary',
            'data-action': 'to-title',
            onclick: () => {
              this.modal?.close();
              this.deps.exit();
            },
          },
          'Back to the title',
        ),
      ),
    );
  }

  /** The post-mortem pack in a new window, to print (or save as PDF) from the browser. */
  private openDebrief(): void {
    const cl = this.m.classroom;
    const rec = this.m.record?.();
    if (!rec) return;
    // The teacher's injected events (a restored hand-in's) are replayed and named as the teacher's.
    const html = debriefHtml(debrief(this.m.c.sc, rec.seed, rec.moves, { injected: rec.injected, ...(cl ? { group: cl.group, seats: cl.seats } : {}) }));
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    if (!window.open(url, '_blank')) this.showError('The debrief could not open in a new window: allow pop-ups for this page, then try again.');
  }

  // ---- drawing --------------------------------------------------------------------------------

  private setSide(side: Side): void {
    this.side = side;
    this.cabinetSide = side;
    this.root.querySelector('.game')?.classList.replace(`side-${other(side)}`, `side-${side}`);
  }

  private turnTitle(): string {
    const v = this.m.view(this.side);
    const b = boardModel(this.m.c, v);
    return `${b.date}, turn ${v.turn + 1} of ${this.m.c.days.length}${b.until ? `, to ${b.until}` : ''}`;
  }

  private render(): void {
    this.renderTop();
    this.renderPanel();
    this.drawBoard();
    this.music();
  }

  /**
   * The board in its box, and what tells a small screen's holder that it scrolls sideways: a shade
   * on each edge that has more of the board beyond it, and a hint until the first scroll.
   */
  private boardFrame(): HTMLElement {
    const wrap = this.el.boardWrap;
    fill(wrap, this.el.board, this.el.cardKeys);
    const touch = matchMedia('(pointer: coarse)').matches;
    wrap.addEventListener(
      'scroll',
      () => {
        if (wrap.scrollLeft > 0) this.el.boardFrame.dataset.scrolled = '';
        this.markMore();
      },
      { passive: true },
    );
    fill(
      this.el.boardFrame,
      wrap,
      // Seen, not read: the board is an image to a screen reader, whose figures are in the panels.
      h('div', { class: 'board-more more-left', 'aria-hidden': 'true' }),
      h('div', { class: 'board-more more-right', 'aria-hidden': 'true' }),
      h('p', { class: 'board-hint', 'aria-hidden': 'true' }, touch ? 'Swipe sideways for more →' : 'Scroll sideways for more →'),
    );
    return this.el.boardFrame;
  }

  /** Marks the sides on which the board's box has more to show (none where the board fits it). */
  private markMore(): void {
    const wrap = this.el.boardWrap;
    const d = this.el.boardFrame.dataset;
    const left = wrap.scrollLeft > 1;
    const right = wrap.scrollLeft + wrap.clientWidth < wrap.scrollWidth - 1;
    if (left) d.moreLeft = '';
    else delete d.moreLeft;
    if (right) d.moreRight = '';
    else delete d.moreRight;
  }

  private drawBoard(): void {
    if (!this.board) return;
    const t0 = performance.now();
    this.board.update(boardModel(this.m.c, this.m.view(this.side)));
    this.board.showCabinet(this.cabinetSide);
    performance.measure('board-update', { start: t0 });
    this.placeCardKeys();
  }

  /**
   * One button over each minister card, where the canvas shows it: Tab reaches it, Enter or Space
   * opens the card, and its focus ring is drawn round the card. The mouse goes through to the canvas.
   */
  private placeCardKeys(): void {
    const canvas = this.el.board.querySelector('canvas');
    if (!this.board || !canvas) return;
    const wrap = this.el.cardKeys.getBoundingClientRect();
    const cv = canvas.getBoundingClientRect();
    const k = cv.width / this.board.width;
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.minister;
    fill(
      this.el.cardKeys,
      this.board.ministerCards().map(c =>
        h('button', {
          type: 'button',
          class: 'card-key',
          'data-minister': c.id,
          'aria-label': `${c.label}: open the card`,
          style: `left:${cv.left - wrap.left + c.rect.x * k}px;top:${cv.top - wrap.top + c.rect.y * k}px;width:${c.rect.w * k}px;height:${c.rect.h * k}px`,
          onclick: () => this.minister(c.id),
        }),
      ),
    );
    if (focused) this.el.cardKeys.querySelector<HTMLElement>(`[data-minister="${focused}"]`)?.focus();
    // The smallest board text as drawn on the page, for the layout test (and anyone inspecting).
    this.el.board.dataset.minTextPx = (this.board.minTextSize() * k).toFixed(1);
    this.el.board.dataset.cutText = this.board.cutTexts().join(' | ');
    this.el.board.dataset.crossedText = this.board.crossedTexts().join(' | ');
    this.el.board.dataset.staleText = this.board.staleTexts().join(' | ');
  }

  /**
   * Who holds this screen: the side's lead, or in a classroom a minister's own name and office, with
   * whose lead the side follows (a minister's header named the lead, as if the screen were his).
   */
  private whoView(me: { name: string; lead: string; leadOffice: string }): HTMLElement {
    const v = this.m.view(this.side);
    const role = v.role;
    const own = role && role.minister !== v.lead[this.side] ? role : null;
    const office = own ? (own.minister >= 0 ? officeNow(this.m.c.ministers[own.minister]!, v.fired) : own.office) : me.leadOffice;
    return h(
      'div',
      { class: 'who' },
      h('span', { class: 'lead' }, own ? own.name : me.lead),
      h('span', { class: 'office' }, own ? `${office}, ${me.name}; ${me.lead} leads` : `${office}, ${me.name}`),
    );
  }

  private renderTop(): void {
    const m = boardModel(this.m.c, this.m.view(this.side));
    const me = m.sides[this.side];
    const figBtn = (label: string, fig: number, value: string, cls = '', title = `Why did ${label.toLowerCase()} move?`) =>
      h('button', { type: 'button', class: `stat ${cls}`, onclick: () => this.why(fig), title }, h('span', { class: 'stat-label' }, label), h('span', { class: 'stat-value' }, value));
    const wd = m.warDanger.value ?? 0;
    // What the ticked orders leave, as the orders desk counts it (nothing is ticked while no desk is open).
    const cap = m.capital;
    const spent = this.sendOrders ? selectionCost(this.m.c, this.m.affordances(this.side).legal, this.sel) : 0;
    const capital = capitalLine(cap.value ?? 0, spent, cap.max, cap.perTurn);
    // Drawn afresh, the bar keeps the focus on the button that had it (Their cabinet, the menu's).
    const active = document.activeElement;
    const focusAction = active && this.el.top.contains(active) ? active.getAttribute('data-action') : null;
    fill(
      this.el.top,
      h(
        'div',
        { class: 'when' },
        h('span', { class: 'date' }, m.date),
        h('span', { class: 'phase' }, `${m.phase} · turn\u00a0${m.turn + 1}\u00a0of\u00a0${m.turns}${m.until ? `, to\u00a0${m.until.replace(' ', '\u00a0')}` : ''}`),
      ),
      this.whoView(me),
      h(
        'div',
        { class: 'stats' },
        h(
          'span',
          { class: `stat relations rel-${m.relations}`, title: RELATION_LABEL[m.relations] },
          h('span', { class: 'stat-label' }, 'Relations'),
          h('span', { class: 'stat-value' }, RELATION_LABELS[m.relations].short),
        ),
        figBtn('War danger', m.warDanger.fig, num(wd), WAR_DANGER_CLASS[warDangerBand(wd).name]),
        figBtn('Standing', me.standing.fig, num(me.standing.value ?? 0), (me.standing.value ?? 0) < 25 ? 'bad' : ''),
        figBtn('Capital', cap.fig, capital.value, '', capital.title),
        figBtn('Intelligence', m.intelligence.fig, num(m.intelligence.value ?? 0)),
      ),
      // The game's buttons in one row; those that do not fit it are behind More (Menu, where all are), fitTop.
      h(
        'nav',
        { class: 'game-nav', 'aria-label': 'Game' },
        this.menuButtons(),
        h(
          'button',
          {
            type: 'button',
            class: 'btn small menu-toggle',
            'data-action': 'menu',
            'aria-controls': 'game-menu',
            'aria-expanded': String(this.menuOpen()),
            onclick: () => this.setMenu(!this.menuOpen()),
          },
          'More',
        ),
        h('div', { class: 'menu', id: 'game-menu' }),
      ),
    );
    this.fitTop();
    if (focusAction) this.el.top.querySelector<HTMLElement>(`[data-action="${focusAction}"]`)?.focus();
  }

  /** The game's buttons, in the bar's order; each named by its data-action, which FOLD_ORDER goes by. */
  private menuButtons(): HTMLElement[] {
    const button = (action: string, label: string, attrs: Record<string, string | undefined>, act: () => void) =>
      h('button', { type: 'button', class: 'btn small', 'data-action': action, ...attrs, onclick: act }, label);
    const w = this.shortcut('W');
    return [
      button('figures', 'Figures', { 'aria-keyshortcuts': w, title: `Your figures: why each moved${w ? ' (W)' : ''}` }, () => this.figures()),
      button('toggle-cabinet', this.cabinetSide === this.side ? 'Their cabinet' : 'Your cabinet', { 'aria-keyshortcuts': this.shortcut('C') }, () => this.toggleCabinet()),
      // A game kept elsewhere (the classroom server) is not saved or loaded here: no buttons that only say so.
      this.deps.noFiles ? null : button('save-file', 'Save', { 'aria-keyshortcuts': this.shortcut('S') }, () => this.deps.saveToFile()),
      this.deps.noFiles ? null : button('load-file', 'Load', {}, () => this.loadInput.click()),
      ...this.historyButtons(),
      button('settings', this.deps.audio.muted() ? 'Sound off' : 'Sound', { 'aria-label': 'Sound and display settings' }, () => this.deps.settings()),
      button('help', 'Help', { 'aria-keyshortcuts': this.shortcut('?') }, () => this.help()),
      button('exit', 'Title', {}, () => this.leave()),
    ].filter((b): b is HTMLElement => b !== null);
  }

  /**
   * The game's buttons in one row with the rest of the bar: those that do not fit go behind a More
   * button, the least used first (FOLD_ORDER), and all of them behind Menu where none fits (a phone).
   * Measured, as what fits depends on the date, the lead's office, the figures and the buttons
   * (history's two, a long label) as much as on the window's width. Nothing may stick out of the
   * bar: beside the desk the parts share one row; in the stacked layout (styles.css, max-width
   * 900px: the bar is a grid there) the buttons share the date's.
   */
  private fitTop(): void {
    const top = this.el.top;
    const nav = top.querySelector<HTMLElement>('.game-nav');
    const more = top.querySelector<HTMLElement>('#game-menu');
    const toggle = top.querySelector<HTMLElement>('.menu-toggle');
    if (!nav || !more || !toggle || !top.isConnected) return;
    const buttons = [...top.querySelectorAll<HTMLElement>('.game-nav button:not(.menu-toggle)')];
    const order = (list: HTMLElement[]) => [...list].sort((a, b) => Number(a.dataset.place) - Number(b.dataset.place));
    buttons.forEach((b, i) => (b.dataset.place ??= String(i)));
    const focused = document.activeElement instanceof HTMLElement && buttons.includes(document.activeElement) ? document.activeElement : null;
    const folded = new Set<HTMLElement>();
    const lay = () => {
      top.classList.toggle('folded', folded.size > 0);
      top.classList.toggle('compact', folded.size === buttons.length);
      toggle.textContent = folded.size === buttons.length ? 'Menu' : 'More';
      toggle.before(...order(buttons.filter(b => !folded.has(b))));
      more.replaceChildren(...order([...folded]));
    };
    const fits = () =>
      top.scrollWidth <= top.clientWidth + 1 && new Set([...nav.children].filter(el => el !== more && el.checkVisibility()).map(el => Math.round(el.getBoundingClientRect().top))).size <= 1;
    const foldFirst = (k: number) => {
      folded.clear();
      for (const action of FOLD_ORDER.slice(0, k)) {
        const b = buttons.find(x => x.dataset.action === action);
        if (b) folded.add(b);
      }
      lay();
    };
    if (getComputedStyle(top).display === 'grid') {
      // Stacked (a phone, a tablet upright): all the buttons beside the date, or none (a few there squeezed the date to three lines).
      foldFirst(0);
      if (!fits()) foldFirst(FOLD_ORDER.length);
    } else {
      // Beside the desk: as many as fit, so long as they cost the board under a line of height (with
      // all nine, the date and the lead's office were squeezed into four lines, a bar 87 px tall at 1366 x 768).
      foldFirst(FOLD_ORDER.length);
      const most = top.getBoundingClientRect().height + parseFloat(getComputedStyle(top).fontSize) * 0.75;
      for (let k = 0; k < FOLD_ORDER.length; k++) {
        foldFirst(k);
        if (fits() && top.getBoundingClientRect().height <= most) break;
        if (k === FOLD_ORDER.length - 1) foldFirst(FOLD_ORDER.length);
      }
    }
    if (!folded.size && this.menuOpen()) this.setMenu(false);
    // Moved, a button loses the focus: given back to it, or to More if it went behind it.
    if (focused && document.activeElement !== focused) (focused.checkVisibility() ? focused : toggle).focus();
  }

  private menuOpen(): boolean {
    return this.el.top.classList.contains('menu-open');
  }

  /** Opens or closes the compact bar's menu (the focus stays on its button, or goes back to it). */
  private setMenu(open: boolean, focusButton = false): void {
    this.el.top.classList.toggle('menu-open', open);
    const button = this.el.top.querySelector<HTMLElement>('.menu-toggle');
    button?.setAttribute('aria-expanded', String(open));
    if (!open && focusButton) button?.focus();
  }

  /** Undo and Branch here… (history mode); a refusal is said in the status line. */
  private historyButtons(): HTMLElement[] {
    const hist = this.deps.history;
    if (!hist) return [];
    const run = async (f: () => Promise<string | null>) => {
      const why = this.busy ? 'the computer is making its move; wait for it to finish' : await f().catch((e: unknown) => `it could not be done: ${e instanceof Error ? e.message : String(e)}`);
      if (!why) return;
      this.notify(`${why[0]!.toUpperCase()}${why.slice(1)}.`);
    };
    const undo = h('button', { type: 'button', class: 'btn small', 'data-action': 'undo-move', title: UNDO_TITLE, onclick: () => void run(hist.undo) }, 'Undo');
    this.markUndo(undo);
    return [
      undo,
      h(
        'button',
        { type: 'button', class: 'btn small', 'data-action': 'branch-here', title: 'Choose again at an earlier moment of this game, in a new branch', onclick: () => void run(hist.branch) },
        'Branch here…',
      ),
    ];
  }

  /**
   * Undo looks disabled, its title saying why, when it would take nothing back. It stays focusable
   * and a press still says why in the status line (aria-disabled, not disabled).
   */
  private markUndo(button: HTMLElement): void {
    const ask = this.deps.history?.undoRefusal;
    if (!ask) return;
    const show = (el: HTMLElement, why: string | null) => {
      el.setAttribute('aria-disabled', String(why !== null));
      // Said before any press: what Undo would do now, not what a press did.
      el.title = why === null ? UNDO_TITLE : `${why.replace(/^nothing taken back: /, 'Undo takes nothing back now: ').replace(/^./, x => x.toUpperCase())}.`;
    };
    const moves = this.moveCount;
    if (this.undoKnown?.moves === moves) {
      show(button, this.undoKnown.why);
      return;
    }
    // Not known yet for this move: neither state until the answer comes.
    button.removeAttribute('aria-disabled');
    button.title = UNDO_TITLE;
    ask().then(
      why => {
        if (this.moveCount !== moves) return;
        this.undoKnown = { moves, why };
        // The bar may have been drawn again meanwhile: mark the button shown now.
        const now = this.el.top.querySelector<HTMLElement>('[data-action=undo-move]');
        if (now) show(now, why);
      },
      () => undefined,
    );
  }

  /** The file chooser behind Load: hidden, it must be no Tab stop of its own. Made once, so a redraw of the bar keeps it. */
  private readonly loadInput: HTMLInputElement = (() => {
    const input = h('input', { type: 'file', accept: '.json,application/json', class: 'visually-hidden', tabindex: '-1', 'aria-hidden': 'true', 'data-action': 'load-input' });
    input.addEventListener('change', () => {
      if (input.files?.[0]) this.deps.loadFromFile(input.files[0]);
      input.value = '';
    });
    return input;
  })();

  private renderPanel(): void {
    const aff = this.m.affordances(this.side);
    const incoming = aff.answerable.length;
    fill(
      this.el.tabs,
      TABS.map(([t, label, key]) =>
        h(
          'button',
          {
            type: 'button',
            role: 'tab',
            id: `tab-${t}`,
            'aria-selected': String(this.tab === t),
            'aria-controls': 'panel',
            'aria-keyshortcuts': this.shortcut(key),
            tabindex: this.tab === t ? '0' : '-1',
            class: 'tab',
            onclick: () => this.showTab(t),
          },
          label,
          t === 'notes' && incoming ? h('span', { class: 'badge', 'aria-label': `${incoming} awaiting an answer` }, String(incoming)) : null,
        ),
      ),
    );
    this.el.panel.setAttribute('aria-labelledby', `tab-${this.tab}`);
    const hooks = {
      changed: () => {
        if (this.sendOrders) this.keepDraft(this.side, true);
        this.renderPanel();
        this.renderTop();
      },
      why: (f: number) => this.why(f),
    };
    const waiting = this.sendOrders === null;
    let body: HTMLElement;
    // A finished game's result (null while it runs, or while a classroom's is on its way).
    const report = aff.view.ended ? this.m.endReport() : null;
    if (this.tab === 'goals') {
      // Open at any time, waiting or not: the outlook is the seat's own view.
      // Once the game is over the Goals tab gives the final score, not a guess at it.
      body = goalsList(goalsModel(this.m.c, this.side, aff.view, undefined, finalScoreOf(report, this.side)));
      // In a classroom game the student at the desk sees their own secret aims here, and only they.
      const cl = this.m.classroom;
      const me = cl ? atDesk(this.m.c, aff.view, cl.seats) : null;
      if (me) body = h('div', null, aimsView(roleBrief(this.m.c, me.role.id), me.player), body);
    } else if (this.tab === 'reports') {
      const news = this.lastNews[this.side];
      const them = this.side === 'britain' ? 'ussr' : 'britain';
      const why = this.m.opponentOf(this.side) === 'human' ? null : reasonsView(sideInText(this.m.c, them), this.m.reasons?.(them) ?? []);
      body = h('div', null, news.length ? reportsView(this.m.c, news, this.side) : h('p', { class: 'empty' }, 'No reports yet this turn.'), this.earlierReports(news), why);
    } else if (aff.view.ended) {
      body = h('div'); // the line "The game is over." above it says all
    } else if (waiting) {
      // A decision still before this seat is open in its dialog; otherwise the seat waits for the other
      // side, as the status line above says while it waits (said once: a minister's desk showed it twice).
      // Only the seat whose move it is decides: a classroom minister waits while the lead decides.
      const mine = !this.busy && this.now?.kind === 'decide' && this.now.seat === this.side;
      const line = mine ? 'Decide the matters before you first.' : this.waitLine();
      // A wait the status line shows is kept current there (the match may have moved on under a dialog).
      if (this.statusWaits && !mine) this.el.status.textContent = line;
      const back = mine && this.reopenDecision;
      body = back
        ? h(
            'div',
            null,
            h('p', { class: 'empty' }, 'A decision is before you, put aside: take it up again when you are ready.'),
            h('button', { type: 'button', class: 'btn primary', 'data-action': 'back-to-decision', onclick: () => this.reopenDecision?.() }, 'Back to the decision'),
          )
        : h('p', { class: 'empty' }, line === this.el.status.textContent ? '' : line);
    } else if (this.tab === 'orders') {
      const held = this.m.held?.();
      body = ordersPanel(this.m.c, aff, this.sel, { ...hooks, send: () => this.sendOrders?.(), held: held ? `Cannot send now: ${held}.` : null });
    } else {
      body = notesPanel(this.m.c, aff, this.sel, this.draft, hooks);
    }
    // Every tab of a finished game leads back to its result: the end report, once closed, had no way back.
    if (report)
      body = h(
        'div',
        null,
        h(
          'div',
          { class: 'game-over' },
          h('p', { class: 'empty' }, 'The game is over.'),
          h('button', { type: 'button', class: 'btn primary', 'data-action': 'see-result', onclick: () => this.showResult() }, 'See the result'),
        ),
        body,
      );
    // Keep the reader's place when the panel is redrawn after a tick: in the panel, or in the part
    // of it that scrolls (the orders list, between its fixed capital line and send bar).
    // A new turn's (or another tab's) panel opens at its top: the place kept is only this turn's.
    const scroller = () => this.el.panel.querySelector<HTMLElement>('[data-scroll]') ?? this.el.panel;
    const place = `${aff.view.turn}|${this.side}|${this.tab}`;
    const scroll = place === this.panelPlace ? scroller().scrollTop : 0;
    this.panelPlace = place;
    const active = document.activeElement as HTMLElement | null;
    const inPanel = !!active && this.el.panel.contains(active);
    const focusId = active?.id;
    const focusTerm = active?.dataset?.term;
    // A button that swaps for its counterpart (add the note / drop the note) hands the focus over.
    const focusAction = active?.dataset?.action;
    const radio = active instanceof HTMLInputElement && active.type === 'radio' ? `input[name="${active.name}"][value="${active.value}"]` : null;
    fill(this.el.panel, body);
    scroller().scrollTop = scroll;
    const again = focusId
      ? document.getElementById(focusId)
      : focusTerm
        ? this.el.panel.querySelector<HTMLElement>(`[data-term="${focusTerm}"]`)
        : radio
          ? this.el.panel.querySelector<HTMLElement>(radio)
          : focusAction
            ? this.el.panel.querySelector<HTMLElement>(`[data-action="${SWAPS[focusAction] ?? focusAction}"]`)
            : null;
    if (again) again.focus();
    // Focus that was in the panel stays in it, never falling to the page.
    else if (inPanel) scroller().focus();
  }

  /**
   * A setting changed in Sound and display: the single-key shortcuts turned on or off (the keys the
   * bar, the tabs and the board offer are said again now, not at the next redraw: the bar went on
   * offering dead keys), or the sound muted (the bar's Sound button says so).
   */
  settingsChanged(): void {
    if (this.destroyed) return;
    this.el.board.setAttribute('aria-label', boardLabel(this.deps.letterKeys?.() !== false));
    this.renderTop();
    this.renderPanel();
  }

  /** A key for aria-keyshortcuts, none while the single-key shortcuts are turned off (a screen reader would offer a dead key). */
  private shortcut(key: string): string | undefined {
    return this.deps.letterKeys?.() === false ? undefined : key;
  }

  private showTab(t: Tab): void {
    this.tab = t;
    this.renderPanel();
    this.el.tabs.querySelector<HTMLElement>(`#tab-${t}`)?.focus();
  }

  // ---- dialogs --------------------------------------------------------------------------------

  private why(fig: number): void {
    if (!this.modalOpen()) this.modal = this.track(whyDialog(this.m.c, this.m.view(this.side), fig));
  }
  private figures(): void {
    if (!this.modalOpen())
      this.modal = this.track(
        figuresDialog(this.m.c, this.m.view(this.side), f => {
          this.modal = null;
          this.why(f);
        }),
      );
  }
  private minister(id: string): void {
    if (!this.modalOpen())
      this.modal = this.track(
        ministerDialog(this.m.c, this.m.view(this.side), id, f => {
          this.modal = null;
          this.why(f);
        }),
      );
  }
  private help(): void {
    if (!this.modalOpen()) this.modal = this.track(helpDialog());
  }

  /**
   * Whether a dialog is open. A dialog closed by Escape is taken out of the page at once, and its
   * 'close' event may never reach the tracker: one no longer in the page is closed.
   */
  private modalOpen(): boolean {
    if (this.modal && !this.modal.el.isConnected) this.modal = null;
    return this.modal !== null;
  }

  /** Forget a dialog once it closes, so the next can open. */
  private track(d: Dialog): Dialog {
    d.el.addEventListener('close', () => {
      if (this.modal === d) this.modal = null;
    });
    return d;
  }

  private toggleCabinet(): void {
    this.cabinetSide = other(this.cabinetSide);
    this.board?.showCabinet(this.cabinetSide);
    this.placeCardKeys();
    this.renderTop();
    this.announce(this.cabinetSide === this.side ? 'The table shows your cabinet.' : "The table shows the other side's cabinet.");
  }

  /** The Title button: to the title at once, or first asked when the game says what leaving means (a class game). */
  private leave(): void {
    const note = this.deps.leaveNote;
    if (!note) {
      this.deps.exit();
      return;
    }
    const d = this.track(
      openDialog(
        { title: 'Leave for the title screen?', className: 'leave-dialog', focus: '[data-action=stay]' },
        h('p', null, note),
        h(
          'div',
          { class: 'dialog-actions' },
          h('button', { type: 'button', class: 'btn', 'data-action': 'stay', onclick: () => d.close() }, 'Stay in the game'),
          h(
            'button',
            {
              type: 'button',
              class: 'btn primary',
              'data-action': 'leave',
              onclick: () => {
                d.close();
                this.deps.exit();
              },
            },
            'Leave',
          ),
        ),
      ),
    );
  }

  /** An error in a dialog titled `title`; its alert is what a screen reader hears (once: no second copy in the live region). */
  showError(text: string, title = 'Something went wrong'): void {
    this.track(openDialog({ title, className: 'error-dialog' }, h('p', { role: 'alert' }, text)));
  }

  private onKey(e: KeyboardEvent): void {
    if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
    if (e.key === 'Escape' && this.menuOpen()) {
      e.preventDefault();
      this.setMenu(false, true);
      return;
    }
    const t = e.target as HTMLElement | null;
    const typing = t && ((t.tagName === 'INPUT' && (t as HTMLInputElement).type === 'text') || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT');
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.sendOrders?.();
      return;
    }
    if (typing || e.ctrlKey || e.metaKey || e.altKey || this.deps.letterKeys?.() === false) return;
    const act: Record<string, () => void> = {
      o: () => this.showTab('orders'),
      n: () => this.showTab('notes'),
      r: () => this.showTab('reports'),
      g: () => this.showTab('goals'),
      w: () => this.figures(),
      c: () => this.toggleCabinet(),
      s: () => this.deps.saveToFile(),
      '?': () => this.help(),
      m: () => {
        this.deps.audio.setMuted(!this.deps.audio.muted());
        this.renderTop();
        this.announce(this.deps.audio.muted() ? 'Sound off.' : 'Sound on.');
      },
    };
    const f = act[e.key.toLowerCase()];
    if (f) {
      e.preventDefault();
      f();
    }
  }

  // ---- sound and announcing -------------------------------------------------------------------

  private cueQueue: Cue[] = [];
  /** Cues of one moment play one after another, not on top of each other. */
  private cue(c: Cue): void {
    this.cueQueue.push(c);
    if (this.cueQueue.length > 1) return;
    const next = () => {
      const head = this.cueQueue[0];
      if (head === undefined) return;
      this.deps.audio.cue(head);
      setTimeout(() => {
        this.cueQueue.shift();
        next();
      }, CUE_GAP_MS);
    };
    next();
  }

  /** The mood follows the seat's view: war danger and relations, both public. */
  private music(): void {
    const v = this.m.view(this.side);
    const wd = seen(v, this.m.c.iTension) ?? 0;
    // The music's moods are the war danger's bands; with relations broken off, a tense time plays as a crisis.
    const band = warDangerBand(wd).name;
    const mood: Mood = band === 'tense' && v.relations === 'ruptured' ? 'crisis' : band;
    this.deps.audio.music(this.side, mood);
  }

  /** The status line's text; `wait`: it says what this seat waits for, kept current as the match moves. */
  private setStatus(text: string, wait = false): void {
    this.el.status.textContent = text;
    this.statusWaits = wait;
  }

  /** A short message in the status line (a save made), said to the screen reader too. */
  notify(text: string): void {
    this.setStatus(text);
    this.announce(text);
  }

  announce(text: string): void {
    // A fresh node each time, so screen readers read repeated messages too.
    this.el.live.replaceChildren(h('p', null, text));
  }
}
