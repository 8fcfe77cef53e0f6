// npx tsx bench/advantage.ts [--level 4 --games 4 --seed strength --scenarios 1929 --sides britain
//                             --opponents historical,hardliner --futures 48 --verbose]
// How much the search player gains over the persona in one seat against an opponent, estimated from
// its decisions rather than from final scores. `npm run strength` compares the final scores of
// paired games, and once the two games part (the first move that differs changes every later die)
// a single chance event can swing one seed by 30 points or more either way, so a handful of seeds
// says little. Here, at every move where the search player leaves the persona's move, both moves
// are played on from the game's true state (fresh dice; the seat played on by its persona, the other
// seat by the real opponent) and the difference is averaged. By the performance-difference identity,
// the sum of those differences over a game has as its expectation the search player's expected
// score less the persona's from the game's start, against that opponent: the moves where the search
// kept the persona's move add nothing, and the persona's own move is a fair draw of the persona's
// play. Its spread comes from the futures at the departures, not from the whole game's dice.
// The bench reads the true state: it measures players, it is no player. Opponents that search
// (search:N) are too slow to play the futures with, and are refused.
import { parseArgs } from 'node:util';
import { nextMove, type Player, parsePlayerName, playerFor } from '../src/ai/index';
import { makeSidePersona } from '../src/ai/persona';
import { AI_VIEW, aiRng } from '../src/ai/player';
import { applyMove, compile, createGame, type GameState, type Move, score, seatView } from '../src/engine/index';
import { openRng } from '../src/engine/rng';
import { other, SIDES, type Side } from '../src/engine/vocab';
import { loadScenarioFile } from '../tests/loadScenario';
import { departureKind, edge } from './edge';
import { futuresPolicy } from './worldOpponent';

const { values } = parseArgs({
  options: {
    level: { type: 'string', default: '4' },
    games: { type: 'string', default: '4' },
    seed: { type: 'string', default: 'strength' },
    scenarios: { type: 'string', default: '1927,1929,1932' },
    sides: { type: 'string', default: SIDES.join(',') },
    opponents: { type: 'string', default: 'persona' },
    futures: { type: 'string', default: '48' },
    verbose: { type: 'boolean', default: false },
  },
});
const me = `search:${values.level}`;
const mine = parsePlayerName(me);
if (!mine.ok) throw new Error(`--level: ${mine.error}`);
const opponents = values.opponents!.split(',');
for (const o of opponents) {
  const r = parsePlayerName(o);
  if (!r.ok) throw new Error(`--opponents: ${r.error}`);
  if (r.value.kind === 'search') throw new Error(`--opponents: ${o} searches at every move of every future; use npm run strength for it`);
}
const sides = values.sides!.split(',').filter((x): x is Side => (SIDES as readonly string[]).includes(x));
const games = Number(values.games),
  futures = Number(values.futures);
if (!(futures >= 2)) throw new Error(`--futures must be 2 or more (got ${values.futures})`);

const key = (m: Move): string =>
  m.type === 'decide'
    ? `d:${m.option}`
    : m.orders
        .map(o => JSON.stringify(o))
        .sort()
        .join('|');

/** `move` less `base` from true state `s` against `opponent`, the seat played on by its persona (edge.ts). */
function edgeAgainst(id: string, s: GameState, side: Side, opponent: string, move: Move, base: Move, n: number, seed: string): { d: number; se: number } {
  return edge(futuresPolicy(loadScenarioFile(id), side, opponent), s, side, move, base, n, seed);
}

/** One game of the search player in `side` against `opponent`: its final score, and the estimated gain of each departure. */
function audit(id: string, side: Side, opponent: string, seed: string) {
  const sc = loadScenarioFile(id);
  const c = compile(sc);
  const players = { [side]: playerFor(me, sc, side), [other(side)]: playerFor(opponent, sc, other(side)) } as Record<Side, Player>;
  const rngs = { britain: aiRng(seed, 'britain'), ussr: aiRng(seed, 'ussr') };
  let s = createGame(sc, seed, { record: false });
  const gains: { turn: number; kind: ReturnType<typeof departureKind>; d: number; se: number }[] = [];
  for (let guard = 0; !s.ended && guard < 100000; guard++) {
    const sd = SIDES.find(x => nextMoveDue(s, x));
    if (!sd) break;
    const view = seatView(c, s, sd, AI_VIEW);
    // The persona's move with the dice the search player is about to use: the search asks its
    // persona first, with the same dice, so this is the move it keeps or leaves.
    const before = rngs[sd].state();
    const m = nextMove(c, view, players[sd], rngs[sd])!;
    if (sd === side) {
      const p = nextMove(c, view, makeSidePersona(sc, side), openRng(before))!;
      if (key(p) !== key(m)) {
        gains.push({ turn: s.turn, kind: departureKind(m, p), ...edgeAgainst(id, s, side, opponent, m, p, futures, `${seed}/advantage/${s.turn}/${gains.length}`) });
        if (values.verbose) console.log(`  ${seed} t${s.turn}: ${sign(gains.at(-1)!.d)} ± ${gains.at(-1)!.se.toFixed(1)}  ${players[sd].why?.()?.summary.slice(0, 160) ?? ''}`);
      }
    }
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(`${players[sd].kind} made an illegal move: ${r.error}`);
    s = r.value;
  }
  return { total: score(c, s, side).total, gains };
}

const nextMoveDue = (s: GameState, side: Side): boolean => !s.ended && (s.pending[side].length > 0 || s.orders[side] === null);

const sign = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(1);
const t0 = process.cpuUsage();
console.log(`${me} v persona, by its departures: ${games} seeds per seat, ${futures} futures per departure, seeds ${values.seed}-ID-SIDE-0..${games - 1}`);
for (const opponent of opponents)
  for (const id of values.scenarios!.split(','))
    for (const side of sides) {
      let sum = 0,
        v = 0;
      const perSeed: number[] = [];
      const each: string[] = [];
      const byKind = new Map<string, { n: number; d: number }>();
      for (let g = 0; g < games; g++) {
        const seed = `${values.seed}-${id}-${side}-${g}`;
        const { gains } = audit(id, side, opponent, seed);
        for (const x of gains) {
          const k = byKind.get(x.kind) ?? { n: 0, d: 0 };
          byKind.set(x.kind, { n: k.n + 1, d: k.d + x.d });
        }
        const d = gains.reduce((a, x) => a + x.d, 0),
          se2 = gains.reduce((a, x) => a + x.se * x.se, 0);
        sum += d;
        v += se2;
        perSeed.push(d);
        each.push(`${sign(d)}±${Math.sqrt(se2).toFixed(1)} (${gains.length} departures)`);
      }
      // The spread between seeds holds the futures' error and the games' own: the honest error of the mean.
      const m = sum / games;
      const across = games > 1 ? Math.sqrt(perSeed.reduce((a, x) => a + (x - m) ** 2, 0) / (games - 1) / games) : Number.NaN;
      console.log(
        `${id} ${side.padEnd(7)} v ${opponent.padEnd(10)} ${sign(m)} ± ${across.toFixed(1)} points a game (between seeds; futures' error alone ± ${(Math.sqrt(v) / games).toFixed(1)}); by seed: ${each.join(', ')}`,
      );
      console.log(`  by kind of departure, a game: ${[...byKind].map(([k, x]) => `${k} ${sign(x.d / games)} (${x.n} departures)`).join(', ') || 'none'}`);
    }
console.log(`CPU ${(process.cpuUsage(t0).user / 1e6).toFixed(0)} s`);
