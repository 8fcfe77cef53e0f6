// npm run bench (after engine.bench.ts) [-- --levels 1,2,3,4|none --positions 12 --seconds 2 --runs 1]
// (alone: npx tsx bench/search.bench.ts --levels none for the playouts only; --seconds: CPU seconds of
// playouts per scenario; --runs N: the playouts measured N times over, see `runs` below)
// The search player's speed, on one core (Node runs this on one thread):
//   1. playouts (rollouts) per second from mid-game: worlds drawn from a seat's view at half the
//      calendar of a persona game, each played out to the end by the personas on both sides, as the
//      search player plays them (target at least 8,000 a second); with --runs N, measured N times
//      over, and each run's rate and the median run's printed;
//   2. decision time per level: the p50 and p95 of one move (a decision or a turn's orders), asked
//      at positions spread over persona games of all three scenarios, both seats (target for the
//      strongest level: p95 under 300 ms). The worker's times in the browser are in `npm run
//      bench:web -- --opponent search:4`.
// Figures are printed, never asserted. CPU time (user and system) is printed beside wall time: on
// a shared machine the wall clock counts other processes' time too. The load average is printed
// with each scenario's rate: other processes slow this one's CPU too (shared cores and caches).
import { fork } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AI_VIEW, aiRng, makePlayer, makeSearchPlayer, nextMove, runGame, SEARCH_LEVELS, type SearchLevel, toMove } from '../src/ai/index';
import { drawWorlds, personaPolicy, playout } from '../src/ai/search/playout';
import { applyMove, compile, createGame, type GameState, seatView } from '../src/engine/index';
import { openRng, seedRng } from '../src/engine/rng';
import type { SIDES } from '../src/engine/vocab';
import { loadScenarioFile } from '../tests/loadScenario';

const { values } = parseArgs({
  options: {
    levels: { type: 'string', default: SEARCH_LEVELS.join(',') },
    positions: { type: 'string', default: '12' },
    seconds: { type: 'string', default: '2' },
    runs: { type: 'string', default: '1' },
    child: { type: 'string' },
  },
});
const levels = (values.levels === 'none' ? [] : values.levels!.split(',').map(Number)) as SearchLevel[];
const perScenario = Number(values.positions);
const seconds = Number(values.seconds);
// The whole playout measurement (every scenario, each in its own process) repeated `runs` times,
// scenario after scenario within a run, so one scenario's runs lie minutes apart: this host's
// speed swings by up to 40% from one minute to the next, and one run alone can land on a slow one.
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1, not "${values.runs}"`);
const IDS = ['1927', '1929', '1932'];
/** CPU time of this process, user and system (the system's share is the process's too: page faults, the collector's threads). */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const fmt = (x: number) => Math.round(x).toLocaleString('en-GB');
const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
/** Print rows under a header, each column as wide as its widest cell. */
function table(head: string[], rows: string[][]): void {
  const w = head.map((h, j) => Math.max(h.length, ...rows.map(r => r[j]!.length)));
  for (const r of [head, ...rows]) console.log(`  ${r.map((x, j) => (j === 0 ? x.padEnd(w[j]!) : x.padStart(w[j]!))).join('  ')}`);
}
// A child measuring one scenario's playouts loads that scenario alone.
const scenarios = new Map((values.child ? [values.child] : IDS).map(id => [id, loadScenarioFile(id)]));

// 1. Playouts from mid-game. Each scenario is measured in a child process of its own, one after the
// other, as the game runs them: one worker (or one CLI process) plays one scenario, so its JIT has
// compiled the engine and the personas for that scenario alone. Measured in one process taking
// turns round by round, the three disturbed each other's compiled code and a round's rate swung
// 4,300-7,600 (about 5,400-6,000 overall, at load 1); alone, each settles at its own steady rate.
// The child warms for WARM_MS of CPU before counting: alone, a scenario's rate climbs from ~200
// (first 400 ms) through ~3,700 and ~6,800 to its steady rate after ~4,500 playouts, about 1.2 s
// of CPU (the optimising compiler's threads count in the process's CPU too), and then holds within
// a few per cent (1932 at load 2, rounds of 400 ms: 3,981 6,148 6,403 6,490 6,512 6,056 6,478...).
// A search decides by the thousand playouts, on a JIT warmed by every playout before. After the
// warm-up the playouts are counted in rounds of at least ROUND_MS of CPU (hundreds of times the
// CPU clock's step), and the load average is read at every round and its mean printed beside the
// scenario's rate: other processes slow this one's CPU too (shared cores and caches).
const ROUND_MS = 400;
const WARM_MS = 2500;
/** What a child reports of its scenario. */
interface Run {
  id: string;
  from: string;
  runs: number;
  turns: number;
  ms: number;
  cpu: number;
  rates: number[];
  load: number[];
}
/** The playouts of one scenario, measured in this process (the child's part). */
/**
 * The search player's own rollout policy and playouts (src/ai/search/playout.ts), from worlds drawn
 * from Britain's view at half the calendar of a persona game.
 */
function midGame(id: string): { p: ReturnType<typeof personaPolicy>; worlds: ReturnType<typeof drawWorlds>; from: string } {
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
  return { p, worlds: drawWorlds(c, seatView(c, s, 'britain', AI_VIEW), openRng(seedRng(`bench-${id}`)), 256), from: `${s.turn} of ${c.days.length}` };
}
function measurePlayouts(id: string): Run {
  const { p, worlds, from } = midGame(id);
  const r: Run = { id, from, runs: 0, turns: 0, ms: 0, cpu: 0, rates: [], load: [] };
  let played = 0;
  for (const w0 = cpuMs(); cpuMs() - w0 < WARM_MS; ) for (let k = 0; k < 50; k++) playout(p, worlds[played++ % worlds.length]!, null);
  for (let round = 0; round < Math.max(1, Math.round((seconds * 1000) / ROUND_MS)); round++) {
    const load = loadavg()[0]!;
    const t0 = performance.now(),
      c0 = cpuMs();
    let n = 0,
      turns = 0;
    while (cpuMs() - c0 < ROUND_MS) {
      for (let k = 0; k < 50; k++) turns += playout(p, worlds[played++ % worlds.length]!, null).turns;
      n += 50;
    }
    const cpu = cpuMs() - c0;
    r.load.push(load);
    r.turns += turns;
    r.ms += performance.now() - t0;
    r.cpu += cpu;
    r.runs += n;
    r.rates.push((n / cpu) * 1000);
  }
  return r;
}
/** One scenario's playouts measured in a child process running this file with --child. */
function inChild(id: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child', id, '--seconds', String(seconds)]);
    let got: Run | undefined;
    child.on('message', m => {
      got = m as Run;
    });
    child.on('error', reject);
    child.on('exit', code => (got && code === 0 ? resolve(got) : reject(new Error(`the ${id} playouts' process exited with code ${code}`))));
  });
}
if (values.child) {
  process.send!(measurePlayouts(values.child));
  process.exit(0);
}

console.log(`search player; node ${process.version}; ${cpus()[0]?.model ?? 'cpu'}; one thread; load average ${loadavg()[0]!.toFixed(1)}`);
/** Each run's measurement of each scenario, run by run. */
const byRun: Run[][] = [];
for (let k = 0; k < runs; k++) {
  const run: Run[] = [];
  for (const id of IDS) run.push(await inChild(id));
  byRun.push(run);
  if (runs > 1) console.log(`  run ${k + 1} of ${runs}: ${run.map(r => `${r.id} ${fmt((r.runs / r.cpu) * 1000)} (load ${mean(r.load).toFixed(1)})`).join(', ')}`);
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const rows = IDS.map((id, j) => {
  const rs = byRun.map(run => run[j]!);
  const sum = (f: (r: Run) => number) => rs.reduce((a, r) => a + f(r), 0);
  return [
    id,
    rs[0]!.from,
    fmt(median(rs.map(r => (r.runs / r.cpu) * 1000))),
    `${fmt(Math.min(...rs.flatMap(r => r.rates)))}-${fmt(Math.max(...rs.flatMap(r => r.rates)))}`,
    fmt(median(rs.map(r => (r.runs / r.ms) * 1000))),
    (sum(r => r.turns) / sum(r => r.runs)).toFixed(1),
    fmt(sum(r => r.runs)),
    mean(rs.flatMap(r => r.load)).toFixed(1),
  ];
});
const all = byRun.flat().reduce((a, r) => ({ runs: a.runs + r.runs, cpu: a.cpu + r.cpu, ms: a.ms + r.ms }), { runs: 0, cpu: 0, ms: 0 });
rows.push(['all three', '', fmt((all.runs / all.cpu) * 1000), '', fmt((all.runs / all.ms) * 1000), '', fmt(all.runs), '']);
console.log(
  `\nPlayouts (rollouts) from mid-game to the end, persona v persona, one core, each scenario in its own process after ${WARM_MS / 1000} s of CPU warming, rounds of ${ROUND_MS} ms of CPU${runs > 1 ? `; measured ${runs} times, scenario after scenario (the runs above), per CPU s and per wall s the median run, rounds and load over every run` : ''} (target >= 8,000 per CPU second):`,
);
table(['scenario', 'from turn', 'per CPU s', 'rounds', 'per wall s', 'turns each', 'playouts', 'load'], rows);

// 2. Decision times per level, at the same positions for every level. This process first plays
// WARM_MS of each scenario's playouts, as it played all of them before the playouts moved to their
// own processes: a search decides by its playouts, and a worker has played thousands by its second
// decision (without this, the decisions ran on a colder JIT: search:4 p95 389 ms against 240 ms
// with it, one run each at load 12).
if (levels.length)
  for (const id of IDS) {
    const { p, worlds } = midGame(id);
    let played = 0;
    for (const w0 = cpuMs(); cpuMs() - w0 < WARM_MS; ) for (let k = 0; k < 50; k++) playout(p, worlds[played++ % worlds.length]!, null);
  }
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
