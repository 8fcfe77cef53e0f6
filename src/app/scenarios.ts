/// <reference types="vite/client" />
// The scenario files, each loaded (and validated) only when it is needed, so the first screen does
// not wait for them (nor for the validator). Adding a file to scenarios/ adds it here with no code change.
//
// A scenario comes without its classroom roles unless they are asked for: the roles hold every
// role's secret aims, and the build keeps them in data of their own (vite.config.ts, scenarioRoles), so a student's
// device, a single-player game and history mode never load them. Pass-and-play and a saved classroom
// game (one shared screen) ask for them.
import { err, type Result } from '../engine/index';
import type { Scenario } from '../scenario/schema';

const files = import.meta.glob<unknown>('../../scenarios/[0-9]*.json', { import: 'default' });
const roleFiles = import.meta.glob<unknown>('../../scenarios/[0-9]*.json', { import: 'default', query: '?roles' });
const idOf = (path: string) => path.replace(/^.*\//, '').replace(/\.json(\?.*)?$/, '');
const byId = new Map(Object.entries(files).map(([path, load]) => [idOf(path), { path, load }]));
const rolesById = new Map(Object.entries(roleFiles).map(([path, load]) => [idOf(path), load]));

export const SCENARIO_IDS: readonly string[] = [...byId.keys()].sort();

const cache = new Map<string, Promise<Result<Scenario>>>();

export interface LoadOptions {
  /** With the classroom roles and their secret aims (for one shared screen only). */
  roles?: boolean;
}

export function loadScenario(id: string, opts: LoadOptions = {}): Promise<Result<Scenario>> {
  const f = byId.get(id);
  if (!f) return Promise.resolve(err(`there is no scenario "${id}" (have: ${SCENARIO_IDS.join(', ')})`));
  const key = `${id}${opts.roles ? '+roles' : ''}`;
  let p = cache.get(key);
  if (!p) {
    const roles = opts.roles ? rolesById.get(id)!() : Promise.resolve(undefined);
    p = Promise.all([f.load(), roles, import('../scenario/load')]).then(
      ([data, r, { validateScenario }]) => validateScenario(r === undefined || (Array.isArray(r) && !r.length) ? data : { ...(data as object), roles: r }, `scenarios/${id}.json`),
      (e: unknown) => err(`scenarios/${id}.json: could not load: ${String(e)}`),
    );
    cache.set(key, p);
  }
  return p;
}

/**
 * Whether a saved game needs the scenario's roles to replay: a classroom game (it names its seats)
 * or one whose moves carry students' ballots. Anything else replays without them.
 */
export function needsRoles(save: unknown): boolean {
  if (typeof save !== 'object' || save === null) return false;
  const s = save as { app?: { seats?: unknown; group?: unknown }; moves?: unknown };
  if (s.app?.seats !== undefined || s.app?.group !== undefined) return true;
  return Array.isArray(s.moves) && s.moves.some(m => typeof m === 'object' && m !== null && 'votes' in m);
}
