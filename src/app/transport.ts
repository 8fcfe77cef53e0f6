// How the match asks its computer players for a move. A request carries one seat's view (asked for
// as AI_VIEW) and that player's dice; the answer is the move and the dice after it. The player never
// sees the game state or the move log. In Node and tests it runs in this process; in the browser in a
// Web Worker (ai.worker.ts), which is sent the validated scenario once, so the page never freezes.

import { nextMove, type Player, type PlayerName, playerFor, type Reasons } from '../ai/index';
import { type BySide, type Compiled, compile, err, type Move, ok, type Result, type RngState, type SeatView, type Side } from '../engine/index';
import { openRng } from '../engine/rng';
import type { Scenario } from '../scenario/schema';

export interface AiAnswer {
  move: Move | null;
  rng: RngState;
  /** The player's reasons for the move, if it gives any (the match decides who may read them). */
  why?: Reasons;
}

export interface AiTransport {
  /** The move of the computer player for the view's seat, and its dice after it. */
  ask(view: SeatView, rng: RngState): Promise<Result<AiAnswer>>;
  dispose(): void;
}

/** Which computer player sits at each seat it plays. */
export type AiSeats = Partial<BySide<PlayerName>>;

export type AiTransportFactory = (sc: Scenario, seats: AiSeats) => AiTransport;

/** The players themselves, wherever they run: the same code behind both transports. */
export class AiPlayers {
  private readonly c: Compiled;
  private readonly players: Partial<Record<Side, Player>> = {};
  constructor(sc: Scenario, seats: AiSeats) {
    this.c = compile(sc);
    for (const [side, name] of Object.entries(seats) as [Side, PlayerName][]) this.players[side] = playerFor(name, sc, side);
  }
  ask(view: SeatView, state: RngState): Result<AiAnswer> {
    const p = this.players[view.side];
    if (!p) return err(`no computer player sits at ${view.side}`);
    const rng = openRng(state);
    const move = nextMove(this.c, view, p, rng);
    const why = move ? p.why?.() : undefined;
    return ok(why ? { move, rng: rng.state(), why } : { move, rng: rng.state() });
  }
}

export const inProcessAi: AiTransportFactory = (sc, seats) => {
  const players = new AiPlayers(sc, seats);
  return { ask: (view, rng) => Promise.resolve(players.ask(view, rng)), dispose: () => {} };
};

export type WorkerRequest = { type: 'init'; scenario: Scenario; seats: AiSeats } | { type: 'ask'; id: number; view: SeatView; rng: RngState };
export type WorkerResponse = { id: number; ok: true; answer: AiAnswer } | { id: number; ok: false; error: string };

/** The browser's transport: the players run in a Web Worker. */
export const workerAi: AiTransportFactory = (sc, seats) => {
  const worker = new Worker(new URL('./ai.worker.ts', import.meta.url), { type: 'module' });
  let next = 1;
  const waiting = new Map<number, (r: Result<AiAnswer>) => void>();
  worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
    // Marks for the browser tests and profilers: the page must stay responsive between them. The
    // end mark comes first, so applying and drawing the answer count as the page's, not the worker's.
    performance.mark('ai-think-end');
    const r = e.data;
    const done = waiting.get(r.id);
    waiting.delete(r.id);
    done?.(r.ok ? ok(r.answer) : err(r.error));
  };
  worker.onerror = e => {
    for (const done of waiting.values()) done(err(`the computer player failed: ${e.message}`));
    waiting.clear();
  };
  const post = (m: WorkerRequest) => worker.postMessage(m);
  post({ type: 'init', scenario: sc, seats });
  return {
    ask: (view, rng) =>
      new Promise(resolve => {
        const id = next++;
        waiting.set(id, resolve);
        performance.mark('ai-think-start');
        post({ type: 'ask', id, view, rng });
      }),
    dispose: () => worker.terminate(),
  };
};
