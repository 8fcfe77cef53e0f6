// A group's hand-in: the one save file (saveFile.ts) with the classroom's part added under `app`:
// the group's name and who played which role. A finished or unfinished group game is handed in
// as such a file; loading it replays every move (so it is scored by the engine, not by anything
// the file claims) and refuses a file that is not a save, is for another scenario or a later
// version, has been altered, or names roles or players that make no sense, each with the reason;
// one of an earlier version is taken, with a notice, only if its moves still replay (readSave).

import { type BySide, compile, err, type GameState, type Injection, type Move, ok, type Result } from '../engine/index';
import type { Scenario } from '../scenario/schema';
import { type AppSave, type Controller, makeAppSave, readSave } from './saveFile';

/** A student at a role: the role's id in the scenario and the name the student gave. */
export interface SeatHolder {
  role: string;
  player: string;
}

/** A save with the classroom's part: the group and its seats (both absent in an ordinary save). */
export interface HandIn extends AppSave {
  app: AppSave['app'] & { group?: string; seats?: SeatHolder[] };
}

/** The longest group or player name a hand-in may carry (it is printed on the debrief's cover). */
export const NAME_MAX = 60;

export function makeHandIn(
  sc: Scenario,
  seed: string,
  moves: readonly Move[],
  final: GameState,
  sides: BySide<Controller>,
  group: string,
  seats: readonly SeatHolder[],
  injected: readonly Injection[] = [],
): HandIn {
  const save = makeAppSave(sc, seed, moves, final, sides, injected);
  return { ...save, app: { ...save.app, group, seats: seats.map(x => ({ role: x.role, player: x.player })) } };
}

export interface ReadHandIn {
  save: HandIn;
  state: GameState;
  group: string;
  seats: SeatHolder[];
  /** Said when the hand-in was made with an earlier scenario version and replayed under this one's rules (readSave). */
  notice?: string;
}

const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** Why a name is not fit to print, or null. */
function badName(x: unknown, what: string): string | null {
  if (typeof x !== 'string') return `${what} must be text`;
  if (x.trim() === '') return `${what} is empty`;
  if (x.length > NAME_MAX) return `${what} is longer than ${NAME_MAX} characters`;
  if (CONTROL.test(x)) return `${what} holds a control character`;
  return null;
}

/** A classroom game's group and seats. */
export interface ClassSeats {
  group: string;
  seats: SeatHolder[];
}

/**
 * The group and seats a parsed save file carries (an ordinary save has none: empty), checked against
 * the scenario's roles; refused with the reason when they make no sense.
 */
export function readSeats(sc: Scenario, data: unknown): Result<ClassSeats> {
  const app = (typeof data === 'object' && data !== null ? (data as { app?: { group?: unknown; seats?: unknown } }).app : undefined) ?? {};
  const group = app.group ?? '';
  if (group !== '') {
    const bad = badName(group, 'the group name');
    if (bad) return err(bad);
  }
  const c = compile(sc);
  const seats: SeatHolder[] = [];
  if (app.seats !== undefined) {
    if (!Array.isArray(app.seats)) return err('the seats must be a list of roles and players');
    for (const [k, x] of (app.seats as unknown[]).entries()) {
      if (typeof x !== 'object' || x === null) return err(`seat ${k + 1} must name a role and a player`);
      const { role, player } = x as { role?: unknown; player?: unknown };
      if (typeof role !== 'string' || !c.roleIndex.has(role)) return err(`seat ${k + 1} names no role of scenario "${sc.id}": ${JSON.stringify(role)}`);
      if (seats.some(s => s.role === role)) return err(`the role "${role}" is given to two players`);
      const bad = badName(player, `the player at "${role}"`);
      if (bad) return err(bad);
      seats.push({ role, player: player as string });
    }
  }
  return ok({ group: group as string, seats });
}

/** Check a parsed hand-in (or any save of this game) against a scenario, and replay it. */
export function readHandIn(sc: Scenario, data: unknown): Result<ReadHandIn> {
  const r = readSave(sc, data);
  if (!r.ok) return r;
  const cs = readSeats(sc, data);
  if (!cs.ok) return cs;
  const { group, seats } = cs.value;
  const out: ReadHandIn = { save: { ...r.value.save, app: { ...r.value.save.app, group, seats } }, state: r.value.state, group, seats };
  if (r.value.notice) out.notice = r.value.notice;
  return ok(out);
}
