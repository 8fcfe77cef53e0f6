// Unvalidated file -> validated Scenario, or an error naming the file, the path and the problem.
import { ScenarioSchema, type Scenario } from './schema';
import { compile, CompileError } from '../engine/compile';
import { err, ok, type Result } from '../engine/types';

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

const at = (data: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((x, k) => (typeof x === 'object' && x !== null ? (x as Record<PropertyKey, unknown>)[k] : undefined), data);

/** Validate parsed JSON. `file` names the source in error messages. */
export function validateScenario(data: unknown, file: string): Result<Scenario> {
  const parsed = ScenarioSchema.safeParse(data);
  if (!parsed.success) {
    // Report the deepest issue first: a union failure's own sub-issues say more than "invalid input".
    const lines = parsed.error.issues.slice(0, 5).map(i => {
      // A condition or effect matching no form: name the keys it has, which is where a typo shows.
      const value = at(data, i.path);
      if (i.code === 'invalid_union' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        const keys = Object.keys(value);
        const known = ['fig', 'flag', 'noFlag', 'relations', 'fired', 'chose', 'took', 'agreed', 'from', 'until', 'all', 'any', 'not',
          'setFlag', 'clearFlag', 'resign', 'chance', 'if', 'schedule', 'news', 'end'];
        if (!keys.some(k => known.includes(k))) return `${file}: ${pathOf(i.path)}: no condition or effect has the key${keys.length > 1 ? 's' : ''} ${keys.map(k => `"${k}"`).join(', ')} (see docs/scenario-format.md)`;
      }
      let issue = i;
      while (issue.code === 'invalid_union' && issue.errors.length) {
        const best = issue.errors.map(list => list[0]).filter(Boolean).sort((a, b) => b!.path.length - a!.path.length)[0];
        if (!best) break;
        issue = { ...best, path: [...issue.path, ...best.path] } as typeof issue;
      }
      return `${file}: ${pathOf(issue.path) || '(top level)'}: ${issue.message}`;
    });
    return err(lines.join('\n'));
  }
  try {
    compile(parsed.data);
  } catch (e) {
    if (e instanceof CompileError) return err(`${file}: ${e.message}`);
    throw e;
  }
  return ok(parsed.data);
}

export function parseScenario(text: string, file: string): Result<Scenario> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return err(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  return validateScenario(data, file);
}
