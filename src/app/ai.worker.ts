// The Web Worker that runs the computer players, so their thinking never blocks the page. It is
// sent the validated scenario once, then per request one seat's view and that player's dice. Between
// the two it warms its players up (aiWarmUp.ts), one step a task, until the first request.
import { warmUpSteps } from './aiWarmUp';
import { AiPlayers, type WorkerRequest, type WorkerResponse } from './transport';

let players: AiPlayers | null = null;
/** Warm-up steps not yet run; emptied by the first request, which is what they were for. */
let warming: (() => void)[] = [];

const post = (m: WorkerResponse) => (self as unknown as Worker).postMessage(m);

/** One warm-up step, then the next in a task of its own, so a request that comes meanwhile is answered first. */
function warmOn(): void {
  const step = warming.shift();
  if (!step) return;
  try {
    step();
  } catch {
    // Only a head start is lost: a player that fails here fails its real request too, and says why there.
    warming = [];
    return;
  }
  setTimeout(warmOn, 0);
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  if (msg.type === 'init') {
    players = new AiPlayers(msg.scenario, msg.seats);
    warming = warmUpSteps(msg.scenario, msg.seats);
    setTimeout(warmOn, 0);
    return;
  }
  warming = [];
  if (!players) {
    post({ id: msg.id, ok: false, error: 'the computer player was not started' });
    return;
  }
  let r: ReturnType<AiPlayers['ask']>;
  try {
    r = players.ask(msg.view, msg.rng);
  } catch (x) {
    r = { ok: false as const, error: String(x) };
  }
  post(r.ok ? { id: msg.id, ok: true, answer: r.value } : { id: msg.id, ok: false, error: r.error });
};
