// The page the web bench loads to time the what-if explorer in Chromium: the 1927 scenario and
// history's start, explored across a pool of Web Workers (one per core) and, for comparison, on
// the page's own thread. Exposes window.__exploreBench for the bench to call.
import data from '../../scenarios/1927.json';
import { createBrowserPool, explore, HistoryTree, TRUNK_ID } from '../../src/app/history/index';
import { validateScenario } from '../../src/scenario/load';

const r = validateScenario(data, 'scenarios/1927.json');
if (!r.ok) throw new Error(r.error);
const sc = r.value;
const tree = HistoryTree.create(sc);
const line = tree.line(TRUNK_ID, 0);
const pool = createBrowserPool();

type Kinds = { britain: 'historical' | 'persona' | 'random'; ussr: 'historical' | 'persona' | 'random' };

async function run(games: number, players: Kinds, workers: boolean): Promise<{ ms: number; games: number; workers: number; raid: number }> {
  const t0 = performance.now();
  const d = await explore(sc, line, { games, players }, workers ? { pool } : {});
  const ms = performance.now() - t0;
  if (!d.ok) throw new Error(d.error);
  return { ms, games: d.value.games, workers: workers ? pool.size : 0, raid: d.value.outcomes.find(o => o.id === 'raid')!.rate };
}

(window as unknown as { __exploreBench: typeof run }).__exploreBench = run;
document.title = 'ready';
