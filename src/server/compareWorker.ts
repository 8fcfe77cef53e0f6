// The class comparison (compare.ts) in a worker thread: placing every group's game on history's
// tree replays each of them, a second or two for a full class on a busy machine, which on the
// server's own thread would hold up every group's moves meanwhile. One question, one answer; the
// server starts a worker per comparison (runComparison below) and it ends with its answer.

import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { ClassComparison } from '../class/comparison';
import { err, ok, type Result } from '../engine/index';
import type { Scenario } from '../scenario/schema';
import { compareGroups, type StoredGame } from './compare';

interface Ask {
  sc: Scenario;
  games: StoredGame[];
}

/** The comparison, worked out in a worker thread; refused with the reason if the worker fails. */
export function runComparison(sc: Scenario, games: readonly StoredGame[]): Promise<Result<ClassComparison>> {
  const url = new URL('./compareWorker.ts', import.meta.url);
  // A worker thread does not inherit the parent's TypeScript loader (tsx, or vitest's): it
  // registers tsx's before importing this file, as the explorer's node pool does.
  const boot = `import('tsx/esm/api').then(m => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Promise(resolve => {
    const w = new Worker(boot, { eval: true, workerData: { asdCompare: true } });
    const done = (r: Result<ClassComparison>) => {
      resolve(r);
      void w.terminate();
    };
    w.once('message', (m: ClassComparison) => done(ok(m)));
    w.once('error', e => done(err(`the comparison could not be made: ${e.message}`)));
    w.once('exit', code => done(err(`the comparison stopped (exit ${code})`)));
    w.postMessage({ sc, games: [...games] } satisfies Ask);
  });
}

// In the worker started above (and no other thread that imports this file, a test runner's say): answer the one question.
if (parentPort && (workerData as { asdCompare?: boolean } | null)?.asdCompare) parentPort.once('message', (a: Ask) => parentPort!.postMessage(compareGroups(a.sc, a.games)));
