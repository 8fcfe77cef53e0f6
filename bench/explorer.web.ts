// The what-if explorer in Chromium, for `npm run bench:web`: builds bench/explorer-page with Vite
// (the explorer's own Web Worker included), serves it, and times N continuations of 1927 from
// history's start (2 May 1927) across the page's worker pool (one worker per core the browser
// reports), after an uncounted warm-up; and a smaller run on the page's own thread for comparison.
// Beside each run's wall time it reads the CPU time the page's worker threads used (their
// /proc/<pid>/task entries, the renderer's pid from Chromium's own process list): on a loaded
// machine the wall clock counts other processes' time, and the workers' CPU time says what the
// run would take with the cores to itself. Figures are printed, never asserted.
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
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
  /** CPU milliseconds each run's worker threads used, one list per run (null where /proc cannot be read). */
  workerCpuMs: (number[] | null)[];
  /** CPU milliseconds the page's own thread used in each run (merging the results, the progress bar). */
  pageCpuMs: (number | null)[];
  /** The load average (1 minute) when each run ended. */
  load: number[];
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
    const renderers = await rendererPids(browser);
    const poolMs: number[] = [];
    const workerCpuMs: (number[] | null)[] = [];
    const pageCpuMs: (number | null)[] = [];
    const load: number[] = [];
    let workers = 0;
    for (let k = 0; k < runs; k++) {
      const before = threadCpu(renderers, 'DedicatedWorker'),
        pageBefore = threadCpu(renderers, 'CrRendererMain');
      const r = await call(games, true);
      const after = threadCpu(renderers, 'DedicatedWorker'),
        pageAfter = threadCpu(renderers, 'CrRendererMain');
      poolMs.push(r.ms);
      workerCpuMs.push(before && after ? [...after.keys()].map(t => after.get(t)! - (before.get(t) ?? 0)).filter(x => x > 0) : null);
      pageCpuMs.push(pageBefore && pageAfter ? [...pageAfter.keys()].reduce((a, t) => a + pageAfter.get(t)! - (pageBefore.get(t) ?? 0), 0) : null);
      load.push(loadavg()[0]!);
      workers = r.workers;
    }
    const single = await call(Math.min(2000, games), false);
    return { games, workers, players: `${PLAYERS.britain} v ${PLAYERS.ussr}`, poolMs, workerCpuMs, pageCpuMs, load, pageThreadPerSecond: single.games / (single.ms / 1000) };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The pids of the browser's renderer processes, from Chromium's own process list. */
async function rendererPids(browser: Awaited<ReturnType<typeof launchChromium>>): Promise<number[]> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    return info.processInfo.filter(p => p.type === 'renderer').map(p => p.id);
  } finally {
    await cdp.detach();
  }
}

/**
 * CPU milliseconds (user and system) of each thread of the given processes whose name starts with
 * `name` (Chromium's: DedicatedWorker for a Web Worker, CrRendererMain for a page's own thread), by
 * thread id; null where /proc is not there to read (not Linux).
 */
function threadCpu(pids: readonly number[], name: string): Map<string, number> | null {
  try {
    const out = new Map<string, number>();
    for (const pid of pids)
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        // A process's first thread (its id is the process's) keeps the process's name: it is the page's own thread.
        const thread = tid === String(pid) ? 'CrRendererMain' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (!thread.startsWith(name)) continue;
        // Fields after the name: state is the 3rd field of the line, utime and stime the 14th and 15th (clock ticks of 10 ms).
        const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(`${pid}/${tid}`, (Number(rest[11]) + Number(rest[12])) * 10);
      }
    return out;
  } catch {
    return null;
  }
}

/** The lines the web bench prints. */
export function explorerLines(f: ExplorerFigures): string[] {
  const sorted = [...f.poolMs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return [
    `what-if explorer: ${f.games} continuations of 1927 from 2 May 1927 (${f.players}), ${f.workers} Web Workers`,
    `  runs: ${f.poolMs.map(x => `${(x / 1000).toFixed(2)} s`).join(', ')}; median ${(median / 1000).toFixed(2)} s = ${Math.round(f.games / (median / 1000))} continuations/s (target: under 2 s)`,
    `  CPU time of the worker threads, each run: ${f.workerCpuMs.map(w => (w ? w.map(x => `${(x / 1000).toFixed(2)} s`).join(' + ') : 'not readable')).join('; ')} (the busiest is about the wall time with the cores to itself); page's own thread: ${f.pageCpuMs.map(x => (x === null ? '?' : `${(x / 1000).toFixed(2)} s`)).join(', ')}; load ${f.load.map(x => x.toFixed(1)).join(', ')}`,
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
