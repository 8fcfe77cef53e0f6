// Shared by the CLI tests: run `tsx src/cli/main.ts` as a child process, without colour.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const MINI = 'tests/fixtures/mini.json';

export function cli(args: string[], input = '') {
  const r = spawnSync('node_modules/.bin/tsx', ['src/cli/main.ts', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A temporary folder for this test file, removed after it. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
