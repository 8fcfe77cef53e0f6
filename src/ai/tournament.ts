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
import type { Compiled } from '../engine/compiled';
import { applyMove, createGame } from '../engine/game';
import { acceptance, negotiationOpen } from '../engine/negotiation';
import { score as scoreOf } from '../engine/scoring';
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

/** One game of the field: a pairing in a scenario, and which of its games (the seed is `${seed}-${g}`). */
export interface GameJob {
  readonly scenario: string;
  readonly britain: PlayerName;
  readonly ussr: PlayerName;
  readonly g: number;
}

/**
 * What one game came to: plain data, so that it can cross to and from a worker and be written to a
 * results file and read back exactly (JSON keeps every double as it was).
 */
export interface GameRecord extends GameJob {
  readonly score: Record<Side, number>;
  /** Scored above history in that seat. */
  readonly won: Record<Side, boolean>;
  readonly agreed: boolean;
  /** Whether, when talks opened with time left for a note to be answered (talksOpened), a package both cabinets would ratify left both sides better off. */
  readonly possible: boolean;
  /** For an agreement: its distance to the Pareto frontier and to the Nash point (null when there is none). */
  readonly frontier: number | null;
  readonly nash: number | null;
  /** Time the game took where it was played (CPU time in the Node runner); for the report, never for the results. */
  readonly ms: number;
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
  /** Games where a package both cabinets would ratify and both sides gain from existed when the channel opened with time left to answer a note. */
  possible: number;
  /** Of those, games that ended in agreement. */
  possibleAgreed: number;
}

export interface TournamentResult {
  readonly pairings: Pairing[];
  readonly games: number;
  readonly planned: number;
  /** Wall time of the run. */
  readonly ms: number;
  /** The games' own time added up (CPU time in the Node runner), and how many parallel workers played them. */
  readonly gameMs?: number;
  readonly workers?: number;
  /** Games read back from a results file rather than played in this run. */
  readonly resumed?: number;
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

/**
 * The state the referee judges a game's talks from: the first, among the states moves were made on,
 * where talks are open and a note sent then could still be answered, because the game goes on, talks
 * still open, to a move at least the scenario's reply time later. A game that ends, or whose talks
 * close, before a note could arrive had no agreement to miss (1932: talks can open on the turn
 * Chamberlain falls and the game ends).
 */
export function talksOpened(c: Compiled, played: readonly GameState[]): GameState | null {
  const open = played.map(s => negotiationOpen(c, s));
  for (let i = 0; i < played.length; i++) {
    if (!open[i]) continue;
    // A note sent with turn t's orders arrives at the start of the first turn dated its day + replyDays or later.
    const due = c.days[played[i]!.turn]! + c.negotiation.replyDays;
    for (let j = i + 1; j < played.length; j++) if (open[j] && c.days[played[j]!.turn]! >= due) return played[i]!;
  }
  return null;
}

/** Every game of the field in the order a serial run plays them: round by round (game g of every pairing), each round scenario by scenario, Britain's player, then the USSR's. */
export function tournamentJobs(o: Pick<TournamentOptions, 'scenarios' | 'kinds' | 'games'>): GameJob[] {
  const jobs: GameJob[] = [];
  for (let g = 0; g < o.games; g++) for (const sc of o.scenarios) for (const britain of o.kinds) for (const ussr of o.kinds) jobs.push({ scenario: sc.id, britain, ussr, g });
  return jobs;
}

/** A game's key in a results file and in a run's bookkeeping. */
export const jobKey = (j: GameJob): string => `${j.scenario} ${j.britain} ${j.ussr} ${j.g}`;

/** Play one game of the field and measure it (the record's `ms` is left for the caller, which knows what clock to use). */
export function playTournamentGame(sc: Scenario, job: GameJob, rollouts: number, seedPrefix: string): Omit<GameRecord, 'ms'> {
  const seed = `${seedPrefix}-${job.g}`;
  const c = compile(sc);
  const s0 = createGame(sc, seed, { record: false });
  const run = runGame(sc, s0, { britain: playerFor(job.britain, sc, 'britain'), ussr: playerFor(job.ussr, sc, 'ussr') });
  const end = run.state;
  const hist = historicalBaseline(sc).scores;
  const score = { britain: scoreOf(c, end, 'britain').total, ussr: scoreOf(c, end, 'ussr').total };
  const won = { britain: score.britain > hist.britain.total + 0.005, ussr: score.ussr > hist.ussr.total + 0.005 };
  const agreed = end.offers.find(o => o.status === 'ratified');
  // Replay the moves for the states they were made on and the state just before the agreement bound.
  let s = s0;
  const played: GameState[] = [];
  let before: GameState | null = null;
  for (const m of run.moves as Move[]) {
    played.push(s);
    const next = applyMove(sc, s, m);
    if (!next.ok) throw new Error(`replaying a tournament game failed: ${next.error}`);
    if (agreed && !before && next.value.offers.some(o => o.from === agreed.from && o.n === agreed.n && o.status === 'ratified')) before = s;
    s = next.value;
  }
  const opened = talksOpened(c, played);
  const possible = opened !== null && agreementPossible(sc, opened, rollouts, `${seed}/possible`);
  let frontier: number | null = null;
  let nash: number | null = null;
  if (agreed && before) {
    const w = packageWorth(sc, before, { rollouts, seed: `${seed}/referee` }, agreed.from);
    const i = indexOf(packageSpace(c), agreed.terms);
    frontier = distanceToFrontier(w, paretoFrontier(w), i);
    nash = distanceToNash(w, nashPoint(w), i);
  }
  return { ...job, score, won, agreed: agreed !== undefined, possible, frontier, nash };
}

/**
 * The table's pairings from game records: every pairing of the field (scenario by scenario,
 * Britain's player, then the USSR's), the records added in the field's own game order whatever
 * order they came in, so that a parallel or resumed run sums to the same numbers as a serial one.
 */
export function tally(o: Pick<TournamentOptions, 'scenarios' | 'kinds' | 'games'>, records: Iterable<GameRecord>): Pairing[] {
  const pairings = new Map<string, Pairing>();
  for (const sc of o.scenarios)
    for (const britain of o.kinds)
      for (const ussr of o.kinds)
        pairings.set(`${sc.id} ${britain} ${ussr}`, {
          scenario: sc.id,
          britain,
          ussr,
          games: 0,
          agreements: 0,
          score: { britain: 0, ussr: 0 },
          won: { britain: 0, ussr: 0 },
          frontier: [],
          nash: [],
          possible: 0,
          possibleAgreed: 0,
        });
  const byKey = new Map<string, GameRecord>();
  for (const r of records) byKey.set(jobKey(r), r);
  for (const job of tournamentJobs(o)) {
    const r = byKey.get(jobKey(job));
    if (!r) continue;
    const p = pairings.get(`${job.scenario} ${job.britain} ${job.ussr}`)!;
    p.games++;
    for (const side of SIDES) {
      p.score[side] += r.score[side];
      if (r.won[side]) p.won[side]++;
    }
    if (r.agreed) p.agreements++;
    if (r.possible) {
      p.possible++;
      if (r.agreed) p.possibleAgreed++;
    }
    if (r.frontier !== null) p.frontier.push(r.frontier);
    if (r.nash !== null) p.nash.push(r.nash);
  }
  return [...pairings.values()];
}

/** The whole field played here, one game after another (the Node runner, tournamentRun.ts, plays it on every core). */
export function runTournament(o: TournamentOptions): TournamentResult {
  const t0 = performance.now();
  const rollouts = o.rollouts ?? 2;
  const byId = new Map(o.scenarios.map(sc => [sc.id, sc]));
  const jobs = tournamentJobs(o);
  const records: GameRecord[] = [];
  let gameMs = 0;
  for (const job of jobs) {
    if (o.budgetMs && performance.now() - t0 > o.budgetMs) break;
    const t = performance.now();
    const r = playTournamentGame(byId.get(job.scenario)!, job, rollouts, o.seed ?? 'tournament');
    const ms = performance.now() - t;
    gameMs += ms;
    records.push({ ...r, ms });
    o.progress?.(records.length, jobs.length);
  }
  return { pairings: tally(o, records), games: records.length, planned: jobs.length, ms: performance.now() - t0, gameMs, workers: 1 };
}

const mean = (xs: readonly number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const pctOf = (n: number, d: number): string => (d ? `${Math.round((100 * n) / d)}%` : '-');
const num = (x: number | null, digits = 1): string => (x === null ? '-' : x.toFixed(digits));

/** Fixed-width columns: the first `left` columns aligned left, the rest right. */
function table(h: readonly string[], body: readonly string[][], left: number): string {
  const w = h.map((x, k) => Math.max(x.length, ...body.map(b => b[k]!.length)));
  const line = (cells: readonly string[]) => cells.map((x, k) => (k < left ? x.padEnd(w[k]!) : x.padStart(w[k]!))).join('  ');
  return [line(h), w.map(x => '-'.repeat(x)).join('  '), ...body.map(line)].join('\n');
}

const PAIRING_HEAD = ['scenario', 'britain', 'ussr', 'games', 'agree', 'agree|possible', 'B score', 'U score', 'B won', 'U won', 'to frontier', 'to Nash'];
const PLAYER_HEAD = ['player', 'games', 'agree', 'as B score', 'as U score', 'B won', 'U won', 'to frontier', 'to Nash'];

const pairingRow = (p: Pairing): string[] => [
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
];

/** Each player's figures over all its games among `ps`, in each seat. */
function playerRows(ps: readonly Pairing[]): string[][] {
  const kinds = [...new Set(ps.flatMap(p => [p.britain, p.ussr]))];
  const games = (xs: Pairing[]) => xs.reduce((a, p) => a + p.games, 0);
  const sum = (xs: Pairing[], f: (p: Pairing) => number) => xs.reduce((a, p) => a + f(p), 0);
  return kinds.map(k => {
    const asB = ps.filter(p => p.britain === k && p.games);
    const asU = ps.filter(p => p.ussr === k && p.games);
    const all = ps.filter(p => p.games && (p.britain === k || p.ussr === k));
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
}

/** How the run went, in one line: games played, wall time, and the games' own time on how many workers. */
function runLine(r: TournamentResult): string {
  const parts = [`Tournament: ${r.games} of ${r.planned} games played in ${(r.ms / 1000).toFixed(1)} s`];
  if (r.gameMs !== undefined) parts.push(`the games took ${(r.gameMs / 1000).toFixed(1)} s${r.workers && r.workers > 1 ? ` on ${r.workers} workers` : ''}`);
  if (r.resumed) parts.push(`${r.resumed} of them read back from the results file`);
  return `${parts.join('; ')}.`;
}

/** The table as plain text: per scenario, one row per pairing and each player's figures in that scenario; then each player's figures over every scenario. */
export function formatTournament(r: TournamentResult): string {
  const scenarios = [...new Set(r.pairings.map(p => p.scenario))];
  const out = [
    runLine(r),
    'agree: games ending in a ratified agreement; agree|possible: agreements among games where, when talks opened with time left to answer a note, a package both cabinets would ratify left both sides better off;',
    'score: objective score out of 100; won: scored above history in that seat; to frontier / to Nash: mean distance of agreements, in objective points',
    '(to Nash counts the agreements made when some package still left both sides better off, the only ones with a Nash point; "-" where there were none).',
  ];
  for (const id of scenarios) {
    const ps = r.pairings.filter(p => p.scenario === id);
    const played = ps.filter(p => p.games > 0);
    out.push('', `${id}: ${played.reduce((a, p) => a + p.games, 0)} games, ${played.length} of ${ps.length} pairings played.`, '');
    if (!played.length) continue;
    out.push(table(PAIRING_HEAD, played.map(pairingRow), 3), '', `By player, ${id}:`, table(PLAYER_HEAD, playerRows(ps), 1));
  }
  if (scenarios.length > 1) out.push('', 'By player, over all its games in every scenario:', table(PLAYER_HEAD, playerRows(r.pairings), 1));
  return out.join('\n');
}
