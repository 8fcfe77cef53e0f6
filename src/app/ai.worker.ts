// The Web Worker that runs the computer players, so their thinking never blocks the page. It is
// sent the validated scenario once, then per request one seat's view and that player's dice.
import { AiPlayers, type WorkerRequest, type WorkerResponse } from './transport';

let players: AiPlayers | null = null;

const post = (m: WorkerResponse) => (self as unknown as Worker).postMessage(m);

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  if (msg.type === 'init') {
    players = new AiPlayers(msg.scenario, msg.seats);
    return;
  }
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
