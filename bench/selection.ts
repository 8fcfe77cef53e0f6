// npx tsx bench/selection.ts [--trials 1000 --candidates 8 --worlds 32 --seed selection]
// The search's rule for leaving its default move (src/ai/search/weigh.ts: `select`, with the rounds
// `roundSizes` gives), on made-up playout results whose truth is known, at the same playouts per
// decision as search:4 at most (rounds of 32 worlds with eight candidates): for each way of sharing
// out the worlds and each confidence, how often the default is left and the expected gain per
// decision, where no challenger is better, where one is better by 1, 2 or 3 points, and in a mixed
// field. Each world adds a part shared by every candidate (the same dice: sd 8) and a part of each
// candidate's own (sd 3 or 6; in a game the two moves' futures part after the first different move).
import { parseArgs } from 'node:util';
import alea from 'seedrandom/lib/alea.js';
import { LAST_ROUND, roundSizes, select, type Tally } from '../src/ai/search/weigh';

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '1000' },
    worlds: { type: 'string', default: '32' },
    seed: { type: 'string', default: 'selection' },
  },
});
const trials = Number(values.trials),
  even = Number(values.worlds);

const normal = (rnd: () => number) => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());

/** Share of decisions that left the default, and the mean true gain of the move chosen. */
function simulate(truth: readonly number[], seed: string, last: number, confidence: number, own: number): { left: number; gain: number } {
  const rnd = alea(seed);
  const s = roundSizes(truth.length, 0, even);
  const perRound = last === LAST_ROUND ? s.perRound : Math.max(2, Math.floor((even * s.cost) / (s.cost - 2 + 2 * last)));
  const lastRound = s.rounds > 1 ? Math.max(2, Math.floor(last * perRound)) : perRound;
  let left = 0,
    gain = 0;
  for (let t = 0; t < trials; t++) {
    const shared: number[] = [];
    const tallies: Tally[] = truth.map(() => ({ scores: [], objectives: new Float64Array(1) }));
    const sel = select(
      tallies,
      s.rounds,
      perRound,
      (j, from, to) => {
        for (let w = from; w < to; w++) {
          shared[w] ??= 8 * normal(rnd);
          (tallies[j]!.scores as number[]).push(60 + truth[j]! + shared[w]! + own * normal(rnd));
        }
      },
      [],
      confidence,
      lastRound,
    );
    if (sel.chosen !== 0) left++;
    gain += truth[sel.chosen]!;
  }
  return { left: left / trials, gain: gain / trials };
}

const fields: [string, number[]][] = [
  ['none better', [0, 0, 0, 0, 0, 0, 0, 0]],
  ['one +1', [0, 0, 0, 1, 0, 0, 0, 0]],
  ['one +2', [0, 0, 0, 2, 0, 0, 0, 0]],
  ['one +3', [0, 0, 0, 3, 0, 0, 0, 0]],
  ['mixed', [0, -1, -2, 1.5, 0.5, -0.5, 2, -3]],
];
console.log(`${trials} decisions a cell; eight candidates, three rounds, at the playouts of rounds of ${even} worlds; "left": share of decisions leaving the default; "gain": mean true points gained`);
for (const own of [3, 6])
  for (const [last, confidence] of [
    [1, 0.95],
    [LAST_ROUND, 0.95],
    [1, 0.8],
    [LAST_ROUND, 0.9],
  ] as const) {
    const s = roundSizes(8, 0, even);
    const per = last === LAST_ROUND ? s.perRound : even;
    const row = fields.map(([name, truth]) => {
      const r = simulate(truth, `${values.seed}/${name}`, last, confidence, own);
      return `${name}: left ${r.left.toFixed(2)}, gain ${r.gain.toFixed(2)}`;
    });
    console.log(`own sd ${own}, last round ${last}x (${per} worlds a screening round), confidence ${confidence}: ${row.join(' | ')}`);
  }
