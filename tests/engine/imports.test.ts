// The engine owns its rules: nothing under src/engine imports the scenario package, a front end,
// the computer players or a browser library, and the engine's own files import one another
// without a cycle. A regex scan of import and export-from lines is enough for this code base.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = 'src/engine';
const files = readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
  .filter(f => f.endsWith('.ts'))
  .map(f => path.posix.join(ROOT, f.split(path.sep).join('/')));

/** Every module specifier a file imports or re-exports from, static or dynamic. */
function specifiers(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    out.push((m[1] ?? m[2] ?? m[3])!);
  }
  return out;
}

/** A relative specifier as a path from the repository root, or null for a package. */
function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const p = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  return p.endsWith('.ts') ? p : `${p.replace(/\.js$/, '')}.ts`;
}

const FORBIDDEN_DIRS = ['src/scenario/', 'src/app/', 'src/ui/', 'src/ai/', 'src/cli/', 'src/audio/'];
const FORBIDDEN_PACKAGES = /^(phaser|howler|zod)(\/|$)/;

describe('engine imports', () => {
  it('finds the engine files and their imports', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files).toContain('src/engine/link/effects.ts');
    expect(specifiers('src/engine/compile.ts')).toContain('./link/actions');
  });

  it('imports nothing from the scenario package, the front ends, the players, the DOM or a browser library', () => {
    const bad: string[] = [];
    for (const f of files) {
      for (const spec of specifiers(f)) {
        const to = resolve(f, spec);
        if (to ? !to.startsWith(`${ROOT}/`) || FORBIDDEN_DIRS.some(d => to.startsWith(d)) : FORBIDDEN_PACKAGES.test(spec)) bad.push(`${f} -> ${spec}`);
      }
      // The DOM's globals, which need no import.
      if (/\b(document|window|navigator|localStorage|requestAnimationFrame)\s*[.(]/.test(readFileSync(f, 'utf8'))) bad.push(`${f} uses the DOM`);
    }
    expect(bad).toEqual([]);
  });

  it('has no import cycle among the engine files, type imports included', () => {
    const graph = new Map(
      files.map(f => [
        f,
        specifiers(f)
          .map(s => resolve(f, s))
          .filter((x): x is string => x !== null && files.includes(x)),
      ]),
    );
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, trail: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(f)), f].join(' -> '));
        return;
      }
      state.set(f, 'open');
      for (const g of graph.get(f)!) visit(g, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
