// A classroom group's seat messages as the server builds them, in two parts (group.ts sidePart and
// rolePart, sent by room.ts): a full class plays four turns, its ministers voting on what is before
// their cabinets and its leads playing the persona's moves. After every vote and move, for every
// seat: the side's part (one for all the side's seats) holds no role's brief or secret aims; the
// seat's own part holds its own role's and no other's, and only its own votes; and a client fed
// the parts through channels and msgpack, as over the wire, rebuilds exactly the seat's message,
// whose view is seatView with the seat's role. Over a real server: tests/server/delta.test.ts.

import { Packr, unpack } from '@colyseus/msgpackr';
import { describe, expect, it } from 'vitest';
import { aiRng, makePlayer, nextMove } from '../../src/ai/index';
import { PartChannel, type PartMessage, SeatFeed, type SeatParts } from '../../src/class/delta';
import { type Joined, LEAD, type RolePart, type SeatMessage, type SidePart, seatKey } from '../../src/class/protocol';
import { applyMove, compile, createGame, type GameState, type Move, SIDES, type Side, seatView } from '../../src/engine/index';
import { leadRole } from '../../src/server/ballotBox';
import { Group } from '../../src/server/group';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1927');
const c = compile(sc);
const packr = new Packr({ useRecords: false });
const wire = <T>(x: T): T => unpack(packr.pack(x)) as T;

/** What the room sends a connection holding versions `held` of the two parts. */
function partsFor(side: PartChannel<SidePart>, own: PartChannel<RolePart>, held: { sv: number; rv: number }): SeatParts | null {
  const pick = <T>(ch: PartChannel<T>, v: number): PartMessage<T> | undefined => {
    const kind = ch.kind(v);
    return kind === 'none' ? undefined : kind === 'delta' ? ch.delta()! : ch.full();
  };
  const s = pick(side, held.sv);
  const r = pick(own, held.rv);
  held.sv = side.version;
  held.rv = own.version;
  return s || r ? { v: [side.version, own.version], ...(s ? { s } : {}), ...(r ? { r } : {}) } : null;
}

describe('a group’s seat messages as a side’s part and each seat’s own', () => {
  it('keeps every role’s secrets to its own part, and rebuilds each seat’s message exactly, through votes and moves', async () => {
    const made = Group.create(sc, { code: 'PARTS1', classId: 'c1', teacherKey: 'k', seed: 'parts-test', seating: 'assign', paceSeconds: 0 });
    if (!made.ok) throw new Error(made.error);
    const g = made.value;
    const seated: Joined[] = [];
    for (let k = 0; k < 30; k++) {
      const r = g.join({ name: `Student ${k + 1}` });
      if (!r.ok) throw new Error(r.error);
      seated.push(r.value);
    }
    // One client per seat (the first student there), as the room keeps one channel per side and per seat key.
    const seats = seated.filter((j, k) => seated.findIndex(o => seatKey(o.seat) === seatKey(j.seat)) === k);
    expect(seats.length).toBe(sc.roles!.length);
    const sideCh: Record<Side, PartChannel<SidePart>> = { britain: new PartChannel<SidePart>(), ussr: new PartChannel<SidePart>() };
    const clients = seats.map(j => ({ j, own: new PartChannel<RolePart>(), feed: new SeatFeed(), held: { sv: -1, rv: -1 }, votes: new Map<string, 1 | -1>() }));
    expect(g.control({ do: 'start' }).ok).toBe(true);
    await new Promise(r => setTimeout(r, 0));

    let s: GameState = createGame(sc, 'parts-test');
    let applied = 0;
    let checks = 0;
    let votesCast = 0;
    const check = () => {
      // The state the group is at: the stored game's moves, replayed.
      const moves = g.toLog().game!.moves as Move[];
      for (; applied < moves.length; applied++) {
        const r = applyMove(sc, s, moves[applied]!);
        if (!r.ok) throw new Error(r.error);
        s = r.value;
      }
      for (const side of SIDES) {
        const part = g.sidePart(side)!;
        expect(part.view).not.toHaveProperty('role');
        const text = JSON.stringify(part);
        for (const r of sc.roles!) expect(text).not.toContain(r.secretAim);
        sideCh[side].update(part);
      }
      for (const x of clients) {
        const seat = x.j.seat;
        const role = seat.role === LEAD ? leadRole(c, s, seat.side) : seat.role;
        const own = g.rolePart(seat)!;
        expect(own.role?.id).toBe(role);
        const text = JSON.stringify(own);
        for (const r of sc.roles!) {
          if (r.id === role) expect(text).toContain(r.secretAim);
          else expect(text).not.toContain(r.secretAim);
        }
        // A minister's part holds its own votes, no one else's; only the lead's holds the tally.
        if (seat.role !== LEAD) {
          expect(own.cabinet!.tally).toBeNull();
          for (const [item, vote] of Object.entries(own.cabinet!.mine)) expect(x.votes.get(item)).toBe(vote);
        }
        x.own.update(own);
        const parts = partsFor(sideCh[seat.side], x.own, x.held);
        if (parts) x.feed.take(wire(parts));
        const rebuilt = x.feed.current!;
        expect(rebuilt).not.toBeNull();
        expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(g.seatMessage(seat)));
        expect(JSON.stringify(rebuilt.view)).toBe(JSON.stringify(seatView(c, s, seat.side, role ? { role } : {})));
        checks++;
      }
    };
    check();
    for (let step = 0; step < 80 && s.turn < 4 && !s.ended; step++) {
      // The ministers vote on what is before their cabinets (For on the first item, Against on the rest).
      for (const x of clients) {
        const m: SeatMessage = g.seatMessage(x.j.seat)!;
        if (!m.cabinet?.votes) continue;
        for (const [k, item] of m.cabinet.items.entries()) {
          if (m.cabinet.mine[item.item] !== undefined) continue;
          const vote = k === 0 ? 1 : -1;
          expect(g.vote(x.j.seatToken, { item: item.item, vote }).ok).toBe(true);
          x.votes.set(item.item, vote);
          votesCast++;
        }
      }
      check();
      // The leads move, as the persona would from what they see.
      let moved = false;
      for (const x of clients.filter(y => y.j.seat.role === LEAD)) {
        const m = g.seatMessage(x.j.seat)!;
        if (m.duty !== 'decide' && m.duty !== 'orders') continue;
        const move = nextMove(c, m.view, makePlayer('persona', sc, m.side), aiRng(`parts-${step}`, m.side))!;
        const r = await g.move(x.j.seatToken, move);
        expect(r.ok).toBe(true);
        moved = true;
        check();
      }
      expect(moved).toBe(true);
    }
    expect(s.turn).toBeGreaterThanOrEqual(4);
    expect(votesCast).toBeGreaterThan(20);
    expect(checks).toBeGreaterThan(500);
    g.dispose();
  });
});
