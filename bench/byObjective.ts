// npx tsx bench/byObjective.ts --scenario 1929 --side ussr --opponent search:4 [--level 4 --games 24
//                               --first 0 --seed strength --quiet 5]
// One strength cell's paired games taken apart by objective: for each seed (the strength bench's own,
// `SEED-ID-SIDE-N`), the search player's score less the persona's in the same seat against the same
// opponent, and the objectives that carry that difference (each in points of the score out of 100).
// Last, the same summed over the quiet games (a difference under --quiet points either way): the
// games that decide a cell's paired win rate once its big wins are counted. A diagnostic: it prints,
// and asserts nothing.
import { parseArgs } from 'node:util';
import { parsePlayerName } from '../src/ai/index';
import type { Side } from '../src/engine/vocab';
import { loadScenarioFile } from '../tests/loadScenario';
import { signed } from './pairedStats';
import { seatScore, strengthSeed } from './strengthGame';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: '1929' },
    side: { type: 'string', default: 'ussr' },
    opponent: { type: 'string', default: 'persona' },
    level: { type: 'string', default: '4' },
    games: { type: 'string', default: '24' },
    first: { type: 'string', default: '0' },
    seed: { type: 'string', default: 'strength' },
    quiet: { type: 'string', default: '5' },
  },
});
const side = values.side as Side;
if (side !== 'britain' && side !== 'ussr') throw new Error(`--side: britain or ussr (got ${values.side})`);
for (const name of [`search:${values.level}`, values.opponent!]) {
  const r = parsePlayerName(name);
  if (!r.ok) throw new Error(r.error);
}
const id = values.scenario!;
const sc = loadScenarioFile(id);
const quiet = Number(values.quiet),
  first = Number(values.first),
  games = Number(values.games);
if (!Number.isInteger(first) || first < 0 || !Number.isInteger(games) || games < 1 || !(quiet > 0))
  throw new Error(`--first a seed number (0 or more), --games a count (1 or more), --quiet points above 0 (got ${values.first}, ${values.games}, ${values.quiet})`);

const sums = new Map<string, number>();
let quietGames = 0;
console.log(`search:${values.level} less the persona, ${id} ${side} v ${values.opponent}, by objective (points of 100):`);
for (let g = first; g < first + games; g++) {
  const seed = strengthSeed(values.seed!, id, side, g);
  const a = seatScore(sc, side, `search:${values.level}`, values.opponent!, seed),
    b = seatScore(sc, side, 'persona', values.opponent!, seed);
  const all = a.objectives.reduce((t, o) => t + o.weight, 0);
  const parts = a.objectives.map((o, k) => ({ id: o.id, d: (100 * o.weight * (o.achieved - b.objectives[k]!.achieved)) / all })).filter(x => Math.abs(x.d) >= 0.005);
  const d = a.total - b.total;
  if (Math.abs(d) < quiet) {
    quietGames++;
    for (const p of parts) sums.set(p.id, (sums.get(p.id) ?? 0) + p.d);
  }
  console.log(`  seed ${g}: ${signed(d)}  ${parts.map(p => `${p.id} ${signed(p.d, 2)}`).join(', ') || 'the same'}`);
}
const byObjective = [...sums].sort((x, y) => x[1] - y[1]).map(([k, v]) => `${k} ${signed(v, 2)}`);
console.log(`the ${quietGames} quiet games (under ${quiet} points either way), summed: ${byObjective.join(', ') || 'no objective differs'}`);
