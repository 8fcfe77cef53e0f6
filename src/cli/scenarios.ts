// Finding and loading a scenario: by id (scenarios/<id>.json, from the working directory or the
// project root) or by path. Failures are a CliError carrying the loader's message (exit 1).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';

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

/** Read and validate a file as a scenario; the error names the file and the path in it. */
export function readScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const r = parseScenario(text, file);
  if (!r.ok) throw new CliError(r.error);
  return r.value;
}

export function loadScenario(arg: string): { file: string; sc: Scenario } {
  const file = scenarioFile(arg);
  return { file, sc: readScenario(file) };
}
