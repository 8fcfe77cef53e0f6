// A recorded game replayed for watching: the historical path (both sides played by the historical
// players from the seed that reproduces history), or any game's save. Like the match, it is the
// authority over the states it replays and hands out only seat views: the watch screen, the
// knowledge-gap replay and the branch dialog are all built from what each side could see at each
// position. A position is the number of moves applied (0 is the opening, before anyone has moved).

import { historicalBaseline } from '../../ai/baseline';
import { historicalPlayer } from '../../ai/historical';
import { runGame } from '../../ai/player';
import {
  applyMove,
  type BySide,
  type Compiled,
  closedBy,
  compile,
  createGame,
  err,
  type GameState,
  type Injection,
  injectEvent,
  type Move,
  ok,
  type Result,
  type SeatView,
  type Side,
  seatView,
  unopenedGame,
} from '../../engine/index';
import type { Scenario } from '../../scenario/schema';
import { type AppSave, type Controller, makeAppSave } from '../saveFile';

/** Where a recording came from: history itself, or a game someone played. */
export type Origin =
  | { kind: 'history'; reproduced: boolean }
  | { kind: 'game'; sides: BySide<Controller> }
  /** A branch of the history tree, by its id and name; `playable` is false when its dice were re-rolled (no save can hold it). */
  | { kind: 'branch'; node: string; title: string; playable: boolean };

export class Recording {
  readonly c: Compiled;
  /** States after 0, 1, ... moves: kept here, never handed out. */
  private readonly states: GameState[];
  private readonly views = new Map<string, SeatView>();

  private constructor(
    readonly sc: Scenario,
    readonly seed: string,
    readonly moves: readonly Move[],
    states: GameState[],
    readonly origin: Origin,
    /** The teacher's injected events (a classroom game's), each where it fell: its state is part of the position. */
    readonly injected: readonly Injection[] = [],
  ) {
    this.c = compile(sc);
    this.states = states;
  }

  /** History: the historical players on both sides, from the seed whose game reproduces every recorded outcome. */
  static history(sc: Scenario): Recording {
    const base = historicalBaseline(sc);
    const run = runGame(sc, createGame(sc, base.seed), { britain: historicalPlayer, ussr: historicalPlayer });
    const r = Recording.replay(sc, base.seed, run.moves, { kind: 'history', reproduced: base.reproduced });
    if (!r.ok) throw new Error(`the historical path does not replay: ${r.error}`);
    return r.value;
  }

  /**
   * Any game: its seed and moves, with the teacher's events where they fell, replayed; a move or
   * an injection the engine refuses is reported with its number.
   */
  static replay(sc: Scenario, seed: string, moves: readonly Move[], origin: Origin, injected: readonly Injection[] = []): Result<Recording> {
    const given = (s: GameState, k: number): Result<GameState> => {
      let out = s;
      for (const x of injected.filter(y => y.at === k)) {
        const r = injectEvent(sc, out, x.event);
        if (!r.ok) return err(`the teacher's introduction of "${x.event}" after move ${k} is refused: ${r.error}`);
        out = r.value;
      }
      return ok(out);
    };
    const first = given(createGame(sc, seed), 0);
    if (!first.ok) return first;
    let s = first.value;
    const states = [s];
    for (const [k, m] of moves.entries()) {
      const r = applyMove(sc, s, m);
      if (!r.ok) return err(`move ${k + 1} is refused: ${r.error}`);
      const g = given(r.value, k + 1);
      if (!g.ok) return g;
      s = g.value;
      states.push(s);
    }
    return ok(new Recording(sc, seed, [...moves], states, origin, injected));
  }

  /** A recording of states already built (a branch of the history tree rebuilds its own). */
  static of(sc: Scenario, seed: string, moves: readonly Move[], states: GameState[], origin: Origin, injected: readonly Injection[] = []): Recording {
    if (states.length !== moves.length + 1) throw new Error(`a recording needs one state per position: ${states.length} for ${moves.length} moves`);
    return new Recording(sc, seed, [...moves], states, origin, injected);
  }

  /**
   * The recording up to the start of its open turn: a game still in play without the moves of the
   * turn not yet resolved (sealed orders, decisions taken in it), which no watch may show. A game
   * that is over, or whose last move resolved its turn, is returned whole.
   */
  resolved(): Recording {
    const last = this.states[this.end]!;
    if (last.ended) return this;
    let cut = this.end;
    while (cut > 0 && this.states[cut - 1]!.turn === last.turn) cut--;
    if (cut === this.end) return this;
    return new Recording(
      this.sc,
      this.seed,
      this.moves.slice(0, cut),
      this.states.slice(0, cut + 1),
      this.origin,
      this.injected.filter(x => x.at <= cut),
    );
  }

  /** The last position (every move applied). */
  get end(): number {
    return this.moves.length;
  }

  /** The turn being played at a position. */
  turnAt(pos: number): number {
    return this.states[pos]!.turn;
  }

  /** Whether the game had ended at a position. */
  endedAt(pos: number): boolean {
    return this.states[pos]!.ended !== null;
  }

  /**
   * What `side` could see at a position. With `ledger` (the why list: heavier, built on demand)
   * or without it (the news, figures and decisions, enough for the timeline).
   */
  view(pos: number, side: Side, ledger = false): SeatView {
    const key = `${pos}|${side}|${ledger ? 1 : 0}`;
    let v = this.views.get(key);
    if (!v) {
      v = seatView(this.c, this.states[pos]!, side, { ledger });
      // The lighter views are kept (the timeline reads each once or twice); ledger views are not.
      if (!ledger) this.views.set(key, v);
    }
    return v;
  }

  /**
   * What `side` could see at a position as the turn the move into it completed closed, before the
   * next turn opened (its capital, its notes delivered, its events fired); at 0, before the first turn
   * opened. A turn's own figures run from one such position to the next: the watch's "moved" column.
   * Where the move into `pos` completed no turn (or ended the game), the position's own view.
   */
  closedView(pos: number, side: Side): SeatView {
    const key = `${pos}|${side}|closed`;
    let v = this.views.get(key);
    if (!v) {
      const before = pos > 0 ? this.states[pos - 1]! : null;
      const at = this.states[pos]!;
      const s = !before ? unopenedGame(this.sc, this.seed) : at.turn !== before.turn && !at.ended ? closedBy(this.sc, before, this.moves[pos - 1]!) : at;
      v = seatView(this.c, s, side, { ledger: false });
      this.views.set(key, v);
    }
    return v;
  }

  /** A save of the game up to a position, with who plays each side from there: how a branch starts. */
  saveAt(pos: number, sides: BySide<Controller>): AppSave {
    return makeAppSave(
      this.sc,
      this.seed,
      this.moves.slice(0, pos),
      this.states[pos]!,
      sides,
      this.injected.filter(x => x.at <= pos),
    );
  }
}
