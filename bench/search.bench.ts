// npm run bench (after engine.bench.ts) [-- --levels 1,2,3,4|none --positions 12 --seconds 1.5]
// (alone: npx tsx bench/search.bench.ts --levels none for the playouts only)
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
const levels = (values.levels === 'none' ? [] : values.levels!.split(',').map(Number)) as SearchLevel[];
const perScenario = Number(values.positions);
const seconds = Number(values.seconds);
const IDS = ['1927', '1929', '1932'];
const cpuMs = () => process.cpuUsage().user / 1000;
const fmt = (x: number) => Math.round(x).toLocaleString('en-GB');
/** Print rows under a header, each column as wide as its widest cell. */
function table(head: string[], rows: string[][]): void {
  const w = head.map((h, j) => Math.max(h.length, ...rows.map(r => r[j]!.length)));
  for (const r of [head, ...rows]) console.log(`  ${r.map((x, j) => (j === 0 ? x.padEnd(w[j]!) : x.padStart(w[j]!))).join('  ')}`);
}
const scenarios = new Map(IDS.map(id => [id, loadScenarioFile(id)]));

console.log(`search player; node ${process.version}; ${cpus()[0]?.model ?? 'cpu'}; one thread; load average ${loadavg()[0]!.toFixed(1)}`);

// 1. Playouts from mid-game. The time is cut into rounds of 50 playouts: on a shared machine other
// processes slow this one's CPU too (shared caches and cores), so beside the overall rate the best
// round's rate is printed, the nearest to what the code does on a quiet core.
const rows: string[][] = [];
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
    turns = 0,
    best = 0;
  const t0 = performance.now(),
    c0 = cpuMs();
  while (performance.now() - t0 < seconds * 1000) {
    const r0 = cpuMs();
    for (let k = 0; k < 50; k++) turns += playout(p, worlds[(runs + k) % worlds.length]!, null).turns;
    best = Math.max(best, (50 / Math.max(cpuMs() - r0, 1e-3)) * 1000);
    runs += 50;
  }
  const ms = performance.now() - t0,
    cpu = cpuMs() - c0;
  allRuns += runs;
  allMs += ms;
  allCpu += cpu;
  rows.push([id, `${s.turn} of ${c.days.length}`, fmt((runs / cpu) * 1000), fmt(best), fmt((runs / ms) * 1000), (turns / runs).toFixed(1), fmt(runs)]);
}
rows.push(['all three', '', fmt((allRuns / allCpu) * 1000), '', fmt((allRuns / allMs) * 1000), '', fmt(allRuns)]);
console.log('\nPlayouts (rollouts) from mid-game to the end, persona v persona, one core (target >= 8,000 a second):');
table(['scenario', 'from turn', 'per CPU s', 'best round', 'per wall s', 'turns each', 'playouts'], rows);

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
const drows: string[][] = [];
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
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  drows.push([`search:${level}`, String(wall.length), ms(q(cpu, 0.5)), ms(q(cpu, 0.95)), ms(q(wall, 0.5)), ms(q(wall, 0.95))]);
}
if (drows.length) {
  console.log(
    `\nDecision time per level, Node, one thread, ${perScenario} positions a scenario over all three, both seats (target: search:4 p95 < 300 ms; the worker's are in npm run bench:web -- --opponent search:4):`,
  );
  table(['level', 'moves', 'p50 CPU', 'p95 CPU', 'p50 wall', 'p95 wall'], drows);
}
console.log(`\nload average at the end ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores: wall times count other processes' time; CPU times do not.`);
