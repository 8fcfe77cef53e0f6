/// <reference types="vite/client" />
// The scenario files, each loaded (and validated) only when it is needed, so the first screen does
// not wait for them (nor for the validator). Adding a file to scenarios/ adds it here with no code change.
import { err, type Result } from '../engine/index';
import type { Scenario } from '../scenario/schema';

const files = import.meta.glob<unknown>('../../scenarios/[0-9]*.json', { import: 'default' });
const byId = new Map(Object.entries(files).map(([path, load]) => [path.replace(/^.*\//, '').replace(/\.json$/, ''), { path, load }]));

export const SCENARIO_IDS: readonly string[] = [...byId.keys()].sort();

const cache = new Map<string, Promise<Result<Scenario>>>();

export function loadScenario(id: string): Promise<Result<Scenario>> {
  const f = byId.get(id);
  if (!f) return Promise.resolve(err(`there is no scenario "${id}" (have: ${SCENARIO_IDS.join(', ')})`));
  let p = cache.get(id);
  if (!p) {
    p = Promise.all([f.load(), import('../scenario/load')]).then(
      ([data, { validateScenario }]) => validateScenario(data, `scenarios/${id}.json`),
      (e: unknown) => err(`scenarios/${id}.json: could not load: ${String(e)}`),
    );
    cache.set(id, p);
  }
  return p;
}
