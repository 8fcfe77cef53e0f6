// Vitest globalSetup of the e2e project (vite.config.ts): runs once per `vitest run`, and only
// when a browser test is in the run. Builds the app into a temp dir, serves it on a free
// localhost port and gives the tests its URL (inject('e2eBaseUrl')).
// E2E_BASE_URL=http://localhost:5173 tests an app that is already running instead.
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { buildApp, SCREENSHOT_DIR, tempDir } from './build';
import { chromiumPath } from './chromium';
import { serveStatic } from './server';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  project.provide('e2eBuildError', '');
  project.provide('e2eDistDir', '');
  if (!chromiumPath()) {
    project.provide('e2eBaseUrl', ''); // the suites skip and say why
    return;
  }
  if (process.env.E2E_BASE_URL) {
    project.provide('e2eBaseUrl', process.env.E2E_BASE_URL.replace(/\/$/, ''));
    return;
  }
  // Screenshots of this run only: a FAILED-* picture left from an earlier run would mislead.
  await rm(SCREENSHOT_DIR, { recursive: true, force: true });
  const started = Date.now();
  const dir = await tempDir('anglo-soviet-e2e-');
  try {
    await buildApp(dir);
  } catch (e) {
    // Not thrown here, which would stop the unit tests too: every browser test fails with it.
    await rm(dir, { recursive: true, force: true });
    project.provide('e2eBaseUrl', '');
    project.provide('e2eBuildError', e instanceof Error ? e.message : String(e));
    return;
  }
  const server = await serveStatic(dir);
  console.log(`e2e: built the app in ${((Date.now() - started) / 1000).toFixed(1)} s, serving it at ${server.url}`);
  project.provide('e2eBaseUrl', server.url);
  project.provide('e2eDistDir', dir); // for the classroom server, which serves the app itself
  return async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  };
}
