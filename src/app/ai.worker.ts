// The Web Worker that runs the computer player, so its thinking never blocks the page. The page
// sends the scenario it has already validated, so the worker loads no scenario file itself.
import { AiCore } from './aiCore';
import type { AiRequest, AiResponse } from './aiClient';

let core: AiCore | null = null;

const post = (m: AiResponse) => (self as unknown as Worker).postMessage(m);

self.onmessage = (e: MessageEvent<AiRequest>) => {
  const msg = e.data;
  if (msg.type === 'init') {
    core = new AiCore(msg.scenario, msg.setup);
    return;
  }
  if (!core) { post({ id: msg.id, ok: false, error: 'the computer player was not started' }); return; }
  const r = core.think(msg.moves);
  post(r.ok ? { id: msg.id, ok: true, moves: r.value } : { id: msg.id, ok: false, error: r.error });
};
