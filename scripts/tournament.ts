// `npm run tournament`: every pairing of the registered computer players on both sides of every
// scenario, and the table of what came of it (src/ai/tournament.ts).
//   --games N        games per pairing (default 1)
//   --players a,b,c  only these players, by name (default: every registered kind and search level)
//   --scenarios x,y  only these scenarios (default: 1927, 1929, 1932)
//   --budget S       stop starting games after S seconds (default 300; 0 for no limit)
//   --rollouts R     playouts per package for the referee's utilities (default 2)
//   --seed PREFIX    prefix of the game seeds (default "tournament")
//   --workers N      worker processes playing games side by side (default: one a core; 1 plays here)
//   --results FILE   write each game's result to FILE as it ends; given a FILE that already holds some,
//                    play only the games it lacks (same code and options only: otherwise it says why not)
// The games are independent and added up in a fixed order, so the table does not depend on --workers
// nor on how many times a run was stopped and resumed.
import { type PlayerName, parsePlayerName, playerNames } from '../src/ai/index';
import { formatTournament } from '../src/ai/tournament';
import { runTournamentOnCores } from '../src/ai/tournamentRun';
import { loadScenario } from '../src/cli/scenarios';

function fail(msg: string): never {
  process.stderr.write(`tournament: ${msg}\n`);
  process.exit(2);
}

function parse(argv: string[]): Map<string, string> {
  const known = new Set(['games', 'players', 'scenarios', 'budget', 'rollouts', 'seed', 'workers', 'results']);
  const out = new Map<string, string>();
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    if (!a.startsWith('--') || !known.has(a.slice(2))) fail(`unknown option "${a}" (options: ${[...known].map(x => `--${x}`).join(', ')})`);
    const v = argv[++k];
    if (v === undefined) fail(`${a} needs a value`);
    out.set(a.slice(2), v);
  }
  return out;
}

function count(v: string | undefined, flag: string, dflt: number, min: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) fail(`--${flag} must be a whole number of at least ${min} (got "${v}")`);
  return n;
}

const args = parse(process.argv.slice(2));
// Every registered player and every search level by default; any player name (e.g. search:4@0.5) by --players.
const kinds = (args.get('players')?.split(',') ?? playerNames()).map(k => {
  const r = parsePlayerName(k);
  if (!r.ok) fail(r.error);
  return k as PlayerName;
});
const scenarios = (args.get('scenarios')?.split(',') ?? ['1927', '1929', '1932']).map(id => {
  try {
    return loadScenario(id).sc;
  } catch (e) {
    return fail((e as Error).message);
  }
});
const games = count(args.get('games'), 'games', 1, 1);
const budget = count(args.get('budget'), 'budget', 300, 0);
const rollouts = count(args.get('rollouts'), 'rollouts', 2, 1);
const workers = args.has('workers') ? count(args.get('workers'), 'workers', 1, 1) : undefined;
const results = args.get('results');
let result: Awaited<ReturnType<typeof runTournamentOnCores>>;
try {
  result = await runTournamentOnCores({
    scenarios,
    kinds,
    games,
    budgetMs: budget * 1000,
    rollouts,
    seed: args.get('seed') ?? 'tournament',
    workers,
    results,
    progress: (done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total} games`);
    },
  });
} catch (e) {
  fail((e as Error).message);
}
if (process.stderr.isTTY) process.stderr.write('\n');
process.stdout.write(`${formatTournament(result)}\n`);
if (result.games < result.planned)
  process.stdout.write(
    results
      ? `The time budget (${budget} s) ran out: run the same command again to go on from ${results}, or raise --budget.\n`
      : `The time budget (${budget} s) ran out: raise --budget, or give --results FILE to keep the games played and go on later.\n`,
  );
