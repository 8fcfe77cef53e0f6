// Seat messages as deltas in two parts (src/class/delta.ts): a side's part, shared by every seat of
// the side, and each seat's own part. At every step of a whole game played by the computer's
// personas, each seat's client, sent the side's part and its own (whole, then as deltas, each
// through msgpack as over the wire), rebuilds exactly its seat view (seatView with its role) and the
// message the server built; a seat's own part holds its role's brief and secret aims and no other
// role's, and the side's part holds none; a delta that does not follow on from what the client
// holds, or a message whose other part the client holds at another version, is refused (the
// client then asks for the whole message); nothing a client holds is changed under it; and all the
// seats' own parts together are small beside the side's part, which is encoded once for all. The same over a real server, with a
// reconnect and a lossy client: tests/server/delta.test.ts.

import { Packr, unpack } from '@colyseus/msgpackr';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makePlayer, runGame } from '../../src/ai/index';
import { applyOps, diff, joinSeat, PartChannel, type PartMessage, SeatFeed, type SeatParts, same, splitSeat } from '../../src/class/delta';
import type { CabinetPanel, RolePart, SeatMessage, SidePart } from '../../src/class/protocol';
import { applyMove, type Compiled, compile, createGame, type GameState, roleBrief, SIDES, type Side, seatView } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const packr = new Packr({ useRecords: false });
/** As over the wire: msgpack, as the server's encoder writes it and the client's decoder reads it. */
const wire = <T>(x: T): T => unpack(packr.pack(x)) as T;
const size = (x: unknown) => packr.pack(x).length;

/** A side's part as the server builds it (the side's view without a role, and the side's business). */
function sidePart(c: Compiled, s: GameState, side: Side, moves: number): SidePart {
  const view = seatView(c, s, side);
  return { side, view, optionOrder: Object.fromEntries(view.pending.map(k => [k, [k % 3, 0]])), duty: 'wait', moves, end: null, standIn: null };
}

/** A seat's own part: its role's brief, and a cabinet panel with votes of its own on some steps. */
function ownPart(c: Compiled, role: string | null, k: number): RolePart {
  const cabinet: CabinetPanel = { votes: true, note: '', items: [], mine: role && k % 3 === 0 ? { [`vote-${role}`]: 1 } : {}, tally: null, counted: [], score: null };
  return { role: role ? roleBrief(c, role) : null, cabinet, proposes: role === null };
}

/** What the room sends a connection holding versions `held` of the two parts (as objects; the room splices the same as bytes). */
function partsFor(side: PartChannel<SidePart>, own: PartChannel<RolePart>, held: { sv: number; rv: number }): SeatParts | null {
  const pick = <T>(ch: PartChannel<T>, v: number): PartMessage<T> | undefined => {
    const kind = ch.kind(v);
    return kind === 'none' ? undefined : kind === 'delta' ? ch.delta()! : ch.full();
  };
  const out: SeatParts = { v: [side.version, own.version] };
  const s = pick(side, held.sv);
  const r = pick(own, held.rv);
  held.sv = side.version;
  held.rv = own.version;
  if (!s && !r) return null;
  if (s) out.s = s;
  if (r) out.r = r;
  return out;
}

describe('seat messages as a shared side part and a seat’s own part', () => {
  const sc = loadScenarioFile('1927');
  const c = compile(sc);
  const s0 = createGame(sc, 'delta-test');
  const run = runGame(sc, s0, { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') });

  it('rebuilds every seat’s own view exactly at every step of a played game, from parts encoded once per side', () => {
    expect(run.moves.length).toBeGreaterThan(20);
    for (const side of SIDES) {
      // Every role of the side has a seat, and one seat has no role (a scenario without roles seats its ministers so).
      const roles: (string | null)[] = [null, ...c.roles.filter(r => r.side === side).map(r => r.id)];
      expect(roles.length).toBeGreaterThan(3);
      const sideCh = new PartChannel<SidePart>();
      const seats = roles.map(role => ({ role, own: new PartChannel<RolePart>(), client: new SeatFeed(), held: { sv: -1, rv: -1 } }));
      let s = s0;
      let ownDeltaBytes = 0;
      let sideDeltaBytes = 0;
      const step = (k: number) => {
        const sp = sidePart(c, s, side, k);
        sideCh.update(sp);
        if (k > 0) sideDeltaBytes += size(sideCh.delta());
        for (const x of seats) {
          const before = x.client.current;
          const beforeText = k % 7 === 0 || seats.indexOf(x) < 2 ? JSON.stringify(before) : '';
          const rp = ownPart(c, x.role, k);
          x.own.update(rp);
          const parts = partsFor(sideCh, x.own, x.held)!;
          if (k > 0 && parts.r) ownDeltaBytes += size(parts.r);
          const msg = joinSeat(sp, rp);
          const rebuilt = x.client.take(wire(parts));
          expect(rebuilt).not.toBeNull();
          // Exactly the seat's view and message, field for field in the server's order (as JSON text:
          // every seat at every few steps and at the end, and the first two at every step: it is slow).
          if (k % 7 === 0 || k === run.moves.length || seats.indexOf(x) < 2) {
            expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(msg));
            expect(JSON.stringify(rebuilt!.view)).toBe(JSON.stringify(seatView(c, s, side, x.role ? { role: x.role } : {})));
            // What the client held before is untouched (the screen may still be reading it).
            expect(JSON.stringify(before)).toBe(beforeText);
          }
        }
      };
      step(0);
      run.moves.forEach((m, k) => {
        const r = applyMove(sc, s, m);
        if (!r.ok) throw new Error(r.error);
        s = r.value;
        step(k + 1);
      });
      expect(s.ended).not.toBeNull();
      // The side's part, encoded once for all its seats, carries the bulk of every change: all the
      // seats' own parts together are a small part of it (encoding a whole message per seat cost
      // the side's part once for each seat).
      expect(ownDeltaBytes).toBeLessThan(sideDeltaBytes / 4);
    }
  });

  it('gives a seat its own role’s brief and secret aims and no other role’s; the side’s part holds no role’s', () => {
    let s = s0;
    const sideText = (side: Side) => JSON.stringify(wire(sidePart(c, s, side, 0)));
    const check = () => {
      for (const side of SIDES) {
        const shared = sideText(side);
        for (const r of sc.roles!) expect(shared).not.toContain(r.secretAim);
        for (const role of c.roles.filter(r => r.side === side)) {
          const own = JSON.stringify(wire(ownPart(c, role.id, 0)));
          for (const r of sc.roles!) {
            if (r.id === role.id) expect(own).toContain(r.secretAim);
            else expect(own).not.toContain(r.secretAim);
          }
        }
      }
    };
    check();
    for (const m of run.moves.slice(0, 12)) {
      const r = applyMove(sc, s, m);
      if (!r.ok) throw new Error(r.error);
      s = r.value;
      check();
    }
  });

  it('splits a seat message into its parts and joins them back exactly', () => {
    const s = s0;
    for (const role of [null, ...c.roles.filter(r => r.side === 'ussr').map(r => r.id)]) {
      const view = seatView(c, s, 'ussr', role ? { role } : {});
      const m: SeatMessage = { ...joinSeat(sidePart(c, s, 'ussr', 3), ownPart(c, role, 0)), view };
      const { side, role: own } = splitSeat(m);
      expect(side.view).not.toHaveProperty('role');
      expect(own.role?.id ?? null).toBe(role);
      expect(JSON.stringify(joinSeat(side, own))).toBe(JSON.stringify(m));
    }
  });
});

describe('refusing what does not follow on', () => {
  const base = { side: 'britain', view: { ledger: [1] }, optionOrder: {}, duty: 'wait', moves: 0, end: null, standIn: null } as unknown as SidePart;
  const at = (n: number) => ({ ...base, moves: n, view: { ledger: Array.from({ length: n + 1 }, (_, i) => i + 1) } }) as unknown as SidePart;
  const own = (n: number): RolePart => ({ role: null, cabinet: null, proposes: n % 2 === 0 });

  it('refuses a delta that does not follow on from the version held, and recovers from the whole message', () => {
    const side = new PartChannel<SidePart>();
    const mine = new PartChannel<RolePart>();
    const client = new SeatFeed();
    const held = { sv: -1, rv: -1 };
    side.update(at(0));
    mine.update(own(0));
    expect(client.take(wire(partsFor(side, mine, held)!))!.moves).toBe(0);
    side.update(at(1));
    const missed = partsFor(side, mine, held)!;
    expect(missed.s && 'base' in missed.s && missed.s.base).toBe(1);
    side.update(at(2));
    const next = partsFor(side, mine, held)!;
    // The client never got `missed`: `next` does not apply to what it holds, and it asks once.
    expect(client.take(wire(next))).toBeNull();
    expect(client.shouldAsk()).toBe(true);
    expect(client.shouldAsk()).toBe(false);
    // It is sent both parts whole, and carries on from them.
    const whole = partsFor(side, mine, { sv: -1, rv: -1 })!;
    expect(client.take(wire(whole))).toEqual(joinSeat(at(2), own(0)));
    expect(client.shouldAsk()).toBe(true); // a later miss is asked about again
    side.update(at(3));
    expect(client.take(wire(partsFor(side, mine, held)!))).toEqual(joinSeat(at(3), own(0)));
    // An unchanged part is no new version, and a connection up to date is sent nothing.
    expect(side.update(at(3))).toBe(false);
    expect(partsFor(side, mine, held)).toBeNull();
    // A client that has nothing refuses any delta.
    expect(new SeatFeed().take({ v: [2, 1], s: { v: 2, base: 1, ops: [] } })).toBeNull();
  });

  it('refuses a message that leaves the other part at a version the client does not hold', () => {
    const side = new PartChannel<SidePart>();
    const mine = new PartChannel<RolePart>();
    const client = new SeatFeed();
    const held = { sv: -1, rv: -1 };
    side.update(at(0));
    mine.update(own(0));
    client.take(wire(partsFor(side, mine, held)!));
    // The seat's own part changes and that message is lost; then only the side's part changes.
    mine.update(own(1));
    expect(partsFor(side, mine, held)!.s).toBeUndefined();
    side.update(at(1));
    const sideOnly = partsFor(side, mine, held)!;
    expect(sideOnly.r).toBeUndefined();
    // The side's delta follows on, but the message is built on an own part the client never got.
    expect(client.take(wire(sideOnly))).toBeNull();
    expect(client.current).toBeNull();
  });
});

describe('diff and apply', () => {
  it('turns any JSON document into any other', () => {
    const json = fc.letrec(tie => ({
      value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 4 }), tie('arr'), tie('obj')),
      arr: fc.array(tie('value'), { maxLength: 5 }),
      obj: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'ledger', 'news'), tie('value'), { maxKeys: 4 }),
    })).value;
    // Mostly related pairs (b grown or edited from a), as a game's views are.
    const grown = fc.tuple(fc.array(json, { maxLength: 6 }), fc.array(json, { maxLength: 3 }), json).map(
      ([xs, more, v]) =>
        [
          { ledger: xs, v },
          { ledger: [...xs, ...more], v },
        ] as const,
    );
    fc.assert(
      fc.property(fc.oneof(fc.tuple(json, json), grown), ([a, b]) => {
        const before = JSON.stringify(a);
        const ops = wire(diff(a, b));
        const out = applyOps(wire(a), ops);
        expect(same(out, b)).toBe(true);
        expect(JSON.stringify(a)).toBe(before);
      }),
      { numRuns: 400 },
    );
  });
});
