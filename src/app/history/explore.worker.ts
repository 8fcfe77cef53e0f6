// The browser's explorer worker: answers chunks of continuations (pool.ts, workerHandler). The
// page creates a pool of these (browserPool.ts), one per core, so the page never freezes.
import { type ToWorker, transferList, workerHandler } from './pool';

const handle = workerHandler();

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const answer = handle(e.data);
  if (answer) (self as unknown as Worker).postMessage(answer, transferList(answer));
};
