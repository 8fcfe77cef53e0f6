// What the page's main thread did while the computer thought, read from a Chromium trace (categories
// 'toplevel', 'blink.user_timing' and 'disabled-by-default-devtools.timeline'): each thinking spell
// runs from the page's performance.mark('ai-think-start') to its 'ai-think-end' (app/transport.ts);
// every main-thread task (RunTask) overlapping a spell counts for the part of it inside the spell,
// so the task that posts the request and the one that receives the answer count only for what they
// did while the worker thought, not for drawing the move before or after. The worker's own tasks
// are added up too, to show where the thinking ran. Beside wall times, thread (CPU) times (the
// trace's `tdur`): on a busy machine a thread waits for a core, which stretches the wall time of a
// task or a thought but not its CPU time. The longest such task is taken apart: what
// posted it (Chromium's source function for the task) and its time by kind (script, garbage
// collection, waiting for the GPU process, style and layout, paint, the rest), from the events nested
// in it ('devtools.timeline', 'v8' and 'gpu' categories; TRACE_CATEGORIES). Used by bench/web.bench.ts.

interface TraceEvent {
  name?: string;
  cat?: string;
  ph?: string;
  pid?: number;
  tid?: number;
  ts?: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, where the trace has it. */
  tdur?: number;
  args?: { name?: string; src_file?: string; src_func?: string };
}

/** What to trace for mainThreadWhileThinking, the longest task's parts included. */
export const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'gpu'];

export type TaskPart = 'script' | 'garbage collection' | 'waiting for the GPU' | 'style and layout' | 'paint' | 'other';

/** The longest main-thread task inside a thinking spell, taken apart. */
export interface LongestTask {
  /** Its part inside the spell, its whole length, and the CPU time its thread spent on it (a busy machine stretches the wall time, not this), in ms. */
  insideMs: number;
  ms: number;
  cpuMs: number;
  /** Which spell (0 = the computer's first move). */
  spell: number;
  /** Where Chromium posted the task from (source file and function), if the trace says. */
  postedBy: string;
  /** Self time of the events nested in it, by kind, in ms (the task's own self time is 'other'). */
  parts: Record<TaskPart, number>;
}

const PART_OF: [RegExp, TaskPart][] = [
  [/GC|Sweep|Marking|cppgc/i, 'garbage collection'],
  [/^(UpdateLayoutTree|Layout|RecalculateStyles|UpdateLayerTree|PrePaint|InvalidateLayout|ScheduleStyleRecalculation|HitTest|IntersectionObserverController)/, 'style and layout'],
  [/^(Paint|PaintImage|Decode|CompositeLayers|Commit|RasterTask|Layerize)/, 'paint'],
  [
    /^(FunctionCall|EvaluateScript|TimerFire|FireAnimationFrame|FireIdleCallback|EventDispatch|RunMicrotasks|XHRReadyStateChange|ParseHTML|v8\.|V8\.(?!GC)|CompileScript|CompileCode|v8\.compile)/,
    'script',
  ],
];
const partOf = (e: TraceEvent): TaskPart =>
  (e.cat ?? '').split(',').includes('gpu') && /Wait|Finish/.test(e.name ?? '') ? 'waiting for the GPU' : (PART_OF.find(([re]) => re.test(e.name ?? ''))?.[1] ?? 'other');

/** The task's time by kind: each nested complete event's self time goes to its kind, GC inside a script call to GC. */
function takeApart(task: TraceEvent, nested: TraceEvent[]): Record<TaskPart, number> {
  const parts: Record<TaskPart, number> = { script: 0, 'garbage collection': 0, 'waiting for the GPU': 0, 'style and layout': 0, paint: 0, other: 0 };
  const sorted = [...nested].sort((a, b) => a.ts! - b.ts! || b.dur! - a.dur!);
  // Self time: an event's length less its children's; a child is the next event that starts inside it.
  const stack: { e: TraceEvent; kids: number; part: TaskPart }[] = [{ e: task, kids: 0, part: 'other' }];
  const close = (until: number) => {
    while (stack.length > 1 && stack.at(-1)!.e.ts! + stack.at(-1)!.e.dur! <= until) {
      const top = stack.pop()!;
      parts[top.part] += top.e.dur! - top.kids;
    }
  };
  for (const e of sorted) {
    close(e.ts!);
    stack.at(-1)!.kids += e.dur!;
    // An event of no known kind inside one of a known kind counts as its parent's kind (a V8 builtin inside a script call).
    const own = partOf(e);
    stack.push({ e, kids: 0, part: own === 'other' ? stack.at(-1)!.part : own });
  }
  close(Infinity);
  parts.other += task.dur! - stack[0]!.kids;
  for (const k of Object.keys(parts) as TaskPart[]) parts[k] /= 1000;
  return parts;
}

export interface MainThreadWhileThinking {
  /** Thinking spells: each from the request to the answer, in ms. */
  thinkMs: number[];
  /** Per spell, the longest main-thread task (its part inside the spell), in ms. */
  longestMs: number[];
  /** Per spell, the most CPU time one main-thread task took (its part inside the spell, pro rata), in ms. */
  longestCpuMs: number[];
  /** Per spell, the CPU time of the page's worker threads inside it (the computer's thinking, less what a busy machine adds), in ms. */
  thinkCpuMs: number[];
  /** Main-thread tasks over 50 ms inside a spell (by their part inside it). */
  longTasks: number;
  /** The main thread's busy time inside the spells, and the page's worker threads' (the computer's) over the whole trace, in ms. */
  mainBusyMs: number;
  workerBusyMs: number;
  /** The longest main-thread task inside any spell, taken apart; null if there was none. */
  longest: LongestTask | null;
}

const LONG_MS = 50;

export function mainThreadWhileThinking(trace: unknown): MainThreadWhileThinking {
  const events: TraceEvent[] = Array.isArray(trace) ? trace : ((trace as { traceEvents?: TraceEvent[] }).traceEvents ?? []);
  const starts = events.filter(e => e.name === 'ai-think-start');
  if (!starts.length) return { thinkMs: [], longestMs: [], longestCpuMs: [], thinkCpuMs: [], longTasks: 0, mainBusyMs: 0, workerBusyMs: 0, longest: null };
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
  const workers = events.filter(x => x.ph === 'M' && x.name === 'thread_name' && x.pid === pid && x.args?.name === 'DedicatedWorker thread');
  const workerTasks = workers.flatMap(w => tasks(w.pid, w.tid));
  /** A task's CPU time inside [a, b], pro rata (a trace without thread times counts its wall time). */
  const cpuInside = (x: TraceEvent, a: number, b: number) => {
    const inside = Math.min(x.ts! + x.dur!, b) - Math.max(x.ts!, a);
    return inside <= 0 ? 0 : (x.tdur ?? x.dur!) * (x.dur! > 0 ? inside / x.dur! : 1);
  };
  const longestCpuMs = spells.map(([a, b]) => Math.max(0, ...main.map(x => cpuInside(x, a, b))) / 1000);
  const thinkCpuMs = spells.map(([a, b]) => workerTasks.reduce((acc, x) => acc + cpuInside(x, a, b), 0) / 1000);
  const longestMs: number[] = [];
  let longTasks = 0;
  let busy = 0;
  let top: { x: TraceEvent; inside: number; spell: number } | null = null;
  for (const [i, [a, b]] of spells.entries()) {
    let worst = 0;
    for (const x of main) {
      const inside = Math.min(x.ts! + x.dur!, b) - Math.max(x.ts!, a);
      if (inside <= 0) continue;
      worst = Math.max(worst, inside);
      if (!top || inside > top.inside) top = { x, inside, spell: i };
      busy += inside;
      if (inside > LONG_MS * 1000) longTasks++;
    }
    longestMs.push(worst / 1000);
  }
  const workerBusyMs = workerTasks.reduce((acc, x) => acc + x.dur!, 0) / 1000;
  let longest: LongestTask | null = null;
  if (top) {
    const { x } = top;
    const within = (e: TraceEvent) => e.pid === pid && e.tid === tid && e.ph === 'X' && e !== x && e.dur !== undefined && e.ts! >= x.ts! && e.ts! + e.dur <= x.ts! + x.dur!;
    const nested = events.filter(within);
    // The toplevel event of the same task carries where it was posted from.
    const posted = nested.find(e => e.name === 'ThreadControllerImpl::RunTask' && e.args?.src_func);
    longest = {
      insideMs: top.inside / 1000,
      ms: x.dur! / 1000,
      cpuMs: (x.tdur ?? x.dur!) / 1000,
      spell: top.spell,
      postedBy: posted ? `${posted.args!.src_file!.split('/').pop()} ${posted.args!.src_func!.replace(/\(.*$/, '').split(' ').pop()}` : '?',
      parts: takeApart(
        x,
        nested.filter(e => e !== posted && e.name !== 'ThreadControllerImpl::RunTask'),
      ),
    };
  }
  return { thinkMs: spells.map(([a, b]) => (b - a) / 1000), longestMs, longestCpuMs, thinkCpuMs, longTasks, mainBusyMs: busy / 1000, workerBusyMs, longest };
}
