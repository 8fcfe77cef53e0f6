// The tournament's results file (`npm run tournament -- --results FILE`), so that a run stopped by
// its time budget, Ctrl-C or a crash goes on where it stopped. JSON Lines: the first line says what
// the games were played with (the source code's hash, the scenarios' hashes, the players, games per
// pairing, referee playouts, seed prefix); every later line is one game's record, appended as soon
// as the game ends. A file written by other code or with other options is refused with the reason,
// never overwritten: its games would not be the games this run would play. Node only.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, truncateSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Scenario } from '../scenario/schema';
import type { GameRecord, TournamentOptions } from './tournament';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FORMAT = 1;

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Every TypeScript file under a folder, sorted (so the hash does not depend on the directory order). */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const f = join(dir, name);
    if (statSync(f).isDirectory()) out.push(...sourceFiles(f));
    else if (name.endsWith('.ts')) out.push(f);
  }
  return out;
}

let codeHash: string | undefined;
/** A hash of every source file under src/: any change to the rules or the players gives another. */
export function sourceHash(): string {
  if (codeHash === undefined) {
    const h = createHash('sha256');
    for (const f of sourceFiles(join(ROOT, 'src')))
      h.update(`${relative(ROOT, f)}\n`)
        .update(readFileSync(f))
        .update('\n');
    codeHash = h.digest('hex').slice(0, 16);
  }
  return codeHash;
}

/** The commit checked out, for people reading the file (the source hash is what is compared). */
function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

const header = z.strictObject({
  tournamentResults: z.literal(FORMAT),
  code: z.string(),
  commit: z.string(),
  options: z.strictObject({
    scenarios: z.array(z.strictObject({ id: z.string(), hash: z.string() })),
    players: z.array(z.string()),
    games: z.number(),
    rollouts: z.number(),
    seed: z.string(),
  }),
});
export type ResultsHeader = z.infer<typeof header>;

const bySide = <T extends z.ZodType>(t: T) => z.strictObject({ britain: t, ussr: t });
const record = z.strictObject({
  scenario: z.string(),
  britain: z.string(),
  ussr: z.string(),
  g: z.number().int().nonnegative(),
  score: bySide(z.number()),
  won: bySide(z.boolean()),
  agreed: z.boolean(),
  possible: z.boolean(),
  frontier: z.number().nullable(),
  nash: z.number().nullable(),
  ms: z.number(),
});

/** What a run is played with, as its results file's first line records it. */
export function resultsHeader(o: Pick<TournamentOptions, 'scenarios' | 'kinds' | 'games' | 'rollouts' | 'seed'>): ResultsHeader {
  return {
    tournamentResults: FORMAT,
    code: sourceHash(),
    commit: commit(),
    options: {
      scenarios: o.scenarios.map((sc: Scenario) => ({ id: sc.id, hash: sha(JSON.stringify(sc)) })),
      players: [...o.kinds],
      games: o.games,
      rollouts: o.rollouts ?? 2,
      seed: o.seed ?? 'tournament',
    },
  };
}

/** Why a file's header does not fit this run, or null if it does. */
function mismatch(file: string, was: ResultsHeader, now: ResultsHeader): string | null {
  if (was.code !== now.code)
    return `${file} was written by another version of the code (source hash ${was.code}, commit ${was.commit}; this is ${now.code}, commit ${now.commit}): its games are not the games this code plays. Give another --results file, or delete this one to start again.`;
  const a = was.options,
    b = now.options;
  const list = (xs: readonly string[]) => xs.join(',');
  const diffs: string[] = [];
  if (list(a.scenarios.map(s => s.id)) !== list(b.scenarios.map(s => s.id))) diffs.push(`--scenarios ${list(a.scenarios.map(s => s.id))} (this run: ${list(b.scenarios.map(s => s.id))})`);
  else a.scenarios.forEach((s, k) => s.hash !== b.scenarios[k]!.hash && diffs.push(`scenario ${s.id} as it then stood (its content has changed since)`));
  if (list(a.players) !== list(b.players)) diffs.push(`--players ${list(a.players)} (this run: ${list(b.players)})`);
  if (a.games !== b.games) diffs.push(`--games ${a.games} (this run: ${b.games})`);
  if (a.rollouts !== b.rollouts) diffs.push(`--rollouts ${a.rollouts} (this run: ${b.rollouts})`);
  if (a.seed !== b.seed) diffs.push(`--seed ${a.seed} (this run: ${b.seed})`);
  return diffs.length ? `${file} holds a run with other options: ${diffs.join('; ')}. Run with those options to go on with it, or give another --results file.` : null;
}

export interface ResultsFile {
  /** The games the file already holds. */
  readonly records: GameRecord[];
  /** Append one game's record (written at once: an interrupted run loses at most the games being played). */
  append(r: GameRecord): void;
  close(): void;
}

/**
 * Open a results file for a run: a new one is created with the run's header; an existing one must
 * have been written by this code with these options (otherwise this throws with the reason and the
 * file is left as it is). A last line cut off by an interruption is dropped; any other bad line is an error naming it.
 */
export function openResults(file: string, now: ResultsHeader): ResultsFile {
  const records: GameRecord[] = [];
  const exists = existsSync(file) && statSync(file).size > 0;
  if (exists) {
    const text = readFileSync(file, 'utf8');
    const complete = text.lastIndexOf('\n') + 1;
    const lines = text.slice(0, complete).split('\n').slice(0, -1);
    const parse = (line: string, k: number): unknown => {
      try {
        return JSON.parse(line);
      } catch {
        throw new Error(`${file}, line ${k + 1}: not JSON, so not a tournament results file (or a damaged one)`);
      }
    };
    if (!lines.length) throw new Error(`${file} is not a tournament results file: it has no complete first line`);
    const h = header.safeParse(parse(lines[0]!, 0));
    if (!h.success) throw new Error(`${file} is not a tournament results file: its first line is not a results header (${h.error.issues[0]!.path.join('.') || 'top'}: ${h.error.issues[0]!.message})`);
    const why = mismatch(file, h.data, now);
    if (why) throw new Error(why);
    lines.slice(1).forEach((line, k) => {
      const r = record.safeParse(parse(line, k + 1));
      if (!r.success) throw new Error(`${file}, line ${k + 2}: not a game record (${r.error.issues[0]!.path.join('.') || 'top'}: ${r.error.issues[0]!.message})`);
      records.push(r.data);
    });
    // A run killed while writing leaves half a line: drop it, so that the next record starts a line of its own.
    if (complete < text.length) truncateSync(file, Buffer.byteLength(text.slice(0, complete)));
  }
  const fd = openSync(file, 'a');
  if (!exists) writeSync(fd, `${JSON.stringify(now)}\n`);
  return {
    records,
    append: r => {
      writeSync(fd, `${JSON.stringify(r)}\n`);
    },
    close: () => closeSync(fd),
  };
}
