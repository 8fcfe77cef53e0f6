// The tournament on every core, resumable (`npm run tournament`). The games of the field are
// independent (each has its own seed and new players), so they are dealt to worker processes
// (tournamentWorker.ts, one a core by default) and the records are added up in the field's own
// order (tally): the table is the one a serial run prints, to the last digit. With a results file
// every game is written as it ends, and a run given the same file plays only the games it lacks.
// Child processes rather than threads so that each game's CPU time is its own. Node only.
import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parsePlayerName } from './names';
import { type GameJob, type GameRecord, jobKey, playTournamentGame, type TournamentOptions, type TournamentResult, tally, tournamentJobs } from './tournament';
import { openResults, type ResultsFile, resultsHeader } from './tournamentFile';
import type { FromWorker, ToWorker } from './tournamentWorker';

export interface RunOptions extends TournamentOptions {
  /** Worker processes (default: one a core; 1 plays in this process). */
  readonly workers?: number;
  /** The results file to write each game to, and to go on from if it already holds some. */
  readonly results?: string;
}

/** A rough cost of a player's games, to deal the long ones first (a round ends when its slowest game does): the search levels spend by level. */
function cost(name: string): number {
  const p = parsePlayerName(name);
  if (!p.ok) return 1;
  if (p.value.kind === 'search') return 10 * p.value.level!;
  return p.value.kind === 'negotiator' ? 3 : 1;
}

/** The games still to play, round by round as a serial run plays them, the costly ones first within a round. */
function dealOrder(jobs: readonly GameJob[]): GameJob[] {
  const weight = (j: GameJob) => cost(j.britain) + cost(j.ussr);
  return [...jobs].sort((a, b) => a.g - b.g || weight(b) - weight(a));
}

/** Play every game of the field that `results` does not already hold, on `workers` processes. */
export async function runTournamentOnCores(o: RunOptions): Promise<TournamentResult> {
  const t0 = performance.now();
  const rollouts = o.rollouts ?? 2;
  const seed = o.seed ?? 'tournament';
  const jobs = tournamentJobs(o);
  const file: ResultsFile | null = o.results ? openResults(o.results, resultsHeader(o)) : null;
  const inField = new Set(jobs.map(jobKey));
  const records = new Map<string, GameRecord>();
  for (const r of file?.records ?? []) if (inField.has(jobKey(r))) records.set(jobKey(r), r);
  const resumed = records.size;
  const todo = dealOrder(jobs.filter(j => !records.has(jobKey(j))));
  const workers = Math.max(1, Math.min(o.workers ?? availableParallelism(), todo.length));
  const over = () => (o.budgetMs ? performance.now() - t0 > o.budgetMs : false);
  const done = (r: GameRecord) => {
    records.set(jobKey(r), r);
    file?.append(r);
    o.progress?.(records.size, jobs.length);
  };
  try {
    if (workers === 1) {
      const byId = new Map(o.scenarios.map(sc => [sc.id, sc]));
      for (const job of todo) {
        if (over()) break;
        const t = process.cpuUsage();
        const r = playTournamentGame(byId.get(job.scenario)!, job, rollouts, seed);
        const used = process.cpuUsage(t);
        done({ ...r, ms: (used.user + used.system) / 1000 });
      }
    } else await onWorkers(o, todo, workers, over, done);
  } finally {
    file?.close();
  }
  const all = [...records.values()];
  return {
    pairings: tally(o, all),
    games: all.length,
    planned: jobs.length,
    ms: performance.now() - t0,
    gameMs: all.reduce((a, r) => a + r.ms, 0),
    workers,
    resumed,
  };
}

/** Deal `todo` to `n` worker processes, a game at a time, until every game is played or the budget is spent. */
function onWorkers(o: TournamentOptions, todo: readonly GameJob[], n: number, over: () => boolean, done: (r: GameRecord) => void): Promise<void> {
  const entry = fileURLToPath(new URL('./tournamentWorker.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    let next = 0;
    let busy = 0;
    let failed = false;
    const children: ChildProcess[] = [];
    const stopAll = () => {
      for (const c of children) if (c.connected) c.disconnect();
    };
    const feed = (c: ChildProcess) => {
      if (failed) return;
      if (next < todo.length && !over()) {
        busy++;
        c.send({ type: 'play', job: todo[next++]! } satisfies ToWorker);
      } else if (c.connected) c.disconnect();
      if (busy === 0) {
        stopAll();
        resolve();
      }
    };
    const fail = (why: string) => {
      if (failed) return;
      failed = true;
      stopAll();
      reject(new Error(why));
    };
    for (let k = 0; k < n; k++) {
      // The worker is TypeScript: it loads it through tsx, as the npm scripts and vitest do here.
      const c = fork(entry, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(c);
      c.on('message', (m: FromWorker) => {
        busy--;
        if (m.type === 'failed') return fail(`the game ${m.job.scenario}, ${m.job.britain} (Britain) against ${m.job.ussr} (USSR), game ${m.job.g}, failed: ${m.error}`);
        done(m.record);
        feed(c);
      });
      c.on('exit', (code, signal) => {
        if (c.connected || (code !== 0 && code !== null) || signal) fail(`a tournament worker stopped unexpectedly (${signal ?? `exit code ${code}`})`);
      });
      c.on('error', e => fail(`a tournament worker failed: ${e.message}`));
      c.send({ type: 'init', scenarios: [...o.scenarios], rollouts: o.rollouts ?? 2, seed: o.seed ?? 'tournament' } satisfies ToWorker);
      feed(c);
    }
  });
}
