// The computer's side of a game: its own copy of the state, its players and their random streams.
// It follows the move log the screen sends and answers with every move the computer can make now.
// The browser runs it in a Web Worker (ai.worker.ts) so the page never freezes; tests run it inline.
import { applyMove, compile, createGame, err, ok, SIDES, type Compiled, type GameState, type Move, type Result, type Rng, type Side } from '../engine/index';
import { aiRng, makePlayer, nextMove, toMove, AI_VIEW, type Player } from '../ai/index';
import { seatView } from '../engine/index';
import type { Scenario } from '../scenario/schema';
import type { GameSetup } from './session';

export class AiCore {
  private readonly c: Compiled;
  private state: GameState;
  private readonly log: Move[] = [];
  private readonly players = new Map<Side, { player: Player; rng: Rng }>();

  constructor(private readonly sc: Scenario, setup: GameSetup) {
    this.c = compile(sc);
    this.state = createGame(sc, setup.seed);
    for (const side of SIDES) {
      const kind = setup.sides[side];
      if (kind !== 'human') this.players.set(side, { player: makePlayer(kind, sc, side), rng: aiRng(setup.seed, side) });
    }
  }

  /**
   * Catch up with the game's move log (it must extend the one seen so far), then make every move
   * the computer can. A computer move in the log (a game being restored) advances that player's
   * random stream exactly as when it was first made, so a reloaded game goes on identically.
   */
  think(moves: readonly Move[]): Result<Move[]> {
    if (moves.length < this.log.length) return err(`the game's log (${moves.length} moves) is behind the computer's (${this.log.length})`);
    for (let k = this.log.length; k < moves.length; k++) {
      const m = moves[k]!;
      const ai = this.players.get(m.side);
      if (ai) nextMove(this.c, seatView(this.c, this.state, m.side, AI_VIEW), ai.player, ai.rng);
      const r = this.step(m);
      if (!r.ok) return err(`move ${k + 1} does not apply: ${r.error}`);
    }
    const made: Move[] = [];
    for (let guard = 0; guard < 10_000 && !this.state.ended; guard++) {
      let moved = false;
      for (const [side, ai] of this.players) {
        if (!toMove(this.state, side)) continue;
        const m = nextMove(this.c, seatView(this.c, this.state, side, AI_VIEW), ai.player, ai.rng)!;
        const r = this.step(m);
        if (!r.ok) return err(`the computer player (${ai.player.kind}) made an illegal move: ${r.error}`);
        made.push(m);
        moved = true;
        break;
      }
      if (!moved) break;
    }
    return ok(made);
  }

  private step(m: Move): Result<GameState> {
    const r = applyMove(this.sc, this.state, m);
    if (r.ok) { this.state = r.value; this.log.push(m); }
    return r;
  }
}
