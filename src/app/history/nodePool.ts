// The explorer across Node's cores: worker_threads running nodeExploreWorker.ts behind the pool's
// WorkerPort. Node only (it imports node: modules), so it is not exported from index.ts; the
// terminal and the benchmark import it directly. The workers load TypeScript through tsx, as the
// parent does.
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ExplorePool, type FromWorker, type WorkerPort } from './pool';

/** A pool of explorer worker threads (default: one per core). */
export function createNodePool(workers = Math.max(1, cpus().length)): ExplorePool {
  const url = new URL('./nodeExploreWorker.ts', import.meta.url);
  // The parent runs under tsx (npm scripts) or vitest; a worker thread does not inherit their
  // loaders, so it registers tsx's own before it imports the TypeScript worker.
  const boot = `import('tsx/esm/api').then(m => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  const ports: WorkerPort[] = [];
  for (let k = 0; k < workers; k++) {
    const w = new Worker(boot, { eval: true });
    let onMsg: (m: FromWorker) => void = () => {};
    let onErr: (m: string) => void = () => {};
    w.on('message', (m: FromWorker) => onMsg(m));
    w.on('error', e => onErr(e.message));
    ports.push({
      post: msg => w.postMessage(msg),
      onMessage: f => {
        onMsg = f;
      },
      onError: f => {
        onErr = f;
      },
      terminate: () => {
        void w.terminate();
      },
    });
  }
  return new ExplorePool(ports);
}
