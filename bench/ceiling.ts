// npm run ceiling [-- --scenario 1927 --side britain --opponent persona --games 8 --seed strength --candidates 24
//                    --worlds 32 --futures 32 --clairvoyant | --shift K | --reroll K | --sampled --model persona]
// How much any play could gain over the persona in one seat: a diagnostic, never a player. On the
// strength bench's seeds it plays the persona, then an oracle, in the seat (the opponent named, by
// default the persona, in the other):
// the oracle weighs the search player's own candidates (candidates.ts) by the search's own rule
// (weigh.ts `select`), but in worlds that are the TRUE state of the game, not samples from the seat's
// view, with a far larger budget than any level. The other seat in those worlds is the opponent's own
// policy (worldOpponent.ts: a search there is played by its persona, and a bargainer's table is made
// once a decision), so the oracle weighs its moves against the player it meets. By default each world gets fresh engine dice (it
// knows every hidden figure and order, not the future); `--clairvoyant` keeps the game's own dice,
// so the oracle also sees which way the next chances will fall, as far as its move does not change
// their order. `--shift K` plays, instead of the oracle, the persona itself with its own dice moved
// on K draws at its first orders: play no stronger than the persona's, whose paired differences are
// the noise floor of the strength bench in that seat where the persona's moves use its dice;
// `--reroll K` plays the persona itself on the game's own dice moved on K draws from the start: the
// spread chance alone gives a seed's score once two games part. Prints each seed's scores, the
// challenger's gain, and where the persona's missing points lie, objective by objective. For the
// oracle it also prints its expected gain by its departures (as bench/advantage.ts does for the search
// player): each move where it left the persona's move re-weighed from the true state on `--futures`
// fresh futures with the opponent as the worlds play it, summed over the game; its expectation is the
// oracle's expected score less the persona's, free of the chance chains that follow the games' parting.
// Half-oracles, to tell which of the oracle's advantages carries its gain: `--sampled` draws its
// worlds from the seat's view, as the search does (no knowledge of the hidden state), and `--model
// persona` plays the other seat in its worlds by its persona, as the search's playouts do (no
// knowledge of the opponent's policy). Either way its departures are re-weighed against the real
// opponent from the true state; with both, and the search's budget, it is the search player itself.
import { parseArgs } from 'node:util';
import { DEFAULT_BARGAIN } from '../src/ai/bargain';
import { makePlayer, parsePlayerName, playerFor, runGame } from '../src/ai/index';
import { makeNegotiator } from '../src/ai/negotiator';
import { makeSidePersona } from '../src/ai/persona';
import type { Ctx, Player } from '../src/ai/player';
import { type Candidate, decisionCandidates, orderCandidates } from '../src/ai/search/candidates';
import { drawWorlds, type Policy, playout, type World } from '../src/ai/search/playout';
import { fit, select, type Tally } from '../src/ai/search/weigh';
import { compile, createGame, type GameState, score } from '../src/engine/index';
import { openRng, type RngState } from '../src/engine/rng';
import { type BySide, SIDES, type Side } from '../src/engine/vocab';
import { loadScenarioFile } from '../tests/loadScenario';
import { departureKind, edge } from './edge';
import { oneViewADecision, worldName } from './worldOpponent';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: '1927' },
    side: { type: 'string', default: 'britain' },
    opponent: { type: 'string', default: 'persona' },
    games: { type: 'string', default: '8' },
    seed: { type: 'string', default: 'strength' },
    candidates: { type: 'string', default: '24' },
    worlds: { type: 'string', default: '32' },
    futures: { type: 'string', default: '32' },
    clairvoyant: { type: 'boolean', default: false },
    shift: { type: 'string' },
    reroll: { type: 'string' },
    sampled: { type: 'boolean', default: false },
    model: { type: 'string', default: 'opponent' },
  },
});
const side = values.side as Side;
if (!(SIDES as readonly string[]).includes(side)) throw new Error(`--side ${values.side}: must be one of ${SIDES.join(', ')}`);
const other: Side = side === 'britain' ? 'ussr' : 'britain';
const opponent = values.opponent!;
const named = parsePlayerName(opponent);
if (!named.ok) throw new Error(`--opponent: ${named.error}`);
const inWorlds = worldName(opponent);
if (values.model !== 'opponent' && values.model !== 'persona') throw new Error(`--model ${values.model}: must be opponent or persona`);
if (values.sampled && values.clairvoyant) throw new Error('--sampled draws worlds from the seat view, --clairvoyant plays the true one: give one');
const sc = loadScenarioFile(values.scenario!);
const c = compile(sc);
const maxCandidates = Number(values.candidates);
const perRound = Number(values.worlds);
const games = Number(values.games);
const futures = Number(values.futures);
for (const [k, v] of [
  ['candidates', maxCandidates],
  ['worlds', perRound],
  ['games', games],
  ['futures', futures],
] as const)
  if (!(Number.isInteger(v) && v > 0)) throw new Error(`--${k} must be a whole number above 0`);

const shift = values.shift === undefined ? null : Number(values.shift);
if (shift !== null && !(Number.isInteger(shift) && shift > 0)) throw new Error('--shift must be a whole number of draws above 0');
const reroll = values.reroll === undefined ? null : Number(values.reroll);
if (reroll !== null && !(Number.isInteger(reroll) && reroll > 0)) throw new Error('--reroll must be a whole number of draws above 0');
if (shift !== null && reroll !== null) throw new Error('--shift and --reroll are two noise floors: give one');
if (futures < 2) throw new Error('--futures must be 2 or more');

/** The persona with its dice moved on `k` draws before its first orders: as strong, on other dice. */
function shifted(k: number): Player {
  const p = makePlayer('persona', sc, side);
  let moved = false;
  return {
    kind: `persona, dice moved ${k}`,
    decide: (ctx, ev) => p.decide(ctx, ev),
    orders(ctx) {
      if (!moved) for (let j = 0; j < k; j++) ctx.rng.next();
      moved = true;
      return p.orders(ctx);
    },
  };
}

/** What one departure of the oracle from the persona's move is worth, re-weighed on fresh futures. */
interface Gain {
  d: number;
  se: number;
  kind: ReturnType<typeof departureKind>;
}

/**
 * The oracle: the search's candidates and rule, weighed in copies of the true state held in `truth`;
 * each departure from the persona's move re-weighed on fresh futures into `gains` (its own dice
 * untouched, so auditing does not change its play).
 */
function oracle(truth: { s: GameState }, gains: Gain[]): Player {
  const persona = makeSidePersona(sc, side);
  const bargainer = makeNegotiator(sc, side, { ...DEFAULT_BARGAIN, rollouts: 1 });
  const choose = (ctx: Ctx, cands: Candidate[]): Candidate => {
    if (cands.length === 1) return cands[0]!;
    // The seat played on by its persona, as in the search's playouts; the other seat by the real
    // opponent's policy, made afresh for this decision (worldOpponent.ts).
    const real: Policy = {
      sc,
      c,
      players: { [side]: persona, [other]: oneViewADecision(playerFor(inWorlds.name, sc, other)) } as BySide<Player>,
    };
    const policy: Policy = values.model === 'persona' ? { sc, c, players: { [side]: persona, [other]: makeSidePersona(sc, other) as Player } as BySide<Player> } : real;
    const rounds = Math.max(1, Math.ceil(Math.log2(cands.length)));
    const dice = (): RngState => ({ c: 1, s0: ctx.rng.next(), s1: ctx.rng.next(), s2: ctx.rng.next() });
    const worlds: World[] = values.sampled ? drawWorlds(c, ctx.view, ctx.rng, perRound * rounds) : [];
    for (let k = 0; k < (values.sampled ? 0 : perRound * rounds); k++) {
      const state = values.clairvoyant ? truth.s : { ...truth.s, rng: dice() };
      worlds.push({ state, dice: { britain: dice(), ussr: dice() } });
    }
    const tallies: Tally[] = cands.map(() => ({ scores: [], objectives: new Float64Array(c.objectives[side].length) }));
    const sel = select(tallies, rounds, perRound, (j, from, to) => {
      for (let w = from; w < to; w++) (tallies[j]!.scores as number[]).push(score(c, playout(policy, worlds[w]!, fit(c, worlds[w]!, cands[j]!.move)).state, side).total);
    });
    const m = cands[sel.chosen]!.move,
      base = cands[0]!.move;
    if (sel.chosen !== 0) gains.push({ ...edge(real, truth.s, side, m, base, futures, `${truth.s.seed}/ceiling/${truth.s.turn}/${gains.length}`), kind: departureKind(m, base) });
    return cands[sel.chosen]!;
  };
  return {
    kind: 'oracle',
    decide(ctx, ev) {
      const m = choose(ctx, decisionCandidates(ctx.side, ev, persona.decide(ctx, ev))).move;
      if (m.type !== 'decide') throw new Error('a decision candidate must be a decision');
      return m.option;
    },
    orders(ctx) {
      const m = choose(ctx, orderCandidates(ctx, persona, maxCandidates, bargainer)).move;
      if (m.type !== 'orders') throw new Error('an orders candidate must be orders');
      return m.orders;
    },
  };
}

const t0 = performance.now();
const who = shift !== null ? 'shifted' : reroll !== null ? 'rerolled' : 'oracle';
console.log(
  shift !== null
    ? `the persona with its dice moved ${shift} draws, against the persona's own game, ${sc.id} ${side} v ${opponent}: ${games} seeds`
    : reroll !== null
      ? `the persona on the game's dice moved ${reroll} draws, against the persona's own game, ${sc.id} ${side} v ${opponent}: ${games} seeds`
      : `oracle against the persona's own game, ${sc.id} ${side} v ${opponent}: ${games} seeds, ${maxCandidates} candidates, ${perRound} ${values.sampled ? 'worlds sampled from the seat view' : 'true-state worlds'} a round, ${values.clairvoyant ? 'the game’s own dice (clairvoyant)' : 'fresh dice'}, the other side in them played by ${values.model === 'persona' ? 'its persona' : inWorlds.name}`,
);
if (who === 'oracle' && inWorlds.why) console.log(`  (${inWorlds.why})`);
let diff = 0,
  wins = 0;
const expected: number[] = [];
const missing = new Map<string, number>();
const byKind = new Map<string, { n: number; d: number }>();
for (let g = 0; g < games; g++) {
  const seed = `${values.seed}-${sc.id}-${side}-${g}`;
  const play = (mine: Player, truth?: { s: GameState }, moved = 0) => {
    let s0 = createGame(sc, seed, { record: false });
    if (moved) {
      const r = openRng(s0.rng);
      for (let j = 0; j < moved; j++) r.next();
      s0 = { ...s0, rng: r.state() };
    }
    if (truth) truth.s = s0;
    const players = { [side]: mine, [other]: playerFor(opponent, sc, other) } as BySide<Player>;
    return score(c, runGame(sc, s0, players, false, truth ? s => (truth.s = s) : undefined).state, side);
  };
  const base = play(makePlayer('persona', sc, side));
  const truth = { s: createGame(sc, seed, { record: false }) };
  const gains: Gain[] = [];
  const best = shift !== null ? play(shifted(shift)) : reroll !== null ? play(makePlayer('persona', sc, side), undefined, reroll) : play(oracle(truth, gains), truth);
  const d = best.total - base.total;
  diff += d;
  wins += d > 1e-9 ? 1 : Math.abs(d) <= 1e-9 ? 0.5 : 0;
  const all = base.objectives.reduce((a, o) => a + o.weight, 0);
  const lost = base.objectives.filter(o => o.achieved < 0.999).map(o => `${o.id} ${((100 * o.weight * (1 - o.achieved)) / all).toFixed(1)}`);
  for (const o of base.objectives) missing.set(o.id, (missing.get(o.id) ?? 0) + (100 * o.weight * (1 - o.achieved)) / all / games);
  const e = gains.reduce((a, x) => a + x.d, 0);
  const byDepartures = who === 'oracle' ? `; by its ${gains.length} departures ${sign(e)} ± ${Math.sqrt(gains.reduce((a, x) => a + x.se * x.se, 0)).toFixed(1)}` : '';
  if (who === 'oracle') expected.push(e);
  for (const x of gains) {
    const k = byKind.get(x.kind) ?? { n: 0, d: 0 };
    byKind.set(x.kind, { n: k.n + 1, d: k.d + x.d });
  }
  console.log(`  seed ${g}: persona ${base.total.toFixed(1)}, ${who} ${best.total.toFixed(1)} (${sign(d)})${byDepartures}; the persona's missing points: ${lost.join(', ') || 'none'}`);
}
console.log(`mean ${sign(diff / games)} points, ${who} wins ${((100 * wins) / games).toFixed(0)}% (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
if (expected.length) {
  // The error of the mean from the spread between seeds (it holds the futures' error and the games' own).
  const m = expected.reduce((a, x) => a + x, 0) / games;
  const se = games > 1 ? Math.sqrt(expected.reduce((a, x) => a + (x - m) ** 2, 0) / (games - 1) / games) : Number.NaN;
  console.log(`the oracle's expected gain by its departures: ${sign(m)} ± ${se.toFixed(1)} points a game (between seeds)`);
  console.log(`  by kind of departure, a game: ${[...byKind].map(([k, v]) => `${k} ${sign(v.d / games)} (${v.n} departures)`).join(', ') || 'none'}`);
}
console.log(
  `the persona's missing points, mean a seed: ${[...missing]
    .filter(([, v]) => v > 0.05)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(', ')}`,
);

function sign(x: number): string {
  return (x >= 0 ? '+' : '') + x.toFixed(1);
}
