// One game as the browser plays it: the scenario, who controls each side, the move log and the
// current state. It checks every move with the engine, says whose turn it is on the screen, and
// makes and restores save files. Pure: no DOM, no storage, no clock, so Node tests drive it.
import {
  applyMove, compile, createGame, legalActions, loadSave, makeSave, SIDES, err, ok,
  type BySide, type LegalAction, type CEvent, type Compiled, type GameState, type Move, type Result, type Save, type Side,
} from '../engine/index';
import { PLAYER_KINDS, type PlayerKind } from '../ai/index';
import type { Scenario } from '../scenario/schema';

/** Who plays a side: a person at this screen, or a computer player. */
export type Controller = 'human' | PlayerKind;
export const CONTROLLERS: readonly Controller[] = ['human', ...PLAYER_KINDS];

export interface GameSetup { scenario: string; seed: string; sides: BySide<Controller> }

/** A save file: the engine's save (scenario, version, seed, moves, final hash) and who played which side. */
export interface AppSave extends Save { app: { sides: BySide<Controller> } }

/** What a person must do next: a decision or the turn's orders, for one side. */
export interface Prompt { side: Side; kind: 'decide' | 'orders' }

/** 32-bit FNV-1a of a string. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The order a decision's options are shown in: shuffled by the seed and the event, so that the
 * scenario's order (which may put the historical option first) tells the player nothing.
 */
export function optionOrder(seed: string, ev: CEvent): number[] {
  const key = (id: string) => fnv(`${seed}/${ev.id}/${id}`);
  return ev.decision!.options.map((o, j) => ({ j, k: key(o.id) })).sort((a, b) => a.k - b.k).map(x => x.j);
}

export class GameSession {
  readonly c: Compiled;
  state: GameState;
  moves: Move[] = [];

  constructor(readonly sc: Scenario, readonly setup: GameSetup) {
    if (setup.scenario !== sc.id) throw new Error(`setup is for scenario ${setup.scenario}, not ${sc.id}`);
    this.c = compile(sc);
    this.state = createGame(sc, setup.seed);
  }

  /** The sides people play, Britain first. */
  get humans(): Side[] { return SIDES.filter(s => this.setup.sides[s] === 'human'); }
  get computers(): Side[] { return SIDES.filter(s => this.setup.sides[s] !== 'human'); }

  /** Apply a move if the engine accepts it. */
  apply(m: Move): Result<GameState> {
    const r = applyMove(this.sc, this.state, m);
    if (!r.ok) return r;
    this.state = r.value;
    this.moves.push(m);
    return r;
  }

  private legalCache: { state: GameState; side: Side; legal: LegalAction[] } | null = null;
  /** The engine's legal actions for a side in the current state (asked often by the screen, so kept). */
  legalFor(side: Side): LegalAction[] {
    const hit = this.legalCache;
    if (hit && hit.state === this.state && hit.side === side) return hit.legal;
    const legal = legalActions(this.c, this.state, side);
    this.legalCache = { state: this.state, side, legal };
    return legal;
  }

  /** Whether the computer has something to do now. */
  computerToMove(): boolean {
    if (this.state.ended) return false;
    return this.computers.some(s => this.state.pending[s].length > 0 || this.state.orders[s] === null);
  }

  /**
   * What a person must do next, or null (game over, or waiting on the computer). Britain's player
   * goes first in a turn when two people share the screen; each finishes decisions, then orders.
   */
  prompt(): Prompt | null {
    if (this.state.ended) return null;
    for (const side of this.humans) {
      if (this.state.pending[side].length) return { side, kind: 'decide' };
      if (this.state.orders[side] === null) return { side, kind: 'orders' };
    }
    return null;
  }

  /** The event a side must decide now. */
  pendingEvent(side: Side): CEvent | null {
    const i = this.state.pending[side][0];
    return i === undefined ? null : this.c.events[i]!;
  }

  optionOrder(ev: CEvent): number[] { return optionOrder(this.setup.seed, ev); }

  save(): AppSave {
    return { ...makeSave(this.sc, this.setup.seed, this.moves, this.state), app: { sides: { ...this.setup.sides } } };
  }

  /** A session from a save file, replayed and checked; a foreign, altered or broken save is refused with the reason. */
  static restore(sc: Scenario, data: unknown): Result<GameSession> {
    const r = loadSave(sc, data);
    if (!r.ok) return r;
    const sides = readSides((data as { app?: { sides?: unknown } }).app?.sides);
    if (!sides.ok) return sides;
    const s = new GameSession(sc, { scenario: sc.id, seed: r.value.save.seed, sides: sides.value });
    s.state = r.value.state;
    s.moves = [...r.value.save.moves];
    return ok(s);
  }
}

/** Who played which side, from a save; a save made by the terminal game has none, so the player is Britain against the persona. */
function readSides(x: unknown): Result<BySide<Controller>> {
  if (x === undefined) return ok({ britain: 'human', ussr: 'persona' });
  const o = x as Record<string, unknown>;
  if (typeof x !== 'object' || x === null) return err('the save says nothing sensible about who played which side');
  for (const side of SIDES) {
    if (!CONTROLLERS.includes(o[side] as Controller)) return err(`the save names an unknown player for ${side}: ${JSON.stringify(o[side])}`);
  }
  return ok({ britain: o.britain as Controller, ussr: o.ussr as Controller });
}

/** The scenario id a parsed save file is for, or an error saying why it is not a save. */
export function saveScenario(data: unknown): Result<string> {
  if (typeof data !== 'object' || data === null) return err('not a save file: expected a JSON object');
  const id = (data as { scenario?: unknown }).scenario;
  return typeof id === 'string' ? ok(id) : err('not a save file of this game: it names no scenario');
}
