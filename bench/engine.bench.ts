// npm run bench [-- --scenario 1927 --games 2000]
// Measures, on one core (Node runs this on one thread): full games per second with persona
// players on both sides, turns per second, and the median and 95th-percentile time of one turn
// (every move of the turn: decisions, both sides' orders and the resolution), replaying
// recorded persona games so the players' own thinking is not counted in the turn time.
// Then the what-if explorer: 10,000 continuations of the rest of the game from its first day
// (1927: 2 May 1927), historical players, on this thread and across worker threads (one per core).
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { makePlayer, runGame } from '../src/ai/index';
import { applyMove, createGame } from '../src/engine/index';
import type { GameState, Move } from '../src/engine/types';
import { parseScenario } from '../src/scenario/load';

const { values } = parseArgs({ options: { scenario: { type: 'string', default: '1927' }, games: { type: 'string', default: '2000' } } });
const file = values.scenario!.endsWith('.json') ? values.scenario! : `scenarios/${values.scenario}.json`;
const r = parseScenario(readFileSync(file, 'utf8'), file);
if (!r.ok) {
  console.error(r.error);
  process.exit(1);
}
const sc = r.value;
const games = Number(values.games);
const players = { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') };
const now = () => Number(process.hrtime.bigint()) / 1e6;

// Warm up the JIT.
for (let k = 0; k < 200; k++) runGame(sc, createGame(sc, `warm-${k}`), players, false);

// 1. Whole games, persona v persona, players' thinking included: as simulations run them (no
// ledger or news kept, since nobody reads them), and as a person's game runs (all kept).
function games_(record: boolean): { ms: number; turns: number } {
  let turns = 0;
  const t0 = now();
  for (let k = 0; k < games; k++) turns += runGame(sc, createGame(sc, `bench-${k}`, { record }), players, false).state.turn + 1;
  return { ms: now() - t0, turns };
}
const sim = games_(false);
const full = games_(true);
const gameMs = sim.ms,
  turns = sim.turns;

// 2. Turn times: replay recorded games, timing each turn's moves.
const recorded: { seed: string; moves: Move[] }[] = [];
for (let k = 0; k < 300; k++) recorded.push({ seed: `turns-${k}`, moves: runGame(sc, createGame(sc, `turns-${k}`), players, true).moves });
const turnTimes: number[] = [];
for (const g of recorded) {
  let s: GameState = createGame(sc, g.seed);
  let start = now(),
    turn = s.turn;
  for (const m of g.moves) {
    const res = applyMove(sc, s, m);
    if (!res.ok) throw new Error(res.error);
    s = res.value;
    if (s.turn !== turn || s.ended) {
      const t = now();
      turnTimes.push(t - start);
      start = t;
      turn = s.turn;
    }
  }
}
turnTimes.sort((a, b) => a - b);
const q = (p: number) => turnTimes[Math.min(turnTimes.length - 1, Math.floor(p * turnTimes.length))]! * 1000;

console.log(`scenario ${sc.id} v${sc.version}; node ${process.version}; ${cpus()[0]?.model ?? 'cpu'}; one thread`);
console.log(`full games, persona v persona, as simulated (no ledger): ${games} in ${gameMs.toFixed(0)} ms = ${(games / (gameMs / 1000)).toFixed(0)} games/s (target >= 2000)`);
console.log(`full games, persona v persona, ledger and news kept:  ${games} in ${full.ms.toFixed(0)} ms = ${(games / (full.ms / 1000)).toFixed(0)} games/s`);
console.log(`turns, players included:        ${(turns / (gameMs / 1000)).toFixed(0)} turns/s (${(turns / games).toFixed(1)} turns a game)`);
console.log(`engine time per turn (${turnTimes.length} turns replayed): median ${q(0.5).toFixed(1)} us, p95 ${q(0.95).toFixed(1)} us (target median < 20 us)`);

// 3. The what-if explorer: continuations from the start, in process and across worker threads.
const { HistoryTree, TRUNK_ID, explore } = await import('../src/app/history/index');
const { createNodePool } = await import('../src/app/history/nodePool');
const line = HistoryTree.create(sc).line(TRUNK_ID, 0);
const spec = { games: 10_000, players: { britain: 'historical', ussr: 'historical' } } as const;
// CPU time is the whole process's (worker threads included): on a shared machine the wall clock
// counts other processes' time too.
const cpuS = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
await explore(sc, line, { ...spec, games: 500 });
let t0 = now(),
  c0 = cpuS();
await explore(sc, line, spec);
const inProcess = now() - t0,
  inProcessCpu = cpuS() - c0;
const pool = createNodePool();
await explore(sc, line, { ...spec, games: 1000 }, { pool });
t0 = now();
c0 = cpuS();
await explore(sc, line, spec, { pool });
const pooled = now() - t0,
  pooledCpu = cpuS() - c0;
pool.dispose();
console.log(`what-if explorer, ${spec.games} continuations from ${sc.calendar.start} (historical players), load average ${loadavg()[0]!.toFixed(1)}:`);
console.log(
  `  one thread: ${(inProcess / 1000).toFixed(2)} s = ${Math.round(spec.games / (inProcess / 1000))}/s wall; ${inProcessCpu.toFixed(2)} s CPU = ${Math.round(spec.games / inProcessCpu)} a CPU second`,
);
console.log(
  `  ${pool.size} worker threads: ${(pooled / 1000).toFixed(2)} s = ${Math.round(spec.games / (pooled / 1000))}/s wall; ${pooledCpu.toFixed(2)} s CPU in all (target in Chromium, npm run bench:web: under 2 s)`,
);
