// The terminal lays out to its width: at 80 columns no line is longer than 80, and on a wider
// terminal no line is longer than 100 (a longer one wraps); the words are a class's, not the
// code's (no "persona", no raw "thesis L1234"). A whole 1927 game with every screen asked for.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

function play(columns: number): string[] {
  const input = ['h', 'g', 'c', 't', 'i 1', 'why 1', 'w', ...Array.from({ length: 60 }, () => ['1', '']).flat(), 'q', 'n', ''].join('\n');
  const r = spawnSync('node_modules/.bin/tsx', ['src/cli/main.ts', 'play', '--scenario', '1927', '--side', 'britain', '--seed', '7'], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, NO_COLOR: '1', COLUMNS: String(columns) },
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\n');
}

describe('the terminal keeps to its width', () => {
  for (const [columns, max] of [
    [80, 80],
    [160, 100],
  ] as const) {
    it(`at ${columns} columns no line is longer than ${max}`, () => {
      const lines = play(columns);
      expect(lines.join('\n')).toContain('The game ends');
      const long = lines.filter(l => [...l].length > max).map(l => `${[...l].length}: ${l}`);
      expect(long).toEqual([]);
      const text = lines.join('\n');
      expect(text).not.toMatch(/persona/i);
      expect(text).not.toMatch(/\b(thesis|fn) L\d/);
    }, 180_000);
  }
});
