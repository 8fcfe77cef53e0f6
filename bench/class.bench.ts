// npm run bench:class [-- --rooms 8 --clients 30 --turns 6 --seconds 100 --think 0 --no-votes --profile DIR]
// A load test of the classroom server on loopback (127.0.0.1 only). The server runs in a child
// process as `npm run serve` runs it (logs on disk, in a temporary directory); this process holds
// every client: `rooms` groups of `clients` students each (both leads and every minister, then
// pairs), plus the teacher's console per group. The leads play `turns` turns with the computer's
// persona choosing from their views (as a student would choose from the screen); where two students
// share a lead seat, the first plays and the second watches. Every reply is timed when its socket
// is read, before the harness decodes and handles it (stampOnReceipt). It reports:
//   - order round trip: a lead's move sent -> the server's `accepted` (sent once the log is stored)
//   - fan-out: a lead's move sent -> each student of the group holding the new seat message
//   - lost orders: moves sent that are not in the stored logs at the end (target 0)
// The minister students vote, as students do, For or Against every item before their cabinet:
//   - vote shown back: a vote sent -> the minister's seat message holding it
//   - lost votes: votes neither shown back nor refused with a reason, and ballots a minister was
//     told were counted in a sealed move that the stored logs do not hold (target 0)
// With `--think MS` each lead waits about that long before each move, and each minister before each
// vote (half to one and a half times), as students reading and choosing do, instead of every room
// moving in one burst. `--profile DIR` writes the server's CPU profile there (node --cpu-prof).
// It stops by itself after `seconds` whatever happens, and always kills its server.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client, type Room } from 'colyseus.js';
import { aiRng, makePlayer, nextMove } from '../src/ai/index';
import { SeatFeed, type SeatParts } from '../src/class/delta';
import type { Refusal, SeatMessage } from '../src/class/protocol';
import { compile, type Move } from '../src/engine/index';
import { parseScenario } from '../src/scenario/load';
import type { GroupLog } from '../src/server/group';
import { diskStore } from '../src/server/store';

const { values } = parseArgs({
  options: {
    rooms: { type: 'string', default: '8' },
    clients: { type: 'string', default: '30' },
    turns: { type: 'string', default: '6' },
    seconds: { type: 'string', default: '100' },
    think: { type: 'string', default: '0' },
    scenario: { type: 'string', default: '1927' },
    /** The ministers do not vote (as the bench was before they could). */
    'no-votes': { type: 'boolean', default: false },
    /** A directory for the server's CPU profile (node --cpu-prof), written when it stops. */
    profile: { type: 'string' },
  },
});
const ROOMS = Math.min(12, Math.max(1, Number(values.rooms)));
const CLIENTS = Math.min(60, Math.max(2, Number(values.clients)));
const TURNS = Math.min(20, Math.max(1, Number(values.turns)));
const SECONDS = Math.min(115, Math.max(10, Number(values.seconds)));
/** A lead's thinking time before each move, in ms (0: at once, every room in one burst). */
const THINK = Math.min(10_000, Math.max(0, Number(values.think)));
const file = `scenarios/${values.scenario}.json`;
const parsed = parseScenario(readFileSync(file, 'utf8'), file);
if (!parsed.ok) throw new Error(parsed.error);
const sc = parsed.value;
const c = compile(sc);

const dir = mkdtempSync(path.join(tmpdir(), 'asd-class-bench-'));
let child: ChildProcess | null = null;
const cleanup = () => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
};
const hardStop = setTimeout(
  () => {
    console.error(`stopped after ${SECONDS + 15} s: the run did not finish`);
    cleanup();
    process.exit(2);
  },
  (SECONDS + 15) * 1000,
);

function startServer(): Promise<string> {
  const prof = values.profile ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(values.profile)] : [];
  child = spawn(process.execPath, [...prof, '--import', 'tsx', 'src/server/main.ts', '--port', '0', '--host', '127.0.0.1', '--data', dir, '--web', 'none'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (process.env.BENCH_DEBUG) process.stderr.write(d);
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child!.stdout!.on('data', onData);
    child!.stderr!.on('data', onData);
    child!.once('exit', code => reject(new Error(`the server exited (${code}):\n${out}`)));
  });
}

const now = () => performance.now();

/** The server process's CPU time so far in seconds (user + system, from /proc; Linux counts in hundredths). */
function serverCpu(): number {
  const stat = readFileSync(`/proc/${child!.pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}
const pct = (xs: number[], p: number) => {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

interface Student {
  room: Room;
  seat: { side: SeatMessage['side']; role: string } | null;
  last: SeatMessage | null;
  /** Called with each seat message the client has rebuilt (the lead's player, the minister's vote). */
  onSeat: ((m: SeatMessage) => void) | null;
  /** Called with each refusal of a vote (the minister's). */
  onVoteRefused: ((r: Refusal) => void) | null;
  /** When the message being handled was read from the socket (see `stampOnReceipt`). */
  at: number;
}

/**
 * Each message's time taken when its socket is read, and its decoding and handling (msgpack, the
 * delta, the persona's move) put off to the check phase: all 240 clients run in this one thread, so
 * without this a message read in the same turn as 200 others would be timed after the harness had
 * decoded them all, which is the harness's cost, not the server's. Order per connection is kept.
 */
function stampOnReceipt(room: Room, st: Student): void {
  const ws = (room.connection.transport as unknown as { ws: { onmessage: ((ev: unknown) => void) | null } }).ws;
  const handle = ws.onmessage;
  if (!handle) throw new Error('the client connection has no message handler to time');
  ws.onmessage = ev => {
    const t = now();
    setImmediate(() => {
      st.at = t;
      handle.call(ws, ev);
    });
  };
}

/** For or Against, as a student at a seat might vote on an item: fixed by the room, the role and the item. */
function stance(code: string, role: string, item: string): 1 | -1 {
  let h = 2166136261;
  for (const ch of `${code}/${role}/${item}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) % 3 === 0 ? -1 : 1;
}

async function main(): Promise<void> {
  const url = await startServer();
  const ws = url.replace(/^http/, 'ws');
  const res = await fetch(`${url}/api/classes`, { method: 'POST', body: JSON.stringify({ scenario: sc.id, groups: ROOMS }), headers: { 'content-type': 'application/json' } });
  const made = (await res.json()) as { codes: string[]; teacherKey: string; error?: string };
  if (!res.ok) throw new Error(made.error);

  const roundTrip: number[] = [];
  const fanOut: number[] = [];
  let sent = 0;
  let accepted = 0;
  let refused = 0;
  let resyncs = 0;
  const seatFrames = { whole: 0, deltas: 0 };
  /** Minister students' votes: sent, shown back in their seat's message (with the time it took), refused with a reason. */
  const votes = { sent: 0, shown: 0, refused: 0, echo: [] as number[] };
  /** The ballots each group's ministers were told were counted in a sealed move: `role item vote` -> how many. */
  const countedSeen = new Map<string, Map<string, number>>();
  const deadline = now() + SECONDS * 1000;
  const t0 = now();

  /**
   * A minister student votes as students do: on every item before the cabinet it has not voted on,
   * For or Against, at once or after thinking. A vote is answered by the seat's message showing it
   * (cast, or counted in a sealed move), or by a refusal with a reason that names its item (the lead
   * may have sent the orders first).
   */
  const castVotes = (code: string, st: Student) => {
    const role = st.seat!.role;
    /** Votes sent and not yet answered, oldest first (a vote sent as a turn ends may be followed by another on the same item the next). */
    const open: { item: string; vote: 1 | -1; at: number }[] = [];
    const asked = new Set<string>();
    const seen = countedSeen.get(code) ?? new Map<string, number>();
    countedSeen.set(code, seen);
    const told = new Set<string>();
    st.onVoteRefused = r => {
      const k = open.findIndex(x => x.item === r.item);
      if (k < 0) return;
      open.splice(k, 1);
      votes.refused++;
    };
    st.onSeat = m => {
      const panel = m.cabinet;
      if (!panel) return;
      for (let k = open.length - 1; k >= 0; k--) {
        const x = open[k]!;
        if (panel.mine[x.item] === x.vote || panel.counted.some(b => b.item === x.item && b.vote === x.vote)) {
          open.splice(k, 1);
          votes.shown++;
          votes.echo.push(st.at - x.at);
        }
      }
      for (const b of panel.counted) {
        const k = `${b.turn} ${b.item} ${b.vote}`;
        if (told.has(k)) continue;
        told.add(k);
        const key = `${b.role} ${b.item} ${b.vote}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      if (!panel.votes || now() > deadline || m.view.turn >= TURNS) return;
      for (const x of panel.items) {
        const k = `${m.view.turn} ${x.item}`;
        if (asked.has(k) || panel.mine[x.item] !== undefined) continue;
        asked.add(k);
        const vote = stance(code, role, x.item);
        const send = () => {
          // As a student clicks what is on the screen now: not an item gone, nor a vote already there.
          const shown = st.last?.cabinet;
          if (!shown?.votes || !shown.items.some(i => i.item === x.item) || shown.mine[x.item] === vote) return;
          votes.sent++;
          open.push({ item: x.item, vote, at: now() });
          st.room.send('vote', { item: x.item, vote });
        };
        if (THINK) setTimeout(send, THINK * (0.5 + Math.random()));
        else send();
      }
    };
  };

  const groups = await Promise.all(
    made.codes.map(async code => {
      const students: Student[] = [];
      // A move's send time by the moves count it was made at, for the fan-out.
      const sentAt = new Map<number, number>();
      for (let k = 0; k < CLIENTS; k++) {
        const room = await new Client(ws).joinById(code, { name: `Student ${k + 1}` });
        const st: Student = { room, seat: null, last: null, onSeat: null, onVoteRefused: null, at: 0 };
        stampOnReceipt(room, st);
        // As the browser's connection does (src/class/connection.ts): whole messages and deltas.
        const feed = new SeatFeed();
        room.onMessage('joined', (j: { seat: NonNullable<Student['seat']> }) => {
          st.seat = j.seat;
        });
        room.onMessage('room', () => {});
        room.onMessage('refused', (r: Refusal) => {
          if (r.what === 'vote') st.onVoteRefused?.(r);
          else refused++;
        });
        const got = (m: SeatMessage) => {
          const before = st.last?.moves ?? -1;
          st.last = m;
          // Every move this message brings the student (the server may send two moves' changes as one message).
          for (let k = Math.max(before, 0); k < m.moves; k++) {
            const at = sentAt.get(k);
            if (at !== undefined && before >= 0) fanOut.push(st.at - at);
          }
          st.onSeat?.(m);
        };
        room.onMessage('seat', (parts: SeatParts) => {
          if ((parts.s && 'full' in parts.s) || (parts.r && 'full' in parts.r)) seatFrames.whole++;
          else seatFrames.deltas++;
          const m = feed.take(parts);
          if (m) got(m);
          else if (feed.shouldAsk()) {
            resyncs++;
            room.send('resync');
          }
        });
        students.push(st);
      }
      const teacher = await new Client(ws).joinById(code, { teacherKey: made.teacherKey });
      for (const t of ['room', 'overview', 'refused']) teacher.onMessage(t, () => {});
      return { code, students, teacher, sentAt };
    }),
  );
  const joinedIn = now() - t0;

  // The leads play: each seat message asking them to move gets the persona's move from that view.
  const cpuAtStart = { server: serverCpu(), clients: process.cpuUsage() };
  const done = groups.map(g => {
    // One player per lead seat. With 30 students each seat is shared by two, as pairs do in class;
    // if both students at a lead seat played, every move would go twice and the second copy be
    // refused (rightly, with a reason: the first already moved), which measures nothing.
    const leads = g.students.filter((s, k, all) => s.seat?.role === 'lead' && all.findIndex(o => o.seat?.role === 'lead' && o.seat.side === s.seat?.side) === k);
    // Likewise one voter per minister's seat.
    const ministers = g.students.filter((s, k, all) => s.seat && s.seat.role !== 'lead' && all.findIndex(o => o.seat?.side === s.seat?.side && o.seat?.role === s.seat?.role) === k);
    return new Promise<void>(resolve => {
      const check = () => {
        const anyLead = leads[0]?.last;
        if (anyLead && (anyLead.view.turn >= TURNS || anyLead.view.ended)) resolve();
      };
      for (const lead of leads) {
        let acted = -1;
        const player = makePlayer('persona', sc, lead.seat!.side);
        // Moves in flight, oldest first: the server answers each in order.
        const inFlight: number[] = [];
        lead.room.onMessage('accepted', () => {
          accepted++;
          const t = inFlight.shift();
          if (t !== undefined) roundTrip.push(lead.at - t);
          if (lead.last) act(lead.last);
        });
        lead.room.onMessage('refused', (r: { reason: string }) => {
          inFlight.shift();
          if (process.env.BENCH_DEBUG) console.error('refused:', r.reason);
          acted = -1; // as the screen does: the lead may move again
          if (lead.last) act(lead.last);
        });
        const act = (m: SeatMessage) => {
          check();
          if (now() > deadline || m.view.turn >= TURNS) return;
          // Like the screen: nothing new while a move is unanswered, even if the other side moves meanwhile.
          if (thinking || inFlight.length || !m.proposes || (m.duty !== 'decide' && m.duty !== 'orders') || m.moves === acted) return;
          acted = m.moves;
          const move: Move | null = nextMove(c, m.view, player, aiRng(`bench-${g.code}-${m.moves}`, m.side));
          if (!move) return;
          const send = () => {
            thinking = false;
            const t = now();
            if (!g.sentAt.has(m.moves)) g.sentAt.set(m.moves, t);
            sent++;
            inFlight.push(t);
            lead.room.send('move', move);
          };
          // A student reads and chooses before sending (from the view they had: it may be stale by then, as a student's may).
          if (!THINK) return send();
          thinking = true;
          setTimeout(send, THINK * (0.5 + Math.random()));
        };
        let thinking = false;
        // After the student's own handler, which records the message and the fan-out.
        lead.onSeat = act;
        if (lead.last) act(lead.last);
      }
      if (!values['no-votes']) for (const minister of ministers) castVotes(g.code, minister);
      g.teacher.send('control', { do: 'start' });
    });
  });
  const timeLeft = Math.max(1000, deadline - now());
  const finished = await Promise.race([Promise.all(done).then(() => true), new Promise<boolean>(r => setTimeout(() => r(false), timeLeft))]);
  const playedIn = now() - t0 - joinedIn;
  const clientsCpu = process.cpuUsage(cpuAtStart.clients);
  const cpu = { server: serverCpu() - cpuAtStart.server, clients: (clientsCpu.user + clientsCpu.system) / 1e6 };
  // Let the last acknowledgements come in, then compare what was sent with what is stored.
  await new Promise(r => setTimeout(r, 1500));
  let stored = 0;
  let storedBallots = 0;
  /** Ballots a minister was told were counted that the stored game does not hold. */
  let ballotsMissing = 0;
  for (const g of groups) {
    const read = await diskStore(dir).load(g.code);
    if (!read.ok) throw new Error(read.error);
    const log = read.value as GroupLog;
    stored += log.game?.moves.length ?? 0;
    const inLog = new Map<string, number>();
    for (const m of (log.game?.moves ?? []) as Move[]) {
      for (const b of m.votes ?? []) {
        storedBallots++;
        const key = `${b.role} ${b.item} ${b.vote}`;
        inLog.set(key, (inLog.get(key) ?? 0) + 1);
      }
    }
    for (const [key, n] of countedSeen.get(g.code) ?? []) ballotsMissing += Math.max(0, n - (inLog.get(key) ?? 0));
  }
  for (const g of groups) for (const s of [...g.students.map(x => x.room), g.teacher]) void s.leave().catch(() => undefined);

  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.log(
    `classroom load test on 127.0.0.1: ${ROOMS} rooms x ${CLIENTS} students (+ a console each), ${TURNS} turns each, scenario ${sc.id}, ${THINK ? `about ${THINK} ms thinking before each move and vote` : 'moves and votes at once (one burst a turn)'}`,
  );
  console.log(
    `  machine: ${cpus().length} cores, load average ${loadavg()
      .map(x => x.toFixed(1))
      .join(' / ')} (server and clients share it)`,
  );
  console.log(`  joined ${ROOMS * (CLIENTS + 1)} connections in ${(joinedIn / 1000).toFixed(1)} s; played in ${(playedIn / 1000).toFixed(1)} s${finished ? '' : ' (stopped at the time limit)'}`);
  console.log(`  CPU time while playing: server ${cpu.server.toFixed(2)} s, this process's ${CLIENTS * ROOMS} clients ${cpu.clients.toFixed(2)} s (user + system)`);
  console.log(`  order round trip (move -> accepted, log stored): p50 ${ms(pct(roundTrip, 50))}, p95 ${ms(pct(roundTrip, 95))}, max ${ms(pct(roundTrip, 100))} (n=${roundTrip.length})`);
  console.log(`  fan-out (move -> each student's new view):     p50 ${ms(pct(fanOut, 50))}, p95 ${ms(pct(fanOut, 95))}, max ${ms(pct(fanOut, 100))} (n=${fanOut.length})`);
  // A move is lost if it was acknowledged but is not in the stored log, or never answered at all.
  const lost = sent - refused - stored;
  console.log(`  vote shown back (vote -> the minister's view holds it): p50 ${ms(pct(votes.echo, 50))}, p95 ${ms(pct(votes.echo, 95))}, max ${ms(pct(votes.echo, 100))} (n=${votes.echo.length})`);
  console.log(`  seat messages: ${seatFrames.whole} with a part whole (joining), ${seatFrames.deltas} of deltas only; resyncs asked after a missed delta: ${resyncs}`);
  console.log(`  moves sent ${sent}, accepted ${accepted}, refused with a reason ${refused}, stored ${stored}; lost orders: ${lost}`);
  // A vote is lost if it was neither shown back to its minister nor refused with a reason, or if
  // its minister was told it counted in a sealed move that the stored game does not hold.
  const lostVotes = votes.sent - votes.shown - votes.refused + ballotsMissing;
  console.log(
    `  votes sent ${votes.sent}, shown back ${votes.shown}, refused with a reason ${votes.refused} (the lead had moved first); counted in sealed moves and stored ${storedBallots}; lost votes: ${lostVotes}`,
  );
  const met = [fanOut, roundTrip, votes.echo].every(xs => pct(xs, 95) < 100) && lost === 0 && lostVotes === 0;
  console.log(`  target: p95 under 100 ms, zero lost -> ${met ? 'met' : 'NOT met'}`);
}

main()
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  })
  .finally(async () => {
    clearTimeout(hardStop);
    // A profiled server is stopped gently, so node writes its profile as it exits.
    if (values.profile && child && child.exitCode === null) {
      const exited = new Promise(r => child!.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise(r => setTimeout(r, 5000))]);
      console.log(`  the server's CPU profile is in ${values.profile}`);
    }
    cleanup();
    setTimeout(() => process.exit(), 200);
  });
