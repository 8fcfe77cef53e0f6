// A negotiation tournament as the automated-negotiation field runs one: every pairing of the
// registered computer players (PLAYER_KINDS), each kind on both sides of every scenario, the same
// seeds for every pairing so games are paired. For each pairing it records the agreement rate, each
// side's objective score, how many games each side won (scored above history in its seat), and,
// for each agreement, its distance to the Pareto frontier and to the Nash point of the package
// space, with utilities from the objectives (playouts from the true state just before the
// agreement bound: the tournament is the referee and may see everything). It also counts the games
// where, when the channel first opened, some package both cabinets would ratify left both sides
// better off, and how many of those ended in agreement.
import { compile } from '../engine/compile';
import { applyMove, createGame } from '../engine/game';
import { acceptance, negotiationOpen } from '../engine/negotiation';
import { score } from '../engine/scoring';
import type { GameState, Move } from '../engine/types';
import { SIDES, type Side } from '../engine/vocab';
import type { Scenario } from '../scenario/schema';
import { historicalBaseline } from './baseline';
import { type PlayerName, playerFor } from './names';
import { MIN_GAIN } from './negotiator';
import { distanceToFrontier, distanceToNash, indexOf, nashPoint, packageSpace, paretoFrontier, termsOf } from './packages';
import { runGame } from './player';
import { packageWorth } from './worth';

export interface TournamentOptions {
  readonly scenarios: readonly Scenario[];
  readonly kinds: readonly PlayerName[];
  /** Games per pairing (each with its own seed, the same seeds for every pairing). */
  readonly games: number;
  /** Stop starting games after this many milliseconds (0: no limit). Games are played round by round, so a cut leaves every pairing with a similar count. */
  readonly budgetMs?: number;
  /** Playouts per package evaluated for the referee's utilities. */
  readonly rollouts?: number;
  /** Prefix of the game seeds. */
  readonly seed?: string;
  /** Told after each game. */
  readonly progress?: (done: number, total: number) => void;
}

export interface Pairing {
  readonly scenario: string;
  readonly britain: PlayerName;
  readonly ussr: PlayerName;
  games: number;
  agreements: number;
  score: Record<Side, number>;
  won: Record<Side, number>;
  /** Per agreement. */
  frontier: number[];
  nash: number[];
  /** Games where a package both cabinets would ratify and both sides gain from existed when the channel opened. */
  possible: number;
  /** Of those, games that ended in agreement. */
  possibleAgreed: number;
}

export interface TournamentResult {
  readonly pairings: Pairing[];
  readonly games: number;
  readonly planned: number;
  readonly ms: number;
}

/** Whether some package leaves both sides better off by more than MIN_GAIN and both cabinets would more likely than not ratify it. */
function agreementPossible(sc: Scenario, s: GameState, rollouts: number, seed: string): boolean {
  const c = compile(sc);
  const ps = packageSpace(c);
  const w = packageWorth(sc, s, { rollouts, seed }, 'britain');
  const memo = { britain: new Map<number, number>(), ussr: new Map<number, number>() };
  const chance = (side: Side, i: number) => {
    const v = ps.table[side][i]!;
    let p = memo[side].get(v);
    if (p === undefined) {
      p = acceptance(c, s, side, termsOf(ps, i)).chance;
      memo[side].set(v, p);
    }
    return p;
  };
  for (let i = 0; i < ps.size; i++) if (w.britain[i]! > MIN_GAIN && w.ussr[i]! > MIN_GAIN && chance('britain', i) >= 0.5 && chance('ussr', i) >= 0.5) return true;
  return false;
}

/** Play one game and measure it into `p`. */
function playGame(sc: Scenario, p: Pairing, seed: string, rollouts: number): void {
  const c = compile(sc);
  const s0 = createGame(sc, seed, { record: false });
  const run = runGame(sc, s0, { britain: playerFor(p.britain, sc, 'britain'), ussr: playerFor(p.ussr, sc, 'ussr') });
  const end = run.state;
  p.games++;
  const hist = historicalBaseline(sc).scores;
  for (const side of SIDES) {
    const x = score(c, end, side).total;
    p.score[side] += x;
    if (x > hist[side].total + 0.005) p.won[side]++;
  }
  const agreed = end.offers.find(o => o.status === 'ratified');
  if (agreed) p.agreements++;
  // Replay the moves for the state when the channel first opened and the state just before the agreement bound.
  let s = s0;
  let opened: GameState | null = null;
  let before: GameState | null = null;
  for (const m of run.moves as Move[]) {
    if (!opened && negotiationOpen(c, s)) opened = s;
    const next = applyMove(sc, s, m);
    if (!next.ok) throw new Error(`replaying a tournament game failed: ${next.error}`);
    if (agreed && !before && next.value.offers.some(o => o.n === agreed.n && o.status === 'ratified')) before = s;
    s = next.value;
  }
  if (opened && agreementPossible(sc, opened, rollouts, `${seed}/possible`)) {
    p.possible++;
    if (agreed) p.possibleAgreed++;
  }
  if (agreed && before) {
    const w = packageWorth(sc, before, { rollouts, seed: `${seed}/referee` }, agreed.from);
    const i = indexOf(packageSpace(c), agreed.terms);
    p.frontier.push(distanceToFrontier(w, paretoFrontier(w), i));
    const d = distanceToNash(w, nashPoint(w), i);
    if (d !== null) p.nash.push(d);
  }
}

export function runTournament(o: TournamentOptions): TournamentResult {
  const t0 = performance.now();
  const rollouts = o.rollouts ?? 2;
  const pairings: { sc: Scenario; p: Pairing }[] = [];
  for (const sc of o.scenarios)
    for (const britain of o.kinds)
      for (const ussr of o.kinds)
        pairings.push({
          sc,
          p: { scenario: sc.id, britain, ussr, games: 0, agreements: 0, score: { britain: 0, ussr: 0 }, won: { britain: 0, ussr: 0 }, frontier: [], nash: [], possible: 0, possibleAgreed: 0 },
        });
  const planned = pairings.length * o.games;
  let done = 0;
  outer: for (let g = 0; g < o.games; g++)
    for (const { sc, p } of pairings) {
      if (o.budgetMs && performance.now() - t0 > o.budgetMs) break outer;
      playGame(sc, p, `${o.seed ?? 'tournament'}-${g}`, rollouts);
      done++;
      o.progress?.(done, planned);
    }
  return { pairings: pairings.map(x => x.p), games: done, planned, ms: performance.now() - t0 };
}

const mean = (xs: readonly number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const pctOf = (n: number, d: number): string => (d ? `${Math.round((100 * n) / d)}%` : '-');
const num = (x: number | null, digits = 1): string => (x === null ? '-' : x.toFixed(digits));

/** The table as plain text: one row per pairing, then each kind's figures over all its games in each seat. */
export function formatTournament(r: TournamentResult): string {
  const head = ['scenario', 'britain', 'ussr', 'games', 'agree', 'agree|possible', 'B score', 'U score', 'B won', 'U won', 'to frontier', 'to Nash'];
  const rows = r.pairings
    .filter(p => p.games > 0)
    .map(p => [
      p.scenario,
      p.britain,
      p.ussr,
      String(p.games),
      pctOf(p.agreements, p.games),
      p.possible ? `${p.possibleAgreed}/${p.possible}` : '-',
      num(p.score.britain / p.games),
      num(p.score.ussr / p.games),
      pctOf(p.won.britain, p.games),
      pctOf(p.won.ussr, p.games),
      num(mean(p.frontier), 2),
      num(mean(p.nash), 2),
    ]);
  const kinds = [...new Set(r.pairings.flatMap(p => [p.britain, p.ussr]))];
  const byKind = kinds.map(k => {
    const asB = r.pairings.filter(p => p.britain === k && p.games);
    const asU = r.pairings.filter(p => p.ussr === k && p.games);
    const games = (xs: Pairing[]) => xs.reduce((a, p) => a + p.games, 0);
    const sum = (xs: Pairing[], f: (p: Pairing) => number) => xs.reduce((a, p) => a + f(p), 0);
    const all = r.pairings.filter(p => p.games && (p.britain === k || p.ussr === k));
    return [
      k,
      String(games(all)),
      pctOf(
        sum(all, p => p.agreements),
        games(all),
      ),
      num(games(asB) ? sum(asB, p => p.score.britain) / games(asB) : null),
      num(games(asU) ? sum(asU, p => p.score.ussr) / games(asU) : null),
      pctOf(
        sum(asB, p => p.won.britain),
        games(asB),
      ),
      pctOf(
        sum(asU, p => p.won.ussr),
        games(asU),
      ),
      num(mean(all.flatMap(p => p.frontier)), 2),
      num(mean(all.flatMap(p => p.nash)), 2),
    ];
  });
  const table = (h: string[], body: string[][]) => {
    const w = h.map((x, k) => Math.max(x.length, ...body.map(b => b[k]!.length)));
    const line = (cells: string[]) => cells.map((x, k) => (k < 3 && h === head ? x.padEnd(w[k]!) : k === 0 ? x.padEnd(w[k]!) : x.padStart(w[k]!))).join('  ');
    return [line(h), w.map(x => '-'.repeat(x)).join('  '), ...body.map(line)].join('\n');
  };
  return [
    `Tournament: ${r.games} of ${r.planned} games played in ${(r.ms / 1000).toFixed(1)} s.`,
    'agree: games ending in a ratified agreement; agree|possible: agreements among games where, when talks opened, a package both cabinets would ratify left both sides better off;',
    'score: objective score out of 100; won: scored above history in that seat; to frontier / to Nash: mean distance of agreements, in objective points.',
    '',
    table(head, rows),
    '',
    'By player, over all its games:',
    table(['player', 'games', 'agree', 'as B score', 'as U score', 'B won', 'U won', 'to frontier', 'to Nash'], byKind),
  ].join('\n');
}
