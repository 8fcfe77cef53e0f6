// What the page's main thread did while the computer thought, read from a Chromium trace (categories
// 'toplevel', 'blink.user_timing' and 'disabled-by-default-devtools.timeline'): each thinking spell
// runs from the page's performance.mark('ai-think-start') to its 'ai-think-end' (app/transport.ts);
// every main-thread task (RunTask) overlapping a spell counts for the part of it inside the spell,
// so the task that posts the request and the one that receives the answer count only for what they
// did while the worker thought, not for drawing the move before or after. The worker's own tasks
// are added up too, to show where the thinking ran. Used by bench/web.bench.ts.

interface TraceEvent {
  name?: string;
  ph?: string;
  pid?: number;
  tid?: number;
  ts?: number;
  dur?: number;
  args?: { name?: string };
}

export interface MainThreadWhileThinking {
  /** Thinking spells: each from the request to the answer, in ms. */
  thinkMs: number[];
  /** Per spell, the longest main-thread task (its part inside the spell), in ms. */
  longestMs: number[];
  /** Main-thread tasks over 50 ms inside a spell (by their part inside it). */
  longTasks: number;
  /** The main thread's busy time inside the spells, and the page's worker threads' (the computer's) over the whole trace, in ms. */
  mainBusyMs: number;
  workerBusyMs: number;
}

const LONG_MS = 50;

export function mainThreadWhileThinking(trace: unknown): MainThreadWhileThinking {
  const events: TraceEvent[] = Array.isArray(trace) ? trace : ((trace as { traceEvents?: TraceEvent[] }).traceEvents ?? []);
  const starts = events.filter(e => e.name === 'ai-think-start');
  if (!starts.length) return { thinkMs: [], longestMs: [], longTasks: 0, mainBusyMs: 0, workerBusyMs: 0 };
  // The marks are made on the page's main thread: that thread is the one to watch.
  const { pid, tid } = starts[0]!;
  const s = starts.map(e => e.ts!).sort((a, b) => a - b);
  const e = events
    .filter(x => x.name === 'ai-think-end' && x.pid === pid)
    .map(x => x.ts!)
    .sort((a, b) => a - b);
  const spells = s.map(a => [a, e.find(b => b >= a) ?? a] as const);
  const tasks = (p: number | undefined, t: number | undefined) => events.filter(x => x.name === 'RunTask' && x.ph === 'X' && x.pid === p && x.tid === t);
  const main = tasks(pid, tid);
  const longestMs: number[] = [];
  let longTasks = 0;
  let busy = 0;
  for (const [a, b] of spells) {
    let worst = 0;
    for (const x of main) {
      const inside = Math.min(x.ts! + x.dur!, b) - Math.max(x.ts!, a);
      if (inside <= 0) continue;
      worst = Math.max(worst, inside);
      busy += inside;
      if (inside > LONG_MS * 1000) longTasks++;
    }
    longestMs.push(worst / 1000);
  }
  const workers = events.filter(x => x.ph === 'M' && x.name === 'thread_name' && x.pid === pid && x.args?.name === 'DedicatedWorker thread');
  const workerBusyMs = workers.flatMap(w => tasks(w.pid, w.tid)).reduce((acc, x) => acc + x.dur!, 0) / 1000;
  return { thinkMs: spells.map(([a, b]) => (b - a) / 1000), longestMs, longTasks, mainBusyMs: busy / 1000, workerBusyMs };
}
