// The Web Worker that runs the computer player, so its thinking never blocks the page.
import { AiCore } from './aiCore';
import { loadScenario } from './scenarios';
import type { AiRequest, AiResponse } from './aiClient';

let core: Promise<AiCore | string> | null = null;

const post = (m: AiResponse) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (e: MessageEvent<AiRequest>) => {
  const msg = e.data;
  if (msg.type === 'init') {
    core = loadScenario(msg.setup.scenario).then(r => (r.ok ? new AiCore(r.value, msg.setup) : r.error));
    return;
  }
  const c = await core;
  if (c === null || typeof c === 'string') { post({ id: msg.id, ok: false, error: c ?? 'the computer player was not started' }); return; }
  const r = c.think(msg.moves);
  post(r.ok ? { id: msg.id, ok: true, moves: r.value } : { id: msg.id, ok: false, error: r.error });
};
