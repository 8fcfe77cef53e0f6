// The what-if explorer in Chromium, for `npm run bench:web`: builds bench/explorer-page with Vite
// (the explorer's own Web Worker included), serves it, and times N continuations of 1927 from
// history's start (2 May 1927) across the page's worker pool (one worker per core the browser
// reports), after an uncounted warm-up; and a smaller run on the page's own thread for comparison.
// Figures are printed, never asserted: the machine is shared and busy.
import path from 'node:path';
import { build } from 'vite';
import { REPO_ROOT, tempDir } from '../tests/e2e/build';
import { launchChromium } from '../tests/e2e/chromium';
import { serveStatic } from '../tests/e2e/server';

export interface ExplorerFigures {
  games: number;
  workers: number;
  players: string;
  /** Milliseconds for `games` continuations across the pool, each run. */
  poolMs: number[];
  /** Continuations per second on the page's own thread (one core). */
  pageThreadPerSecond: number;
}

const PLAYERS = { britain: 'historical', ussr: 'historical' } as const;

export async function explorerInChromium(exe: string, games = 10_000, runs = 3): Promise<ExplorerFigures> {
  const dist = await tempDir('anglo-soviet-explorer-');
  await build({
    configFile: false,
    root: path.join(REPO_ROOT, 'bench/explorer-page'),
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir: dist, emptyOutDir: true, target: 'es2022' },
  });
  const server = await serveStatic(dist);
  const browser = await launchChromium(exe);
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => document.title === 'ready', null, { timeout: 60_000 });
    type Run = { ms: number; games: number; workers: number };
    const call = (n: number, workers: boolean) =>
      page.evaluate(([n2, p, w]) => (window as unknown as { __exploreBench: (a: number, b: unknown, c: boolean) => Promise<Run> }).__exploreBench(n2, p, w), [n, PLAYERS, workers] as const);
    await call(Math.min(1000, games), true); // warm-up: JIT and workers
    const poolMs: number[] = [];
    let workers = 0;
    for (let k = 0; k < runs; k++) {
      const r = await call(games, true);
      poolMs.push(r.ms);
      workers = r.workers;
    }
    const single = await call(Math.min(2000, games), false);
    return { games, workers, players: `${PLAYERS.britain} v ${PLAYERS.ussr}`, poolMs, pageThreadPerSecond: single.games / (single.ms / 1000) };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The lines the web bench prints. */
export function explorerLines(f: ExplorerFigures): string[] {
  const sorted = [...f.poolMs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return [
    `what-if explorer: ${f.games} continuations of 1927 from 2 May 1927 (${f.players}), ${f.workers} Web Workers`,
    `  runs: ${f.poolMs.map(x => `${(x / 1000).toFixed(2)} s`).join(', ')}; median ${(median / 1000).toFixed(2)} s = ${Math.round(f.games / (median / 1000))} continuations/s (target: under 2 s)`,
    `  on the page's own thread: ${Math.round(f.pageThreadPerSecond)} continuations/s`,
  ];
}

// Run alone: npx tsx bench/explorer.web.ts [games]
if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromiumPath, noChromiumReason } = await import('../tests/e2e/chromium');
  const exe = chromiumPath();
  if (!exe) console.log(`explorer: not measured, ${noChromiumReason()}`);
  else for (const l of explorerLines(await explorerInChromium(exe, Number(process.argv[2] ?? 10_000)))) console.log(l);
}
