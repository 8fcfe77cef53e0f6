// The classroom server for a browser test file: started once on a free port over the built app,
// with its own data folder, and closed (the folder removed) after the file's tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { type ClassServer, startClassServer } from '../../src/server/server';
import type { BrowserSuite, TestPage } from './harness';

/** Registers the server's start and stop; `url` and `dist` (the built app's folder) are read once it has started. */
export function useClassServer(name: string): {
  readonly url: string;
  readonly dist: string;
  /** A fresh page (reduced motion) at `urlPath` of this server, at `viewport`. */
  open(browser: BrowserSuite, urlPath: string, viewport: { width: number; height: number }): Promise<TestPage>;
} {
  let server: ClassServer | undefined;
  const dir = mkdtempSync(path.join(tmpdir(), `asd-${name}-e2e-`));
  const dist = inject('e2eDistDir');
  beforeAll(async () => {
    if (!dist) throw new Error(`the ${name} test needs the built app (not E2E_BASE_URL)`);
    server = await startClassServer({ port: 0, host: '127.0.0.1', dataDir: dir, webDir: dist, log: () => {} });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get url() {
      if (!server) throw new Error('the classroom server has not started');
      return server.url;
    },
    get dist() {
      if (!dist) throw new Error('no built app');
      return dist;
    },
    async open(browser, urlPath, viewport) {
      const tp = await browser.open('/', { viewport, reducedMotion: 'reduce' });
      if (!server) throw new Error('the classroom server has not started');
      await tp.page.goto(server.url + urlPath);
      return tp;
    },
  };
}
