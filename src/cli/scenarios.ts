// Finding and loading a scenario: by id (scenarios/<id>.json, from the working directory or the
// project root) or by path; and the scenario a save is for, by id only. Failures are a CliError
// carrying the loader's message (exit 1).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSaveText } from '../engine/index';
import { parseScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { fit, printable } from './format';

/** An error the command reports as it stands, with exit status 1. */
export class CliError extends Error {}

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const looksLikePath = (arg: string) => arg.endsWith('.json') || arg.includes('/') || arg.includes('\\');

function scenarioDirs(): string[] {
  const dirs = [resolve('scenarios'), join(PROJECT_ROOT, 'scenarios')];
  return [...new Set(dirs)];
}

/** Scenario ids available in the scenarios folder. */
export function availableScenarios(): string[] {
  const ids = new Set<string>();
  for (const d of scenarioDirs()) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d)) if (f.endsWith('.json') && !f.endsWith('.schema.json')) ids.add(f.slice(0, -5));
  }
  return [...ids].sort();
}

/** The file a scenario argument names. */
export function scenarioFile(arg: string): string {
  if (looksLikePath(arg)) {
    if (!existsSync(arg)) throw new CliError(`${arg}: no such file`);
    return arg;
  }
  for (const d of scenarioDirs()) {
    const f = join(d, `${arg}.json`);
    // Name the file as the user would (scenarios/1927.json) when it is under the working directory.
    if (existsSync(f)) return f === resolve('scenarios', `${arg}.json`) ? join('scenarios', `${arg}.json`) : f;
  }
  if (existsSync(arg)) return arg;
  const have = availableScenarios();
  throw new CliError(`no scenario "${arg}": there is no scenarios/${arg}.json${have.length ? ` (available: ${have.join(', ')})` : ''}`);
}

/**
 * The most a scenario or save file may weigh. The largest shipped scenario is 0.4 MB; the limit
 * keeps a device or a huge file (`/dev/zero`) from being read into memory.
 */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** A regular file's text, refused (by name and reason) if it is not a file or is too large. */
function readText(file: string): string {
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new CliError(`${file}: cannot read: not a regular file`);
    if (st.size > MAX_FILE_BYTES) throw new CliError(`${file}: cannot read: ${st.size} bytes, more than the limit of ${MAX_FILE_BYTES} (16 MB)`);
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${file}: cannot read: ${readError(e as NodeJS.ErrnoException)}`);
  }
}

/** Why a file could not be read, in words ("no such file"), with the system's code for a search. */
function readError(e: NodeJS.ErrnoException): string {
  const words: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EISDIR: 'it is a directory',
    ENOTDIR: 'a part of its path is not a directory',
    EMFILE: 'too many files open',
  };
  const said = e.code ? words[e.code] : undefined;
  return said ? `${said} (${e.code})` : (e.code ?? e.message);
}

/** Read and validate a file as a scenario; the error names the file and the path in it. */
export function readScenario(file: string): Scenario {
  const text = readText(file);
  const r = parseScenario(text, file);
  if (!r.ok) throw new CliError(r.error);
  return r.value;
}

export function loadScenario(arg: string): { file: string; sc: Scenario } {
  const file = scenarioFile(arg);
  return { file, sc: readScenario(file) };
}

/** A plain scenario id as a save may name one: it can only ever mean scenarios/<id>.json. */
const PLAIN_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A save file's JSON, not yet checked (loadSave does that against the scenario). */
export function readSave(file: string): unknown {
  const parsed = parseSaveText(readText(file));
  if (!parsed.ok) throw new CliError(`${file}: ${parsed.error}`);
  const data = parsed.value;
  // The terminal game prints the seed and makes a file name of it; a save is a file anyone can
  // hand over, so its seed must be plain text.
  const seed = typeof data === 'object' && data !== null ? (data as { seed?: unknown }).seed : undefined;
  if (typeof seed === 'string' && printable(seed) !== seed) throw new CliError(`${file}: seed: the save's seed holds control characters`);
  return data;
}

/**
 * The scenario a save is played on. A save names its scenario by id, looked up among the shipped
 * scenarios (the scenarios folder) and never opened as a path: a save naming `/dev/zero` or
 * `/etc/passwd` is refused. The person running the command may name any id or file with
 * `--scenario` (`explicitArg`) instead. The version is checked by loadSave.
 */
export function scenarioForSave(data: unknown, explicitArg: string | undefined, saveFile: string): { file: string; sc: Scenario } {
  if (explicitArg !== undefined) return loadScenario(explicitArg);
  const named = typeof data === 'object' && data !== null ? (data as { scenario?: unknown }).scenario : undefined;
  if (typeof named !== 'string') throw new CliError(`${saveFile}: not a save file: it names no scenario (give --scenario ID|FILE to try one)`);
  if (!PLAIN_ID.test(named)) {
    throw new CliError(
      `${saveFile}: scenario: "${printable(fit(named, 80))}" is not a scenario id (a save names its scenario by an id of at most 64 letters, digits, dashes and underscores, never by a path); give --scenario ID|FILE`,
    );
  }
  const file = scenarioDirs()
    .map(d => join(d, `${named}.json`))
    .find(f => existsSync(f));
  if (file === undefined) {
    const have = availableScenarios();
    throw new CliError(`${saveFile}: the save is for scenario "${named}", which is not among the shipped scenarios${have.length ? ` (${have.join(', ')})` : ''}; give --scenario ID|FILE`);
  }
  try {
    return { file, sc: readScenario(file) };
  } catch (e) {
    if (e instanceof CliError) throw new CliError(`${saveFile}: the save is for scenario "${named}": ${e.message}; give --scenario ID|FILE`);
    throw e;
  }
}
