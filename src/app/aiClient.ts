// How the screen asks the computer for its moves: through a Web Worker in the browser, or inline
// where there is no Worker. Either way the answer is the same list of moves.
import type { Move, Result } from '../engine/index';
import type { Scenario } from '../scenario/schema';
import { AiCore } from './aiCore';
import type { GameSetup } from './session';

export type AiRequest = { type: 'init'; scenario: Scenario; setup: GameSetup } | { type: 'think'; id: number; moves: Move[] };
export type AiResponse = { id: number; ok: true; moves: Move[] } | { id: number; ok: false; error: string };

export interface AiClient {
  /** The computer's moves after this move log. */
  think(moves: readonly Move[]): Promise<Result<Move[]>>;
  dispose(): void;
}

export class WorkerAiClient implements AiClient {
  private readonly worker: Worker;
  private next = 1;
  private readonly waiting = new Map<number, (r: Result<Move[]>) => void>();

  constructor(sc: Scenario, setup: GameSetup) {
    this.worker = new Worker(new URL('./ai.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<AiResponse>) => {
      const r = e.data;
      const done = this.waiting.get(r.id);
      this.waiting.delete(r.id);
      done?.(r.ok ? { ok: true, value: r.moves } : { ok: false, error: r.error });
    };
    this.worker.onerror = e => {
      for (const done of this.waiting.values()) done({ ok: false, error: `the computer player failed: ${e.message}` });
      this.waiting.clear();
    };
    this.post({ type: 'init', scenario: sc, setup });
  }

  private post(m: AiRequest): void { this.worker.postMessage(m); }

  think(moves: readonly Move[]): Promise<Result<Move[]>> {
    const id = this.next++;
    return new Promise(resolve => {
      this.waiting.set(id, resolve);
      this.post({ type: 'think', id, moves: [...moves] });
    });
  }

  dispose(): void { this.worker.terminate(); }
}

export class InlineAiClient implements AiClient {
  private readonly core: AiCore;
  constructor(sc: Scenario, setup: GameSetup) { this.core = new AiCore(sc, setup); }
  think(moves: readonly Move[]): Promise<Result<Move[]>> { return Promise.resolve(this.core.think(moves)); }
  dispose(): void {}
}
