// Unvalidated file -> validated Scenario, or an error naming the file, the path and the problem.
import type { z } from 'zod';
import { CompileError, compile } from '../engine/compile';
import { err, ok, type Result } from '../engine/types';
import { type Scenario, ScenarioSchema } from './schema';

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

const at = (data: unknown, path: readonly PropertyKey[]): unknown => path.reduce<unknown>((x, k) => (typeof x === 'object' && x !== null ? (x as Record<PropertyKey, unknown>)[k] : undefined), data);

const FORMS = [
  'fig',
  'flag',
  'noFlag',
  'flagAge',
  'lead',
  'inOffice',
  'dismiss',
  'appoint',
  'setLead',
  'relations',
  'fired',
  'chose',
  'took',
  'agreed',
  'from',
  'until',
  'all',
  'any',
  'not',
  'setFlag',
  'clearFlag',
  'resign',
  'chance',
  'if',
  'schedule',
  'news',
  'end',
];

type Issue = z.core.$ZodIssue;

/**
 * An object holding two forms' keys (`{"setFlag": "x", "fig": "y"}`) fails every branch, and the
 * deepest-issue rule then names a key missing from some unrelated form. The branches that fail only
 * on keys they do not take are the forms present: the message names the first of them (by the
 * object's own key order) and what it does not take.
 */
function twoForms(keys: string[], branches: Issue[][]): string | null {
  const only = branches
    .map(list => (list.length === 1 && list[0]!.code === 'unrecognized_keys' && list[0]!.path.length === 0 ? list[0]!.keys : null))
    .filter((extra): extra is string[] => extra !== null)
    .map(extra => ({ form: keys.find(k => FORMS.includes(k) && !extra.includes(k)), extra }))
    .filter((b): b is { form: string; extra: string[] } => b.form !== undefined)
    .sort((a, b) => keys.indexOf(a.form) - keys.indexOf(b.form));
  const first = only[0];
  if (!first) return null;
  return `a "${first.form}" takes no ${first.extra.map(k => `"${k}"`).join(', ')} (each condition or effect is one form; see docs/scenario-format.md)`;
}

/**
 * The most useful message for one issue. A union failure (a condition or effect matching no
 * form) is followed down to the deepest sub-issue; on the way, an object with none of the known
 * keys is reported by the keys it has, which is where a typo shows.
 */
function describeIssue(data: unknown, issue: Issue, prefix: readonly PropertyKey[] = []): string {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union') {
    const value = at(data, path);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (!keys.some(k => FORMS.includes(k)))
        return `${pathOf(path)}: no condition or effect has the key${keys.length > 1 ? 's' : ''} ${keys.map(k => `"${k}"`).join(', ')} (see docs/scenario-format.md)`;
    }
    // Follow the branch whose form matched (no missing or unknown keys of its own), else the one
    // that got furthest.
    const wrongForm = (list: Issue[]) => list.some(x => x.code === 'unrecognized_keys' || (x.code === 'invalid_type' && x.path.length === 1 && x.input === undefined));
    const branches = issue.errors.filter(list => list.length > 0);
    const right = branches.filter(list => !wrongForm(list));
    if (!right.length && typeof value === 'object' && value !== null) {
      const extra = twoForms(Object.keys(value), branches);
      if (extra) return `${pathOf(path)}: ${extra}`;
    }
    const best = (right.length ? right : branches).map(list => list[0]!).sort((a, b) => b.path.length - a.path.length)[0];
    if (best) return describeIssue(data, best, path);
  }
  // A text refused for its own form (a date, an id) is quoted: the message does not say what was written.
  const value = at(data, path);
  const quote = typeof value === 'string' && issue.input === value && value.length <= 40 && !issue.message.includes(value) && /^[\x20-\x7e]*$/.test(value);
  return `${pathOf(path) || '(top level)'}: ${issue.message}${quote ? ` (found ${JSON.stringify(value)})` : ''}`;
}

/**
 * How deep objects and lists may nest in a scenario file (the deepest shipped scenario, 1929,
 * reaches 22). Validation and compilation recurse through conditions and effects, so a file
 * nested thousands deep would overflow the stack.
 */
export const MAX_NESTING = 64;

/** The path to the first value nested deeper than MAX_NESTING, found without recursion. */
function tooDeep(data: unknown): PropertyKey[] | null {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: data, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_NESTING) return path;
    if (Array.isArray(value)) value.forEach((v, k) => stack.push({ value: v, path: [...path, k] }));
    else for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] });
  }
  return null;
}

/** Validate parsed JSON. `file` names the source in error messages. */
export function validateScenario(data: unknown, file: string): Result<Scenario> {
  const deep = tooDeep(data);
  if (deep) return err(`${file}: ${pathOf(deep)}: nested more than ${MAX_NESTING} deep (objects and lists may nest at most ${MAX_NESTING} levels)`);
  const parsed = ScenarioSchema.safeParse(data);
  if (!parsed.success) {
    // Report the deepest issue first: a union failure's own sub-issues say more than "invalid input".
    const lines = parsed.error.issues.slice(0, 5).map(i => `${file}: ${describeIssue(data, i)}`);
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
