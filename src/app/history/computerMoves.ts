// The computer's moves of a stretch of play, made again from who played each side and the moves
// the people made. Computer players are deterministic given the scenario, the seed, the moves so
// far and their names, so a share code need carry only the people's moves. Two ways the computer
// is asked, as the game asked it:
//   'match'    the match controller's (app/match.ts): each computer seat keeps one dice stream from
//              the game's seed, advanced by every question put to it; a match restored at the
//              stretch's start asks its past moves again (to bring those dice to where they stood),
//              so this is exactly how a branch played in the game screen was made. Asynchronous (the
//              match asks through its transport).
//   'position' the tree's playComputers: a player made afresh for each move (every player kind reads
//              what it knows off the move's view: tests/ai/freshPlayer.test.ts), its dice from the
//              state's seed and the move's index alone. Here any move the players would not have
//              made (a person's, or one put in by hand when a branch was made) is carried with how
//              many of the computer's came before it (`gaps`).
// Either way the caller compares the result with the moves it holds, or checks the end state's hash.

import { AI_VIEW, aiRng, nextMove, playerFor } from '../../ai/index';
import { applyMove, type BySide, compile, err, type GameState, type Injection, type Move, namesNote, ok, type Result, renumberMove, SIDE_LABEL, type Side, seatView } from '../../engine/index';
import type { Scenario } from '../../scenario/schema';
import { Match } from '../match';
import { type Controller, makeAppSave } from '../saveFile';
import { inProcessAi } from '../transport';
import { computerToMove } from './tree';
import { moveKey } from './words';

export type Regime = 'match' | 'position';

/** A stretch to make again: where it starts (the moves before it, the state they lead to), who plays, how long it is. */
export interface Stretch {
  sc: Scenario;
  seed: string;
  before: readonly Move[];
  state: GameState;
  players: BySide<Controller>;
  /** The people's moves of the stretch, in order. */
  people: readonly Move[];
  /** 'position' only: how many computer moves come before each of `people` (since the one before it). */
  gaps?: readonly number[];
  /** Moves in the stretch, the computer's and the people's. */
  total: number;
  /** The teacher's events up to the stretch's start (none falls inside a stretch: see shareCode.ts); the match is restored with them. */
  injected?: readonly Injection[];
  /** The people's moves number notes in one series for both sides (codes and files made before each side numbered its own): renumber each as it is made. */
  renumber?: boolean;
}

/** A person's move as this game numbers notes, in the state it is made in. */
const theirMove = (x: Stretch, s: GameState, m: Move): Result<Move> => (x.renumber && namesNote(m) ? renumberMove(s, m) : ok(m));

/** Which of a stretch's moves are the people's (their seats are played by 'human'). */
export const peopleMoves = (moves: readonly Move[], players: BySide<Controller>): Move[] => moves.filter(m => players[m.side] === 'human');

/** The stretch's moves (computer's and people's together), made again; a refusal names what went wrong. */
export async function computerMoves(x: Stretch, regime: Regime): Promise<Result<Move[]>> {
  return regime === 'match' ? byMatch(x) : byPosition(x);
}

function byPosition(x: Stretch): Result<Move[]> {
  const c = compile(x.sc);
  let s = x.state;
  const out: Move[] = [];
  let i = 0;
  let made = 0;
  while (out.length < x.total) {
    if (s.ended) return err(`the game ends after ${out.length} of the stretch’s ${x.total} moves`);
    const side = computerToMove(s, x.players);
    const due = x.gaps ? x.gaps[i] === made : side === null;
    let m: Move | null;
    if (!due) {
      if (side === null) return err(`no computer is to move at move ${x.before.length + out.length + 1}`);
      m = askComputer(c, x, s, side, out.length);
      if (!m) return err(`the computer for ${SIDE_LABEL[side]} had no move to make`);
      made++;
    } else {
      const p = x.people[i++];
      made = 0;
      if (!p) return err('the people’s moves run out before the stretch ends');
      const t = theirMove(x, s, p);
      if (!t.ok) return err(`move ${x.before.length + out.length + 1} is illegal: ${t.error}`);
      m = t.value;
    }
    const r = applyMove(x.sc, s, m);
    if (!r.ok) return err(`move ${x.before.length + out.length + 1} is illegal: ${r.error}`);
    s = r.value;
    out.push(m);
  }
  if (i !== x.people.length) return err(`${x.people.length - i} of the people’s moves are left over`);
  return ok(out);
}

/** The computer's move at `side`, as the tree's playComputers asks it (k: the move's index in the stretch). */
const askComputer = (c: ReturnType<typeof compile>, x: Stretch, s: GameState, side: Side, k: number): Move | null =>
  nextMove(c, seatView(c, s, side, AI_VIEW), playerFor(x.players[side], x.sc, side), aiRng(`${s.seed}@${x.before.length + k}`, side));

/**
 * For the 'position' regime: the stretch's moves the players would not have made, each with how
 * many of theirs came before it; null if the stretch does not replay.
 */
export function positionOverrides(x: Omit<Stretch, 'people' | 'gaps' | 'total'>, want: readonly Move[]): { people: Move[]; gaps: number[] } | null {
  const c = compile(x.sc);
  let s = x.state;
  const people: Move[] = [];
  const gaps: number[] = [];
  let made = 0;
  for (const [k, m] of want.entries()) {
    const side = computerToMove(s, x.players);
    const theirs = side !== null ? askComputer(c, { ...x, people: [], total: 0 }, s, side, k) : null;
    if (theirs && moveKey(theirs) === moveKey(m)) made++;
    else {
      people.push(m);
      gaps.push(made);
      made = 0;
    }
    const r = applyMove(x.sc, s, m);
    if (!r.ok) return null;
    s = r.value;
  }
  return { people, gaps };
}

async function byMatch(x: Stretch): Promise<Result<Move[]>> {
  const save = makeAppSave(x.sc, x.seed, x.before, x.state, x.players, x.injected ?? []);
  const r = await Match.restore(x.sc, save, { ai: inProcessAi });
  if (!r.ok) return r;
  const m = r.value;
  try {
    const end = x.before.length + x.total;
    let i = 0;
    for (;;) {
      const a = await m.advance();
      if (!a.ok) return a;
      if (m.moves.length >= end) break;
      const p = x.people[i++];
      if (!p)
        return err(m.next().kind === 'ended' ? `the game ends after ${m.moves.length - x.before.length} of the stretch’s ${x.total} moves` : 'the people’s moves run out before the stretch ends');
      const t = m.inspect(s => theirMove(x, s, p));
      if (!t.ok) return err(`move ${m.moves.length + 1} is illegal: ${t.error}`);
      const s = m.submit(p.side, t.value);
      if (!s.ok) return err(`move ${m.moves.length + 1} is illegal: ${s.error}`);
      if (m.moves.length >= end) break;
    }
    if (i !== x.people.length) return err(`${x.people.length - i} of the people’s moves are left over`);
    // The computers may run on past the stretch's end (its last moves were theirs): the rest is not the stretch's.
    return ok(m.moves.slice(x.before.length, end));
  } finally {
    m.dispose();
  }
}
