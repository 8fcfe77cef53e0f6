// npm run strength [-- --levels 1,2,3,4 --games 6 --seed s --scenarios 1927,1929 --sides britain]
// How much stronger the search player is than the persona it builds on: paired games, the same
// seeds, with the search player and then the persona in the same seat against the persona, in
// every seat of every scenario. Prints, per level and seat, the mean difference in the seat's
// objective score (out of 100) and the paired win rate (games where the search player's score was
// higher; ties count half), each seed's difference, and the same over all seats. A quick check, not the tournament.
import { parseArgs } from 'node:util';
import { makePlayer, makeSearchPlayer, runGame, SEARCH_LEVELS, type SearchLevel } from '../src/ai/index';
import { compile, createGame, score } from '../src/engine/index';
import { SIDES, type Side } from '../src/engine/vocab';
import { loadScenarioFile } from '../tests/loadScenario';

const { values } = parseArgs({
  options: {
    levels: { type: 'string', default: SEARCH_LEVELS.join(',') },
    games: { type: 'string', default: '6' },
    seed: { type: 'string', default: 'strength' },
    scenarios: { type: 'string', default: '1927,1929,1932' },
    sides: { type: 'string', default: SIDES.join(',') },
  },
});
const scenarios = values.scenarios!.split(',');
const sides = values.sides!.split(',').filter((x): x is Side => (SIDES as readonly string[]).includes(x));
const levels = values.levels!.split(',').map(Number) as SearchLevel[];
const games = Number(values.games);
const t0 = performance.now();
console.log(`search v persona, paired: ${games} seeds per seat, scenarios ${scenarios.join(', ')}, seats ${sides.join(', ')}, levels ${levels.join(', ')}`);
for (const level of levels) {
  let allDiff = 0,
    allWins = 0,
    n = 0;
  const rows: string[] = [];
  for (const id of scenarios) {
    const sc = loadScenarioFile(id);
    const c = compile(sc);
    for (const side of sides) {
      const other: Side = side === 'britain' ? 'ussr' : 'britain';
      let diff = 0,
        wins = 0;
      const each: string[] = [];
      for (let g = 0; g < games; g++) {
        const seed = `${values.seed}-${id}-${side}-${g}`;
        const play = (mine: ReturnType<typeof makePlayer>) =>
          score(c, runGame(sc, createGame(sc, seed, { record: false }), { [side]: mine, [other]: makePlayer('persona', sc, other) } as Record<Side, typeof mine>, false).state, side).total;
        const d = play(makeSearchPlayer(sc, side, level)) - play(makePlayer('persona', sc, side));
        diff += d;
        each.push((d >= 0 ? '+' : '') + d.toFixed(1));
        wins += d > 1e-9 ? 1 : Math.abs(d) <= 1e-9 ? 0.5 : 0;
      }
      allDiff += diff;
      allWins += wins;
      n += games;
      rows.push(`  ${id} ${side.padEnd(7)}  ${(diff / games >= 0 ? '+' : '') + (diff / games).toFixed(1)} points, wins ${((100 * wins) / games).toFixed(0)}%  (by seed: ${each.join(' ')})`);
    }
  }
  console.log(
    `search:${level}: mean ${(allDiff / n >= 0 ? '+' : '') + (allDiff / n).toFixed(1)} points, paired wins ${((100 * allWins) / n).toFixed(0)}% over ${n} games (${((performance.now() - t0) / 1000).toFixed(0)} s so far)`,
  );
  for (const r of rows) console.log(r);
}
