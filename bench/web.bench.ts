// npm run bench:web [-- --runs 5 --json --throttle --phaser full --dist DIR --no-game --opponent search:1,search:4 --desks N|all --trace DIR]
// Builds the app (vite build, as `npm run build` does), serves it gzipped on localhost and loads
// it in headless Chromium --runs times, each in a fresh browser context (cold cache), after one
// uncounted warm-up load. Prints:
//   - initial JavaScript: the entry chunk and its static imports (what must arrive before the
//     title screen can show), gzip size per file, from the build's manifest;
//   - all JavaScript, including the chunks loaded later (Phaser, the game, scenarios ...);
//   - CSS and fonts the page transferred before the title showed, and by the time it was idle;
//   - time to title screen: navigation start to the first frame painted after the app's
//     performance.mark('title-shown'), or after the first <h1> turned visible if the app sets no
//     mark (median and max over the runs);
//   - the computer's turns, for each --opponent in turn: a 1927 game as the Soviet Union against it
//     (seed 31) on the game screen, played in the page (tests/e2e/play.ts) for --desks desks (10 by
//     default, `all` for the whole game), under Chromium's tracing: how long the computer thought a
//     move in its Web Worker (p50 / p95 / max, from the request to the answer; and the worker
//     thread's CPU time in the same spells, which a busy machine does not stretch), the longest task on
//     the page's main thread while it thought, the tasks over 50 ms, and how busy the main thread and
//     the worker were (bench/mainThread.ts); the longest of those tasks taken apart: what posted it
//     and its time by kind (script, garbage collection, waiting for the GPU, style and layout, paint);
//   - the verdict against the budget: initial JS <= 400 kB gzip, title <= 1.5 s (median), no long
//     task while the computer thinks. The figures are printed, never a failure: the browser tests
//     check behaviour only, since a loaded machine makes any time threshold flaky.
// --no-game skips the game. --opponent takes a comma-separated list of computer players (search:N,
// persona, historical, negotiator); the default, search:1,search:4, gives the search player's decision
// times per level in the Web Worker. --trace DIR also writes each game's Chromium trace there
// (game-OPPONENT.json, for chrome://tracing or Perfetto).
// The what-if explorer (bench/explorer.web.ts): 10,000 continuations of 1927 from 2 May 1927 across
// the page's Web Workers, against the 2 s target; --no-explore skips it.
// --throttle emulates a mid-range phone on slow 4G (150 ms RTT, 1.6 Mbit/s, CPU 4x slower);
// without it the network is localhost and the CPU this machine's. --phaser full builds with the
// full Phaser package instead of src/ui/phaser-custom.js. --dist uses an existing build (made
// with `vite build`, which writes .vite/manifest.json). Sizes are in kB = 1000 bytes, as Vite
// reports them.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildApp, tempDir } from '../tests/e2e/build';
import { chromiumPath, launchChromium, noChromiumReason } from '../tests/e2e/chromium';
import { newGame, playInPage } from '../tests/e2e/play';
import { serveStatic } from '../tests/e2e/server';
import { explorerInChromium, explorerLines } from './explorer.web';
import { type LongestTask, mainThreadWhileThinking, type TaskPart, TRACE_CATEGORIES } from './mainThread';

const BUDGET = { initialJsGzip: 400_000, titleMs: 1500, longTasksWhileThinking: 0 };

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
    throttle: { type: 'boolean', default: false },
    phaser: { type: 'string', default: 'custom' },
    dist: { type: 'string' },
    game: { type: 'boolean', default: true },
    opponent: { type: 'string', default: 'search:1,search:4' },
    desks: { type: 'string', default: '10' },
    explore: { type: 'boolean', default: true },
    trace: { type: 'string' },
  },
  allowNegative: true,
});
const runs = Math.max(1, Number(values.runs));
const log = values.json ? () => undefined : (s = '') => console.log(s);

// ---- build ---------------------------------------------------------------------------------

let dist = values.dist ? path.resolve(values.dist) : '';
let ownDist = false;
if (!dist) {
  dist = await tempDir('anglo-soviet-bench-');
  ownDist = true;
  const t0 = performance.now();
  await buildApp(dist, values.phaser === 'full' ? { PHASER_BUILD: 'full' } : {});
  log(`built with vite (${values.phaser} Phaser) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// ---- sizes from the build ------------------------------------------------------------------

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}
interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
}

const manifestPath = path.join(dist, '.vite/manifest.json');
if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: build with vite.config.ts (build.manifest)`);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;

const sizeCache = new Map<string, FileSize>();
function size(file: string): FileSize {
  let s = sizeCache.get(file);
  if (!s) {
    const buf = readFileSync(path.join(dist, file));
    s = { file, bytes: buf.length, gzip: gzipSync(buf).length };
    sizeCache.set(file, s);
  }
  return s;
}
const sum = (files: FileSize[]) => ({
  bytes: files.reduce((a, f) => a + f.bytes, 0),
  gzip: files.reduce((a, f) => a + f.gzip, 0),
  files,
});

// The entry chunk and, transitively, its static imports.
const initialKeys = new Set<string>();
const queue = Object.keys(manifest).filter(k => manifest[k]!.isEntry);
while (queue.length) {
  const k = queue.shift()!;
  if (initialKeys.has(k)) continue;
  initialKeys.add(k);
  queue.push(...(manifest[k]!.imports ?? []));
}
const initialFiles = [...initialKeys].map(k => manifest[k]!.file).filter(f => f.endsWith('.js'));
const initialCss = [...new Set([...initialKeys].flatMap(k => manifest[k]!.css ?? []))];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [path.relative(dist, p).split(path.sep).join('/')];
  });
}
const builtFiles = walk(dist).filter(f => !f.startsWith('.vite/') && !f.endsWith('.map'));
const allJs = builtFiles.filter(f => /\.m?js$/.test(f));
const lazyJs = allJs.filter(f => !initialFiles.includes(f));

const sizes = {
  initialJs: sum(initialFiles.map(size)),
  lazyJs: sum(lazyJs.map(size)),
  totalJs: sum(allJs.map(size)),
  initialCss: sum(initialCss.map(size)),
  allCss: sum(builtFiles.filter(f => f.endsWith('.css')).map(size)),
  allFonts: sum(builtFiles.filter(f => /\.(woff2?|ttf|otf)$/.test(f)).map(size)),
};

// ---- loading it in Chromium ----------------------------------------------------------------

interface Resource {
  file: string;
  kind: 'js' | 'css' | 'font' | 'other';
  transfer: number;
  end: number;
}
interface Run {
  /** Navigation start to the first frame painted after the title signal (not before FCP). */
  titleMs: number;
  /** Navigation start to the signal itself (the mark, or the <h1> turning visible). */
  signalMs: number;
  /** 'mark' (the app's performance.mark('title-shown')) or 'h1' (first visible <h1>) */
  titleFrom: 'mark' | 'h1';
  fcpMs: number | null;
  beforeTitle: Record<'js' | 'css' | 'font', { files: number; transfer: number }>;
  untilIdle: Record<'js' | 'css' | 'font', { files: number; transfer: number }>;
  jsFilesBeforeTitle: string[];
  consoleErrors: string[];
}

// Set before any page script: when the first <h1> becomes visible and when the app marks
// 'title-shown', and for each the end of the first frame after it (requestAnimationFrame, then a
// task: the frame has been painted), which is when the person can see the title.
const TITLE_WATCH = `(() => {
  const w = window;
  const afterPaint = (key) => requestAnimationFrame(() => setTimeout(() => { w[key] = performance.now(); }, 0));
  const seen = () => {
    if (w.__h1At !== undefined) return;
    const h = document.querySelector('h1');
    if (!h) return;
    const r = h.getBoundingClientRect(), cs = getComputedStyle(h);
    if (r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none' && Number(cs.opacity) > 0) {
      w.__h1At = performance.now();
      afterPaint('__h1PaintedAt');
      obs.disconnect();
    }
  };
  const obs = new MutationObserver(seen);
  obs.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  document.addEventListener('DOMContentLoaded', seen);
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') w.__fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver(list => {
    if (w.__markPaintedAt === undefined && list.getEntries().some(e => e.name === 'title-shown')) afterPaint('__markPaintedAt');
  }).observe({ type: 'mark', buffered: true });
})();`;

const kindOf = (file: string): Resource['kind'] => (/\.m?js$/.test(file) ? 'js' : file.endsWith('.css') ? 'css' : /\.(woff2?|ttf|otf)$/.test(file) ? 'font' : 'other');

interface Spread {
  median: number;
  p95: number;
  max: number;
  total: number;
}
/** p50 (upper median), p95 (nearest rank below), max and total of some times. */
function spread(xs: number[]): Spread {
  const t = [...xs].sort((a, b) => a - b);
  return {
    median: t[Math.floor(t.length / 2)] ?? 0,
    p95: t[Math.min(t.length - 1, Math.floor(t.length * 0.95))] ?? 0,
    max: t.at(-1) ?? 0,
    total: t.reduce((a, b) => a + b, 0),
  };
}

/** One game against one computer player: its think times and the page's main thread while it thought. */
interface ComputerTurns {
  opponent: string;
  desks: number;
  turns: number;
  thinkMs: Spread;
  /** The worker threads' CPU time in each thinking spell: the thinking less what a busy machine adds. */
  thinkCpuMs: Spread;
  /** The longest main-thread task while it thought (its part inside a thinking spell), and in which spell. */
  longestMs: number;
  longestAt: number;
  /** The longest main-thread task inside each thinking spell, move by move, and the most CPU one took. */
  perMoveMs: number[];
  perMoveCpuMs: number[];
  longTasks: number;
  /** The longest main-thread task while it thought, taken apart (null if none). */
  longest: LongestTask | null;
  mainBusyMs: number;
  workerBusyMs: number;
  playedMs: number;
  consoleErrors: string[];
}

const desksLimit = values.desks === 'all' ? Infinity : Math.max(1, Number(values.desks));

async function computerTurns(browser: Awaited<ReturnType<typeof launchChromium>>, url: string, opponent: string): Promise<ComputerTurns> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', m => {
      if (m.type() === 'error' && !/favicon\.ico/.test(m.location().url)) consoleErrors.push(m.text());
    });
    page.on('pageerror', e => consoleErrors.push(e.message));
    await page.goto(url, { waitUntil: 'load' });
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const level = /^search:(\d)$/.exec(opponent);
    await newGame(
      page,
      level ? { side: 'ussr', opponent: 'search', level: Number(level[1]), seed: '31' } : { side: 'ussr', opponent: opponent as 'persona' | 'historical' | 'negotiator', seed: '31' },
    );
    const t0 = performance.now();
    const end = await playInPage(page, { maxDesks: desksLimit });
    const playedMs = performance.now() - t0;
    if (desksLimit === Infinity && end.screen !== 'end') throw new Error(`the game stopped at ${end.screen}, not at its end`);
    const trace = (await browser.stopTracing()).toString('utf8');
    if (values.trace) {
      mkdirSync(values.trace, { recursive: true });
      writeFileSync(path.join(values.trace, `game-${opponent.replace(/[^\w.-]/g, '_')}.json`), trace);
    }
    const m = mainThreadWhileThinking(JSON.parse(trace));
    const longestAt = m.longestMs.indexOf(Math.max(0, ...m.longestMs));
    return {
      opponent,
      desks: desksLimit,
      turns: m.thinkMs.length,
      thinkMs: spread(m.thinkMs),
      thinkCpuMs: spread(m.thinkCpuMs),
      longestMs: m.longestMs[longestAt] ?? 0,
      longestAt,
      perMoveMs: m.longestMs,
      perMoveCpuMs: m.longestCpuMs,
      longTasks: m.longTasks,
      longest: m.longest,
      mainBusyMs: m.mainBusyMs,
      workerBusyMs: m.workerBusyMs,
      playedMs,
      consoleErrors,
    };
  } finally {
    await context.close();
  }
}

const exe = chromiumPath();
const results: Run[] = [];
const games: ComputerTurns[] = [];
let browserVersion = '';
if (exe) {
  const server = await serveStatic(dist, { gzip: true });
  const browser = await launchChromium(exe);
  browserVersion = browser.version();
  try {
    // One load that is not counted, so the first measured run does not pay for starting
    // Chromium's renderer and GPU processes (a player's browser is already running).
    const warm = await browser.newContext();
    await (await warm.newPage()).goto(`${server.url}/`, { waitUntil: 'load' });
    await warm.close();
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      page.on('console', m => {
        if (m.type() === 'error' && !/favicon\.ico/.test(m.location().url)) consoleErrors.push(m.text());
      });
      page.on('pageerror', e => consoleErrors.push(e.message));
      await page.addInitScript(TITLE_WATCH);
      if (values.throttle) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: 150,
          downloadThroughput: (1.6 * 1024 * 1024) / 8,
          uploadThroughput: (750 * 1024) / 8,
        });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      }
      await page.goto(`${server.url}/`, { waitUntil: 'commit' });
      await page.locator('h1').first().waitFor({ state: 'visible', timeout: 60_000 });
      type Watch = { __h1PaintedAt?: number; __markPaintedAt?: number; __fcp?: number };
      await page.waitForFunction(
        () => {
          const w = window as unknown as Watch;
          const marked = performance.getEntriesByName('title-shown').length > 0;
          return (marked ? w.__markPaintedAt !== undefined : w.__h1PaintedAt !== undefined) && w.__fcp !== undefined;
        },
        null,
        { timeout: 10_000 },
      );
      await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
      const m = await page.evaluate(() => {
        const w = window as unknown as { __h1At?: number; __h1PaintedAt?: number; __markPaintedAt?: number; __fcp?: number };
        const mark = performance.getEntriesByName('title-shown')[0];
        const res = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(r => ({
          url: r.name,
          transfer: r.transferSize || r.encodedBodySize,
          end: r.responseEnd,
        }));
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        if (nav) res.push({ url: nav.name, transfer: nav.transferSize || nav.encodedBodySize, end: nav.responseEnd });
        return {
          mark: mark ? mark.startTime : null,
          markPainted: w.__markPaintedAt ?? null,
          h1: w.__h1At ?? null,
          h1Painted: w.__h1PaintedAt ?? null,
          fcp: w.__fcp ?? null,
          res,
        };
      });
      // Nothing is on screen before the first contentful paint, so the title is not either.
      const titleMs = Math.max(m.mark !== null ? m.markPainted! : m.h1Painted!, m.fcp ?? 0);
      const resources: Resource[] = m.res
        .filter(r => r.url.startsWith(server.url))
        .map(r => {
          const file = new URL(r.url).pathname.replace(/^\//, '') || 'index.html';
          return { file, kind: kindOf(file), transfer: r.transfer, end: r.end };
        });
      const tally = (rs: Resource[]) => {
        const t = { js: { files: 0, transfer: 0 }, css: { files: 0, transfer: 0 }, font: { files: 0, transfer: 0 } };
        for (const r of rs)
          if (r.kind !== 'other') {
            t[r.kind].files++;
            t[r.kind].transfer += r.transfer;
          }
        return t;
      };
      const before = resources.filter(r => r.end <= titleMs);
      results.push({
        titleMs,
        signalMs: m.mark ?? m.h1!,
        titleFrom: m.mark !== null ? 'mark' : 'h1',
        fcpMs: m.fcp,
        beforeTitle: tally(before),
        untilIdle: tally(resources),
        jsFilesBeforeTitle: before.filter(r => r.kind === 'js').map(r => r.file),
        consoleErrors,
      });
      await context.close();
    }
    if (values.game) for (const o of values.opponent!.split(',')) games.push(await computerTurns(browser, `${server.url}/`, o));
  } finally {
    await browser.close();
    await server.close();
  }
}
if (ownDist) await rm(dist, { recursive: true, force: true });
const explorer = exe && values.explore ? await explorerInChromium(exe) : null;

// ---- report --------------------------------------------------------------------------------

const sorted = results.map(r => r.titleMs).sort((a, b) => a - b);
const median = sorted.length ? (sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2) : null;
const max = sorted.length ? sorted[sorted.length - 1]! : null;
const verdict = {
  initialJsOk: sizes.initialJs.gzip <= BUDGET.initialJsGzip,
  titleOk: median === null ? null : median <= BUDGET.titleMs,
  thinkOk: games.length ? games.every(g => g.longTasks <= BUDGET.longTasksWhileThinking) : null,
};

if (values.json) {
  console.log(
    JSON.stringify(
      {
        phaser: values.phaser,
        throttle: values.throttle,
        machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', loadavg1: loadavg()[0] },
        chromium: exe ? { path: exe, version: browserVersion } : { skipped: noChromiumReason() },
        budget: BUDGET,
        sizes,
        runs: results,
        timeToTitleMs: { median, max, runs: results.length },
        computerTurns: games,
        explorer,
        verdict,
      },
      null,
      2,
    ),
  );
} else {
  const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  const row = (label: string, bytes: number, gzip: number) => `  ${label.padEnd(46)} ${kB(bytes).padStart(11)} ${kB(gzip).padStart(11)}`;
  const table = (title: string, s: { bytes: number; gzip: number; files: FileSize[] }, limit = Infinity) => {
    log(`${title}`);
    log(`  ${'file'.padEnd(46)} ${'minified'.padStart(11)} ${'gzip'.padStart(11)}`);
    for (const f of [...s.files].sort((a, b) => b.gzip - a.gzip).slice(0, limit)) log(row(f.file, f.bytes, f.gzip));
    if (s.files.length > limit) log(`  ... and ${s.files.length - limit} more`);
    log(row(`total (${s.files.length} files)`, s.bytes, s.gzip));
    log();
  };
  log(`web bench: ${values.phaser} Phaser, ${values.throttle ? 'slow 4G + CPU/4 emulated' : 'localhost, no throttling'}, ${runs} cold load${runs === 1 ? '' : 's'}`);
  log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg()[0]!.toFixed(1)} (times are noisy when it is busy)`);
  log();
  table('initial JavaScript (entry chunk + static imports)', sizes.initialJs);
  table('JavaScript loaded later (dynamic imports, workers)', sizes.lazyJs, 12);
  log(row('all JavaScript', sizes.totalJs.bytes, sizes.totalJs.gzip));
  log(row('CSS, initial', sizes.initialCss.bytes, sizes.initialCss.gzip));
  log(row(`fonts in the build (${sizes.allFonts.files.length} files)`, sizes.allFonts.bytes, sizes.allFonts.gzip));
  log();
  if (!exe) {
    log(`time to title: not measured, ${noChromiumReason()}`);
  } else {
    log(`loads in Chromium ${browserVersion} (transfer sizes as served, gzip):`);
    log('  run  title ms (signal, from)  FCP ms   JS before title      CSS before title     fonts before title   JS / CSS / fonts until idle');
    results.forEach((r, i) => {
      const t = (x: { files: number; transfer: number }) => `${x.files} / ${kB(x.transfer)}`.padEnd(19);
      log(
        `  ${String(i + 1).padStart(3)}  ${r.titleMs.toFixed(0).padStart(8)} ${`(${r.signalMs.toFixed(0)}, ${r.titleFrom})`.padEnd(17)} ${(r.fcpMs?.toFixed(0) ?? '-').padStart(7)}   ${t(r.beforeTitle.js)}  ${t(r.beforeTitle.css)}  ${t(r.beforeTitle.font)}  ${kB(r.untilIdle.js.transfer)} / ${kB(r.untilIdle.css.transfer)} / ${kB(r.untilIdle.font.transfer)}`,
      );
    });
    const errs = [...new Set(results.flatMap(r => r.consoleErrors))];
    if (errs.length) log(`  console errors: ${errs.join(' | ')}`);
    log(`time to title: median ${median!.toFixed(0)} ms, max ${max!.toFixed(0)} ms`);
    for (const game of games) {
      log();
      log(
        `computer's turns: 1927, the Soviet Union against ${game.opponent} (seed 31), ${game.desks === Infinity ? 'the whole game' : `${game.desks} desks`}, played in the page in ${(game.playedMs / 1000).toFixed(1)} s`,
      );
      log(
        `  ${game.turns} moves; it thought in its Web Worker ${game.thinkMs.median.toFixed(0)} ms a move (p50), ${game.thinkMs.p95.toFixed(0)} ms (p95), ${game.thinkMs.max.toFixed(0)} ms at most, ${(game.thinkMs.total / 1000).toFixed(1)} s in all`,
      );
      log(
        `  CPU time of its worker thread in each move's thinking: ${game.thinkCpuMs.median.toFixed(0)} ms (p50), ${game.thinkCpuMs.p95.toFixed(0)} ms (p95), ${game.thinkCpuMs.max.toFixed(0)} ms at most`,
      );
      log(`  page's main thread while it thought: longest task ${game.longestMs.toFixed(0)} ms (move ${game.longestAt + 1}); ${game.longTasks} task${game.longTasks === 1 ? '' : 's'} over 50 ms`);
      log(`  longest main-thread task in each move's thinking, ms: ${game.perMoveMs.map(x => x.toFixed(0)).join(' ')}`);
      log(`  most CPU one main-thread task took in each move's thinking, ms: ${game.perMoveCpuMs.map(x => x.toFixed(0)).join(' ')}`);
      const l = game.longest;
      if (l) {
        const parts = (Object.entries(l.parts) as [TaskPart, number][])
          .filter(([, v]) => v >= 0.5)
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `${k} ${v.toFixed(0)}`)
          .join(', ');
        log(
          `  that longest task (move ${l.spell + 1}, ${l.insideMs.toFixed(0)} ms of it while the computer thought, ${l.ms.toFixed(0)} ms in all, ${l.cpuMs.toFixed(0)} ms of CPU), posted by ${l.postedBy}: ${parts || 'nothing nested'} (ms)`,
        );
      }
      log(
        `  busy: the main thread ${(game.mainBusyMs / 1000).toFixed(1)} s of the ${(game.thinkMs.total / 1000).toFixed(1)} s it thought; the worker threads ${(game.workerBusyMs / 1000).toFixed(1)} s`,
      );
      if (game.consoleErrors.length) log(`  console errors: ${[...new Set(game.consoleErrors)].join(' | ')}`);
    }
  }
  if (explorer) {
    log();
    for (const l of explorerLines(explorer)) log(l);
  }
  log();
  log(`budget: initial JS ${kB(sizes.initialJs.gzip)} gzip of ${kB(BUDGET.initialJsGzip)}: ${verdict.initialJsOk ? 'OK' : 'OVER'}`);
  log(`        time to title (median) ${median === null ? 'not measured' : `${median.toFixed(0)} ms of ${BUDGET.titleMs} ms: ${verdict.titleOk ? 'OK' : 'OVER'}`}`);
  log(
    `        long tasks while the computer thinks ${games.length ? `${games.map(g => `${g.longTasks} against ${g.opponent}`).join(', ')}, of ${BUDGET.longTasksWhileThinking} allowed: ${verdict.thinkOk ? 'OK' : 'OVER'}` : 'not measured'}`,
  );
}
