// Node's explorer worker (worker_threads): the same protocol and code as the browser's
// explore.worker.ts, for the terminal's `explore` command and the Node benchmark.
import { parentPort } from 'node:worker_threads';
import { type ToWorker, transferList, workerHandler } from './pool';

const handle = workerHandler();
parentPort!.on('message', (msg: ToWorker) => {
  const answer = handle(msg);
  if (answer) parentPort!.postMessage(answer, transferList(answer));
});
