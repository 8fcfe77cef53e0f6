// npx tsx bench/playoutsAB.ts OTHER [--scenario 1929] [--seeds mid-1929,mid-1929-2] [--rounds 16]
// The playouts per CPU second of two builds in one process, in turn: this tree's engine and
// personas (src/) and those of OTHER, another checkout (a git worktree such as /work/main, with a
// package.json of "type": "module" and node_modules of its own or above it), at the mid-game
// positions search.bench.ts measures (midGame.ts; all four of the scenario unless --seeds names some),
// each build playing its own persona games to them and drawing its own worlds there, as the bench's
// process does before it measures (the JIT of each build has seen the same calls).
// search.bench.ts measures one build at a time; on a shared host its figure for the same code moves
// more than a change worth keeping gains (1929's median 6,580 and then 5,570 a few minutes later, at
// load 2.5 and 2.8). Here the builds play rounds of ROUND_MS of CPU each, the first of each pair
// alternating, so both meet the same load; two copies of one build measured 0.996 to 1.015 of each
// other at load 3 to 6. Both builds read this tree's scenario file, so what differs is the code.
// Figures are printed, never asserted.
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as mine from '../src/ai/search/playout';
import type { Scenario } from '../src/scenario/schema';
import { loadScenarioFile } from '../tests/loadScenario';
import { type Build, midGame, seedsOf, THIS_BUILD } from './midGame';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { scenario: { type: 'string', default: '1929' }, seeds: { type: 'string' }, rounds: { type: 'string', default: '16' } },
});
if (positionals.length !== 1) throw new Error('usage: npx tsx bench/playoutsAB.ts OTHER-CHECKOUT [--scenario ID] [--seeds a,b] [--rounds N]');
const other = resolve(positionals[0]!);
const id = values.scenario!;
const rounds = Number(values.rounds);
/** CPU of one build's round, and of the warm-up each build gets first (as search.bench.ts warms). */
const ROUND_MS = 300;
const WARM_MS = 2500;

type PlayoutModule = Pick<typeof mine, 'personaPolicy' | 'playout'>;
const at = (path: string) => import(`${other}/src/${path}`);
const [theirPlayouts, ai, engine, rng] = await Promise.all([at('ai/search/playout.ts'), at('ai/index.ts'), at('engine/index.ts'), at('engine/rng.ts')]);
const theirs = { playouts: theirPlayouts as PlayoutModule, build: { ...ai, ...engine, ...rng, drawWorlds: theirPlayouts.drawWorlds } as Build };
const sc: Scenario = loadScenarioFile(id);
const seeds = values.seeds ? values.seeds.split(',') : seedsOf(id);

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** A build's playouts: each call plays `ms` of CPU of them, 25 from each position in turn, and says how many. */
function player(m: PlayoutModule, b: Build): (ms: number) => { n: number; ms: number } {
  const p = m.personaPolicy(sc);
  const worlds = seeds.map(seed => midGame(p, seed, b).worlds);
  let next = 0;
  return ms => {
    const c0 = cpuMs();
    let n = 0;
    while (cpuMs() - c0 < ms) {
      for (const ws of worlds) for (let k = 0; k < 25; k++) m.playout(p, ws[(next + k) % ws.length]!, null);
      next += 25;
      n += 25 * worlds.length;
    }
    return { n, ms: cpuMs() - c0 };
  };
}
const builds = [player(mine, THIS_BUILD), player(theirs.playouts, theirs.build)];
for (const b of builds) b(WARM_MS);
const total = builds.map(() => ({ n: 0, ms: 0 }));
const ratios: number[] = [];
const loads: number[] = [];
for (let r = 0; r < rounds; r++) {
  const rate = [0, 0];
  for (const j of r % 2 ? [1, 0] : [0, 1]) {
    const x = builds[j]!(ROUND_MS);
    total[j]!.n += x.n;
    total[j]!.ms += x.ms;
    rate[j] = x.n / x.ms;
  }
  ratios.push(rate[0]! / rate[1]!);
  loads.push(loadavg()[0]!);
}
ratios.sort((a, b) => a - b);
const perSecond = (t: { n: number; ms: number }) => Math.round((t.n / t.ms) * 1000).toLocaleString('en-GB');
console.log(
  `${id}, positions ${seeds.join(' ')}: playouts per CPU second over ${rounds} rounds of ${ROUND_MS} ms each, in turn (load ${(loads.reduce((a, x) => a + x, 0) / loads.length).toFixed(1)})`,
);
console.log(`  this tree ${perSecond(total[0]!)}, ${other} ${perSecond(total[1]!)}: ratio ${(total[0]!.n / total[0]!.ms / (total[1]!.n / total[1]!.ms)).toFixed(3)}`);
console.log(`  round by round: median ratio ${ratios[Math.floor(rounds / 2)]!.toFixed(3)}, from ${ratios[0]!.toFixed(3)} to ${ratios[rounds - 1]!.toFixed(3)}`);
