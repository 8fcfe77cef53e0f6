// Running the explorer: in this process (chunk by chunk, yielding between chunks so a page or a
// terminal stays live, with progress and cancel), or across a pool of workers (Web Workers in the
// browser, worker_threads in Node: the same protocol, the same code in the worker). The work is cut
// into chunks of continuation indices handed to whichever worker is free; results are put back in
// index order, so the split never changes the distribution.

import { err, type GameState, ok, type Result } from '../../engine/index';
import type { Scenario } from '../../scenario/schema';
import { checkSpec, distribution, runContinuations } from './explore';
import { replayLine } from './line';
import { mergePacked, type PackedSummaries, packSummaries } from './packSummaries';
import type { Distribution, ExploreProgress, ExploreSpec, Line } from './types';

/** The error text of an exploration stopped by its caller. */
export const EXPLORE_CANCELLED = 'the exploration was cancelled';

export type ToWorker =
  /** A new exploration; `scenario` is left out when the worker already holds the same one. */
  { type: 'job'; job: number; scenario?: Scenario; line: Line; spec: ExploreSpec } | { type: 'chunk'; job: number; id: number; from: number; to: number };
/** A chunk's summaries come back packed (packSummaries.ts): post them with `transferList`, so the buffer moves rather than being copied. */
export type FromWorker = { type: 'done'; job: number; id: number; packed: PackedSummaries } | { type: 'error'; job: number; id: number; message: string };

/** What a worker hands over with an answer instead of copying it: the packed summaries' buffer. */
export const transferList = (msg: FromWorker): ArrayBuffer[] => (msg.type === 'done' ? [msg.packed.data.buffer as ArrayBuffer] : []);

/** A worker as the pool sees it, whichever kind it is. */
export interface WorkerPort {
  post(msg: ToWorker): void;
  /** Set the one handler of its answers (a later call replaces it). */
  onMessage(f: (msg: FromWorker) => void): void;
  /** Set the one handler of its failure (a later call replaces it). */
  onError(f: (message: string) => void): void;
  terminate(): void;
}

/**
 * The worker's side of the protocol: keeps the current job (scenario, line, spec, and the line's
 * end state, replayed once) and answers each chunk. Both worker entry files call this.
 */
export function workerHandler(): (msg: ToWorker) => FromWorker | null {
  let job: { id: number; scenario: Scenario; line: Line; spec: ExploreSpec; start: GameState | null } | null = null;
  let scenario: Scenario | null = null;
  return msg => {
    if (msg.type === 'job') {
      scenario = msg.scenario ?? scenario;
      if (!scenario) return { type: 'error', job: msg.job, id: -1, message: 'the worker was given no scenario' };
      job = { id: msg.job, scenario, line: msg.line, spec: msg.spec, start: null };
      return null;
    }
    if (!job || job.id !== msg.job) return { type: 'error', job: msg.job, id: msg.id, message: 'the worker was not given this exploration' };
    try {
      if (!job.start) {
        const r = replayLine(job.scenario, job.line, { record: false });
        if (!r.ok) return { type: 'error', job: msg.job, id: msg.id, message: `the starting point does not replay: ${r.error}` };
        job.start = r.value;
      }
      return { type: 'done', job: msg.job, id: msg.id, packed: packSummaries(runContinuations(job.scenario, job.line, job.spec, msg.from, msg.to, job.start)) };
    } catch (e) {
      return { type: 'error', job: msg.job, id: msg.id, message: e instanceof Error ? e.message : String(e) };
    }
  };
}

export interface ExploreOptions {
  /** Run across this pool's workers; without one, in this process. */
  pool?: ExplorePool;
  onProgress?: ExploreProgress;
  signal?: AbortSignal;
  /** The line's end state if the caller holds it (in-process runs then skip the replay). */
  start?: GameState;
  /** Continuations per chunk (default: about eight chunks per worker, 25 to 500). */
  chunk?: number;
}

const chunkSize = (games: number, workers: number, asked?: number) => asked ?? Math.max(25, Math.min(500, Math.ceil(games / (workers * 8))));

/**
 * N continuations of a line and their distribution. Resolves with a refusal for a bad spec, a line
 * that does not replay, a worker's failure, or EXPLORE_CANCELLED once the signal aborts.
 */
export async function explore(sc: Scenario, line: Line, spec: ExploreSpec, opts: ExploreOptions = {}): Promise<Result<Distribution>> {
  const bad = checkSpec(spec);
  if (bad) return err(bad);
  const r = opts.start ? ok(opts.start) : replayLine(sc, line, { record: false });
  if (!r.ok) return err(`the starting point does not replay: ${r.error}`);
  const start = r.value;
  const games = opts.pool ? await opts.pool.run(sc, line, spec, opts) : await inProcess(sc, line, spec, start, opts);
  if (!games.ok) return games;
  return ok(distribution(sc, line, spec, games.value, start));
}

async function inProcess(sc: Scenario, line: Line, spec: ExploreSpec, start: GameState, opts: ExploreOptions): Promise<Result<PackedSummaries>> {
  const size = chunkSize(spec.games, 1, opts.chunk);
  const out: PackedSummaries[] = [];
  let games = 0;
  for (let from = 0; from < spec.games; from += size) {
    if (opts.signal?.aborted) return err(EXPLORE_CANCELLED);
    try {
      const to = Math.min(spec.games, from + size);
      out.push(packSummaries(runContinuations(sc, line, spec, from, to, start)));
      games += to - from;
    } catch (e) {
      return err(e instanceof Error ? e.message : String(e));
    }
    opts.onProgress?.(games, spec.games);
    // Let the page draw and the caller cancel between chunks.
    await new Promise(res => setTimeout(res, 0));
  }
  return ok(mergePacked(out));
}

/** A set of workers that explorations share; one exploration at a time (a new one cancels none: callers wait or cancel). */
export class ExplorePool {
  private job = 0;
  private busy = false;
  /** The scenario each worker holds (sent once, as it is large). */
  private readonly holds = new Map<WorkerPort, Scenario>();
  constructor(private readonly ports: readonly WorkerPort[]) {
    if (ports.length === 0) throw new Error('an explorer pool needs at least one worker');
  }
  get size(): number {
    return this.ports.length;
  }

  run(sc: Scenario, line: Line, spec: ExploreSpec, opts: ExploreOptions = {}): Promise<Result<PackedSummaries>> {
    if (this.busy) return Promise.resolve(err('the explorer is already running: cancel it or wait for it'));
    this.busy = true;
    const job = ++this.job;
    const size = chunkSize(spec.games, this.ports.length, opts.chunk);
    const chunks: { id: number; from: number; to: number }[] = [];
    for (let from = 0, id = 0; from < spec.games; from += size, id++) chunks.push({ id, from, to: Math.min(spec.games, from + size) });
    // Each chunk's summaries as the worker packed them, kept packed: the distribution reads them so.
    const results: PackedSummaries[] = [];
    let next = 0,
      done = 0,
      games = 0;
    return new Promise(resolve => {
      let finished = false;
      const finish = (r: Result<PackedSummaries>) => {
        if (finished) return;
        finished = true;
        this.busy = false;
        opts.signal?.removeEventListener('abort', onAbort);
        resolve(r);
      };
      const onAbort = () => finish(err(EXPLORE_CANCELLED));
      if (opts.signal?.aborted) return finish(err(EXPLORE_CANCELLED));
      opts.signal?.addEventListener('abort', onAbort);
      const feed = (port: WorkerPort) => {
        if (finished || next >= chunks.length) return;
        const ch = chunks[next++]!;
        port.post({ type: 'chunk', job, id: ch.id, from: ch.from, to: ch.to });
      };
      for (const port of this.ports) {
        port.onMessage(msg => {
          if (msg.job !== job || finished) return; // an answer for a cancelled job
          if (msg.type === 'error') return finish(err(msg.message));
          results[msg.id] = msg.packed;
          done++;
          games += chunks[msg.id]!.to - chunks[msg.id]!.from;
          opts.onProgress?.(games, spec.games);
          if (done === chunks.length) return finish(ok(mergePacked(results)));
          feed(port);
        });
        port.onError(message => finish(err(`an explorer worker failed: ${message}`)));
        const send = this.holds.get(port) !== sc;
        this.holds.set(port, sc);
        port.post(send ? { type: 'job', job, scenario: sc, line, spec } : { type: 'job', job, line, spec });
      }
      // Two chunks in flight per worker, so none waits for its next chunk.
      for (let round = 0; round < 2; round++) for (const port of this.ports) feed(port);
    });
  }

  dispose(): void {
    for (const p of this.ports) p.terminate();
  }
}
