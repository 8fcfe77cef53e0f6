// npm run bench (after engine.bench.ts) [-- --levels 1,2,3,4 --positions 12 --seconds 1.5]
// The search player's speed, on one core (Node runs this on one thread):
//   1. playouts (rollouts) per second from mid-game: worlds drawn from a seat's view at half the
//      calendar of a persona game, each played out to the end by the personas on both sides, as the
//      search player plays them (target at least 8,000 a second);
//   2. decision time per level: the p50 and p95 of one move (a decision or a turn's orders), asked
//      at positions spread over persona games of all three scenarios, both seats (target for the
//      strongest level: p95 under 300 ms). The worker's times in the browser are in `npm run
//      bench:web -- --opponent search:4`.
// Figures are printed, never asserted. CPU time is printed beside wall time: on a shared machine
// the wall clock counts other processes' time too.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { AI_VIEW, aiRng, makePlayer, makeSearchPlayer, nextMove, runGame, SEARCH_LEVELS, type SearchLevel, toMove } from '../src/ai/index';
import { drawWorlds, personaPolicy, playout } from '../src/ai/search/playout';
import { applyMove, compile, createGame, type GameState, seatView } from '../src/engine/index';
import { openRng, seedRng } from '../src/engine/rng';
import type { SIDES } from '../src/engine/vocab';
import { loadScenarioFile } from '../tests/loadScenario';

const { values } = parseArgs({ options: { levels: { type: 'string', default: SEARCH_LEVELS.join(',') }, positions: { type: 'string', default: '12' }, seconds: { type: 'string', default: '1.5' } } });
const levels = values.levels!.split(',').map(Number) as SearchLevel[];
const perScenario = Number(values.positions);
const seconds = Number(values.seconds);
const IDS = ['1927', '1929', '1932'];
const cpuMs = () => process.cpuUsage().user / 1000;
const scenarios = new Map(IDS.map(id => [id, loadScenarioFile(id)]));

console.log(`search player; node ${process.version}; ${cpus()[0]?.model ?? 'cpu'}; one thread; load average ${loadavg()[0]!.toFixed(1)}`);

// 1. Playouts from mid-game.
let allRuns = 0,
  allMs = 0,
  allCpu = 0;
for (const id of IDS) {
  const sc = scenarios.get(id)!;
  const c = compile(sc);
  const p = personaPolicy(sc);
  const game = runGame(sc, createGame(sc, `mid-${id}`, { record: false }), p.players, true);
  let s: GameState = createGame(sc, `mid-${id}`, { record: false });
  for (const m of game.moves) {
    if (s.turn >= Math.floor(c.days.length / 2)) break;
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(r.error);
    s = r.value;
  }
  const worlds = drawWorlds(c, seatView(c, s, 'britain', AI_VIEW), openRng(seedRng(`bench-${id}`)), 256);
  for (let k = 0; k < 300; k++) playout(p, worlds[k % worlds.length]!, null); // warm the JIT
  let runs = 0,
    turns = 0;
  const t0 = performance.now(),
    c0 = cpuMs();
  while (performance.now() - t0 < seconds * 1000) {
    for (let k = 0; k < 50; k++) turns += playout(p, worlds[(runs + k) % worlds.length]!, null).turns;
    runs += 50;
  }
  const ms = performance.now() - t0,
    cpu = cpuMs() - c0;
  allRuns += runs;
  allMs += ms;
  allCpu += cpu;
  console.log(
    `playouts from mid-game, ${id} (turn ${s.turn} of ${c.days.length}): ${((runs / ms) * 1000).toFixed(0)} a second (wall), ${((runs / cpu) * 1000).toFixed(0)} a CPU second, ${(turns / runs).toFixed(1)} turns each`,
  );
}
console.log(`playouts from mid-game, all three: ${((allRuns / allMs) * 1000).toFixed(0)} a second (wall), ${((allRuns / allCpu) * 1000).toFixed(0)} a CPU second (target >= 8000)`);

// 2. Decision times per level, at the same positions for every level.
const positions: { id: string; s: GameState; side: (typeof SIDES)[number] }[] = [];
for (const id of IDS) {
  const sc = scenarios.get(id)!;
  const players = { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') };
  const game = runGame(sc, createGame(sc, `pos-${id}`, { record: false }), players, true);
  let s: GameState = createGame(sc, `pos-${id}`, { record: false });
  const every = Math.max(1, Math.floor(game.moves.length / perScenario));
  game.moves.forEach((m, k) => {
    if (k % every === 0 && toMove(s, m.side)) positions.push({ id, s, side: m.side });
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(r.error);
    s = r.value;
  });
}
const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
for (const level of levels) {
  const wall: number[] = [],
    cpu: number[] = [];
  for (const warm of [true, false])
    for (const { id, s, side } of warm ? positions.slice(0, 3) : positions) {
      const sc = scenarios.get(id)!;
      const c = compile(sc);
      const player = makeSearchPlayer(sc, side, level);
      const view = seatView(c, s, side, AI_VIEW);
      const t0 = performance.now(),
        c0 = cpuMs();
      nextMove(c, view, player, openRng(aiRng('bench', side).state()));
      if (warm) continue;
      wall.push(performance.now() - t0);
      cpu.push(cpuMs() - c0);
    }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  console.log(
    `search:${level} decision time over ${wall.length} moves: p50 ${q(wall, 0.5).toFixed(0)} ms, p95 ${q(wall, 0.95).toFixed(0)} ms wall; p50 ${q(cpu, 0.5).toFixed(0)} ms, p95 ${q(cpu, 0.95).toFixed(0)} ms CPU${level === 4 ? ' (target p95 < 300 ms)' : ''}`,
  );
}
