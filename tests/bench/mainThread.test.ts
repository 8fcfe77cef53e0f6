// Reading a Chromium trace for the page's main thread while the computer thinks (bench/mainThread.ts):
// only the part of a task inside a thinking spell counts, only the page's main thread is watched
// (the thread the marks are made on), and the worker threads' busy time is added up apart; thread
// (CPU) times beside wall times; and the longest task taken apart by the events nested in it.
import { describe, expect, it } from 'vitest';
import { mainThreadWhileThinking } from '../../bench/mainThread';

const MAIN = { pid: 1, tid: 1 };
const WORKER = { pid: 1, tid: 7 };
const ms = 1000; // trace times are in microseconds
const mark = (name: string, at: number) => ({ name, ph: 'I', ...MAIN, ts: at * ms });
const task = (where: { pid: number; tid: number }, at: number, dur: number, cpu = dur) => ({ name: 'RunTask', ph: 'X', ...where, ts: at * ms, dur: dur * ms, tdur: cpu * ms });
const ev = (name: string, cat: string, at: number, dur: number, args = {}) => ({ name, cat, ph: 'X', ...MAIN, ts: at * ms, dur: dur * ms, args });

describe("the page's main thread while the computer thinks", () => {
  const trace = {
    traceEvents: [
      { name: 'thread_name', ph: 'M', ...WORKER, args: { name: 'DedicatedWorker thread' } },
      // Spell 1, 100-400 ms: the task that posts the request runs 60 ms past it; an 80 ms task inside; the answer's task starts 5 ms before the end.
      mark('ai-think-start', 100),
      task(MAIN, 40, 120),
      // 80 ms of wall time, 50 of CPU: posted by the GC's sweeper; a script call (10 ms) with a GC (4 ms) in it, a GPU wait of 40 ms.
      task(MAIN, 200, 80, 50),
      ev('ThreadControllerImpl::RunTask', 'toplevel', 200, 80, { src_file: 'v8/src/heap/cppgc-internal/sweeper.cc', src_func: 'static Handle cppgc::Sweeper::Post(SweeperImpl &)' }),
      ev('FunctionCall', 'devtools.timeline', 205, 10),
      ev('MinorGC', 'devtools.timeline,v8', 208, 4),
      ev('ImplementationBase::WaitForCmd', 'gpu', 220, 40),
      ev('CommandBufferProxyImpl::WaitForGetOffset', 'gpu', 221, 38),
      task(MAIN, 395, 300),
      mark('ai-think-end', 400),
      // Spell 2, 1000-1100 ms: only 30 ms of work on the main thread; a long task on another thread does not count.
      mark('ai-think-start', 1000),
      task(MAIN, 1020, 30),
      task({ pid: 2, tid: 1 }, 1000, 90),
      mark('ai-think-end', 1100),
      task(WORKER, 100, 290, 145),
      task(WORKER, 1000, 95, 95),
    ],
  };
  const m = mainThreadWhileThinking(trace);

  it('times each spell and its longest main-thread task, counting only what fell inside it', () => {
    expect(m.thinkMs).toEqual([300, 100]);
    expect(m.longestMs).toEqual([80, 30]);
    expect(m.longTasks).toBe(2); // the 60 ms after the request and the 80 ms task; not the answer's 5 ms, nor the other process
    expect(m.mainBusyMs).toBe(60 + 80 + 5 + 30);
    expect(m.workerBusyMs).toBe(290 + 95);
  });

  it('gives CPU times beside wall times: the worker thread per spell, and the most one main-thread task took', () => {
    expect(m.thinkCpuMs).toEqual([145, 95]);
    // Spell 1: the task before the request, 60 of its 120 ms inside, so 60 ms of CPU pro rata; the sweeper's 50.
    expect(m.longestCpuMs).toEqual([60, 30]);
  });

  it('takes the longest task apart: what posted it and its time by kind', () => {
    expect(m.longest).toMatchObject({ insideMs: 80, ms: 80, cpuMs: 50, spell: 0, postedBy: 'sweeper.cc cppgc::Sweeper::Post' });
    expect(m.longest!.parts).toEqual({ script: 6, 'garbage collection': 4, 'waiting for the GPU': 40, 'style and layout': 0, paint: 0, other: 30 });
  });

  it('says nothing thought when the trace has no thinking marks', () => {
    expect(mainThreadWhileThinking({ traceEvents: [task(MAIN, 0, 500)] })).toEqual({
      thinkMs: [],
      longestMs: [],
      longestCpuMs: [],
      thinkCpuMs: [],
      longTasks: 0,
      mainBusyMs: 0,
      workerBusyMs: 0,
      longest: null,
    });
  });
});
