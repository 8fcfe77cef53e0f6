// npx tsx bench/engineAB.ts OTHER [--scenario 1929] [--seeds mid-1929,mid-1929-2] [--rounds 16]
// The engine's part of a playout alone, in two builds in one process, in turn: this tree's and that
// of OTHER, another checkout (as playoutsAB.ts takes it). Each build's personas play 64 playouts
// from each of the mid-game positions search.bench.ts measures (midGame.ts) once, and their moves
// are kept; then each build's engine replays its own moves (ownedCopy and playInPlace, as a playout
// does) in rounds of ROUND_MS of CPU, the first of each pair alternating. With the personas' time
// taken out, a change to the engine moves this ratio nearly twice as far as playoutsAB.ts's (the
// engine is a little over half of a playout), so it stands out of a shared host's noise sooner. The end states of both builds' replays are hashed
// first: a change that keeps every result gives the same hash. Figures are printed, never asserted.
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Move } from '../src/engine/types';
import type { Scenario } from '../src/scenario/schema';
import { loadScenarioFile } from '../tests/loadScenario';
import { type Build, midGame, seedsOf } from './midGame';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { scenario: { type: 'string', default: '1929' }, seeds: { type: 'string' }, rounds: { type: 'string', default: '16' } },
});
if (positionals.length !== 1) throw new Error('usage: npx tsx bench/engineAB.ts OTHER-CHECKOUT [--scenario ID] [--seeds a,b] [--rounds N]');
const other = resolve(positionals[0]!);
const id = values.scenario!;
const rounds = Number(values.rounds);
const ROUND_MS = 400;
const WARM_MS = 2000;
/** Playouts kept from each position. */
const PER_POSITION = 64;
const sc: Scenario = loadScenarioFile(id);
const seeds = values.seeds ? values.seeds.split(',') : seedsOf(id);

/** A build's replays of its own playouts: `check` hashes the end states, else their turns are summed (so nothing is left unused). */
async function replayer(root: string): Promise<{ replay: (check?: boolean) => string; n: number }> {
  const at = (path: string) => import(`${root}/src/${path}`);
  const [playouts, ai, engine, rng, draft] = await Promise.all([at('ai/search/playout.ts'), at('ai/index.ts'), at('engine/index.ts'), at('engine/rng.ts'), at('engine/draft.ts')]);
  const b = { ...ai, ...engine, ...rng, drawWorlds: playouts.drawWorlds } as Build;
  const p = playouts.personaPolicy(sc);
  const games: { state: unknown; moves: Move[] }[] = [];
  for (const seed of seeds)
    for (const w of midGame(p, seed, b).worlds.slice(0, PER_POSITION)) {
      // The playout's own loop (playout.ts), keeping the moves.
      const dice = { britain: rng.openRng(w.dice.britain), ussr: rng.openRng(w.dice.ussr) };
      const moves: Move[] = [];
      let s = draft.ownedCopy(w.state);
      for (let guard = 0; !s.ended && guard < 100000; guard++) {
        const side = ai.toMove(s, 'britain') ? 'britain' : ai.toMove(s, 'ussr') ? 'ussr' : null;
        if (!side) break;
        const m: Move = playouts.playoutMove(p, s, side, dice[side as 'britain' | 'ussr']);
        moves.push(m);
        s = engine.playInPlace(sc, s, m);
      }
      games.push({ state: w.state, moves });
    }
  const replay = (check = false): string => {
    const h = createHash('sha256');
    let turns = 0;
    for (const g of games) {
      let s = draft.ownedCopy(g.state);
      for (const m of g.moves) s = engine.playInPlace(sc, s, m);
      if (check) h.update(engine.stateHash(s));
      else turns += s.turn;
    }
    return check ? h.digest('hex').slice(0, 16) : String(turns);
  };
  return { replay, n: games.length };
}

const builds = [await replayer(resolve('.')), await replayer(other)];
const hashes = builds.map(b => b.replay(true));
console.log(`${id}: end states of ${builds[0]!.n} playouts replayed, hashed: this tree ${hashes[0]}, ${other} ${hashes[1]}${hashes[0] === hashes[1] ? ' (the same)' : ' (DIFFERENT)'}`);
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const run = (b: (typeof builds)[number], ms: number): { n: number; ms: number } => {
  const c0 = cpuMs();
  let n = 0;
  while (cpuMs() - c0 < ms) {
    b.replay();
    n += b.n;
  }
  return { n, ms: cpuMs() - c0 };
};
for (const b of builds) run(b, WARM_MS);
const total = builds.map(() => ({ n: 0, ms: 0 }));
const ratios: number[] = [];
const loads: number[] = [];
for (let r = 0; r < rounds; r++) {
  const rate = [0, 0];
  for (const j of r % 2 ? [1, 0] : [0, 1]) {
    const x = run(builds[j]!, ROUND_MS);
    total[j]!.n += x.n;
    total[j]!.ms += x.ms;
    rate[j] = x.n / x.ms;
  }
  ratios.push(rate[0]! / rate[1]!);
  loads.push(loadavg()[0]!);
}
ratios.sort((a, b) => a - b);
const perSecond = (t: { n: number; ms: number }) => Math.round((t.n / t.ms) * 1000).toLocaleString('en-GB');
console.log(`  engine only, playouts replayed per CPU second over ${rounds} rounds of ${ROUND_MS} ms each, in turn (load ${(loads.reduce((a, x) => a + x, 0) / loads.length).toFixed(1)})`);
console.log(`  this tree ${perSecond(total[0]!)}, ${other} ${perSecond(total[1]!)}: ratio ${(total[0]!.n / total[0]!.ms / (total[1]!.n / total[1]!.ms)).toFixed(3)}`);
console.log(`  round by round: median ratio ${ratios[Math.floor(rounds / 2)]!.toFixed(3)}, from ${ratios[0]!.toFixed(3)} to ${ratios[rounds - 1]!.toFixed(3)}`);
