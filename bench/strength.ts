// npm run strength [-- --levels 1,2,3,4 --games 6 --seed s --scenarios 1927,1929 --sides britain
//                     --opponents persona,boulware,search:2 --workers 2 --json out.json --first 24]
// How much stronger the search player is than the persona it builds on: paired games, the same
// seeds, with the search player and then the persona in the same seat against the same opponent in
// the other seat (the persona unless --opponents names others: any computer player's name, e.g.
// boulware, historical, random, search:3), in every seat of every scenario. Prints, per level,
// opponent and seat, the mean difference in the seat's objective score (out of 100) with its standard
// error, and the paired win rate (games where the search player's score was higher; ties count
// half) with its 95% interval (pairedStats.ts), each seed's difference, and the same over all seats;
// with more than one opponent, last lines of the cells that meet issue 11's target (+5 points and
// 80% paired wins), those short of it within the games' intervals, and those short beyond them. A quick
// check, not the tournament. --json FILE also writes every seed's two scores (the search player's and
// the persona's) per cell, for tables made from several runs (`npm run strength:table -- FILES`). The games are independent, so --workers N plays them on N child
// processes (this file again); the figures do not depend on how many.
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parsePlayerName, SEARCH_LEVELS, type SearchLevel } from '../src/ai/index';
import { SIDES, type Side } from '../src/engine/vocab';
import { loadScenarioFile } from '../tests/loadScenario';
import { bySeed, type CellStats, cellStats, describeCell, verdictLines } from './pairedStats';
import { seatScore, strengthSeed } from './strengthGame';
import type { StrengthCell } from './strengthRuns';

/** One game: `mine` in `side` of scenario `id`, `opponent` in the other seat, on `seed`. */
interface Job {
  id: string;
  side: Side;
  mine: string;
  opponent: string;
  seed: string;
}

/** The seat's objective score out of 100 at the end of the game. */
const play = (j: Job): number => seatScore(loadScenarioFile(j.id), j.side, j.mine, j.opponent, j.seed).total;

const WORKER = 'STRENGTH_WORKER';
if (process.env[WORKER]) {
  process.on('message', (m: { k: number; job: Job }) => process.send!({ k: m.k, total: play(m.job) }));
  process.on('disconnect', () => process.exit(0));
} else await main();

/** Every job's score, in order, on `workers` child processes (1: in this one). */
async function playAll(jobs: readonly Job[], workers: number): Promise<number[]> {
  const out: number[] = new Array(jobs.length);
  if (workers <= 1) {
    jobs.forEach((j, k) => {
      out[k] = play(j);
    });
    return out;
  }
  const entry = fileURLToPath(import.meta.url);
  // The costly games (a search player in either seat) go first, so the last to end is a short one.
  const cost = (j: Job) => [j.mine, j.opponent].reduce((t, n) => t + (n.startsWith('search:') ? 10 * Number(n.slice(7)) : 1), 0);
  const order = jobs.map((_, k) => k).sort((a, b) => cost(jobs[b]!) - cost(jobs[a]!) || a - b);
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    let running = Math.min(workers, jobs.length);
    for (let w = 0; w < Math.min(workers, jobs.length); w++) {
      const c = fork(entry, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, [WORKER]: '1' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      const feed = () => {
        if (next < order.length) {
          const k = order[next++]!;
          c.send({ k, job: jobs[k]! });
        } else {
          c.disconnect();
          if (--running === 0) resolve();
        }
      };
      c.on('message', (m: { k: number; total: number }) => {
        out[m.k] = m.total;
        feed();
      });
      c.on('exit', (code, signal) => {
        if (code || signal) reject(new Error(`a strength worker stopped (${signal ?? `exit code ${code}`})`));
      });
      feed();
    }
  });
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      levels: { type: 'string', default: SEARCH_LEVELS.join(',') },
      games: { type: 'string', default: '6' },
      first: { type: 'string', default: '0' },
      seed: { type: 'string', default: 'strength' },
      scenarios: { type: 'string', default: '1927,1929,1932' },
      sides: { type: 'string', default: SIDES.join(',') },
      opponents: { type: 'string', default: 'persona' },
      workers: { type: 'string', default: '1' },
      json: { type: 'string' },
    },
  });
  const scenarios = values.scenarios!.split(',');
  const sides = values.sides!.split(',').filter((x): x is Side => (SIDES as readonly string[]).includes(x));
  const levels = values.levels!.split(',').map(Number) as SearchLevel[];
  const games = Number(values.games);
  // The first seed's number: more games for cells already played (seeds first to first + games - 1).
  const first = Number(values.first);
  if (!Number.isInteger(first) || first < 0) throw new Error(`--first: a seed number, 0 or more (got ${values.first})`);
  const opponents = values.opponents!.split(',');
  for (const o of opponents) {
    const r = parsePlayerName(o);
    if (!r.ok) throw new Error(`--opponents: ${r.error}`);
  }
  for (const l of levels) if (!SEARCH_LEVELS.includes(l)) throw new Error(`--levels: the search levels are ${SEARCH_LEVELS.join(', ')} (got ${values.levels})`);
  const t0 = performance.now();
  const against = opponents.length === 1 ? opponents[0] : `each of ${opponents.join(', ')}`;
  console.log(
    `search v persona, paired, against ${against}: ${games} seeds per seat${first ? ` (from seed ${first})` : ''}, scenarios ${scenarios.join(', ')}, seats ${sides.join(', ')}, levels ${levels.join(', ')}`,
  );
  const verdicts: { name: string; stats: CellStats }[] = [];
  // Every game of every cell at once, so that workers are kept busy to the end: per level, opponent,
  // scenario, seat and seed, the search player's game and then the persona's.
  const cells = levels.flatMap(level => opponents.flatMap(opponent => scenarios.flatMap(id => sides.map(side => ({ level, opponent, id, side })))));
  const jobs = cells.flatMap(({ level, opponent, id, side }) =>
    Array.from({ length: games }, (_, g) => strengthSeed(values.seed!, id, side, first + g)).flatMap(seed => [
      { id, side, mine: `search:${level}`, opponent, seed },
      { id, side, mine: 'persona', opponent, seed },
    ]),
  );
  const totals = await playAll(jobs, Number(values.workers));
  if (values.json) {
    // The shape strengthTable.ts reads back (StrengthCell), so the two cannot drift apart.
    const out: StrengthCell[] = cells.map((c, ci) => ({
      ...c,
      seeds: Array.from({ length: games }, (_, g) => ({ seed: jobs[2 * (ci * games + g)]!.seed, search: totals[2 * (ci * games + g)]!, persona: totals[2 * (ci * games + g) + 1]! })),
    }));
    writeFileSync(values.json, `${JSON.stringify({ seed: values.seed, games, cells: out }, null, 1)}\n`);
  }
  let ci = 0;
  for (const level of levels) {
    for (const opponent of opponents) {
      const all: number[] = [];
      const rows: string[] = [];
      for (const id of scenarios)
        for (const side of sides) {
          const diffs = Array.from({ length: games }, (_, g) => totals[2 * (ci * games + g)]! - totals[2 * (ci * games + g) + 1]!);
          const stats = cellStats(diffs);
          all.push(...diffs);
          verdicts.push({ name: `${id} ${side} v ${opponent}`, stats });
          rows.push(`  ${id} ${side.padEnd(7)}  ${describeCell(stats)}  (by seed: ${bySeed(diffs)})`);
          ci++;
        }
      const who = opponents.length === 1 ? `search:${level}` : `search:${level} v ${opponent}`;
      console.log(`${who}: mean ${describeCell(cellStats(all))} over ${all.length} games (${((performance.now() - t0) / 1000).toFixed(0)} s for all)`);
      for (const r of rows) console.log(r);
    }
  }
  if (opponents.length > 1) for (const line of verdictLines(verdicts)) console.log(line);
}
