// Shared by the tests that need the real 1927 scenario.
import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/scenario/load';
import type { Scenario } from '../src/scenario/schema';

export function loadScenarioFile(id: string): Scenario {
  const file = `scenarios/${id}.json`;
  const r = parseScenario(readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
