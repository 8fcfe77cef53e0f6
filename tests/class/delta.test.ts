// Seat messages as deltas (src/class/delta.ts): the client rebuilds exactly the message the server
// built, at every step of a whole game played by the computer's personas, from one full message and
// the deltas after it, each sent through JSON as over the wire; a delta that does not follow on
// from what the client holds is refused (the client then asks for the whole message); nothing a
// client holds is changed under it; and the delta of a late game is a small part of the whole.
// The same rebuild over a real server, with a reconnect and a missed delta: tests/server/delta.test.ts.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makePlayer, runGame } from '../../src/ai/index';
import { applyOps, type DiffMemo, diff, SeatChannel, type SeatDelta, SeatFeed, same } from '../../src/class/delta';
import type { SeatMessage } from '../../src/class/protocol';
import { applyMove, compile, createGame, type GameState, SIDES, type Side, seatView, withRole } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const wire = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** A seat message as the server builds it, for the parts a delta must carry (the view grows; the rest changes). */
function message(c: ReturnType<typeof compile>, s: GameState, side: Side, moves: number): SeatMessage {
  const view = seatView(c, s, side);
  return { side, view, optionOrder: Object.fromEntries(view.pending.map(k => [k, [k % 3, 0]])), duty: 'wait', proposes: side === 'britain', moves, end: null, cabinet: null, standIn: null };
}

describe('seat message deltas', () => {
  it('rebuild each side’s seat view exactly at every step of a played game, and stay small', () => {
    const sc = loadScenarioFile('1927');
    const c = compile(sc);
    const s0 = createGame(sc, 'delta-test');
    const run = runGame(sc, s0, { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') });
    expect(run.moves.length).toBeGreaterThan(20);
    for (const side of SIDES) {
      const server = new SeatChannel();
      const client = new SeatFeed();
      let s = s0;
      server.update(message(c, s, side, 0));
      client.full(wire(server.full()));
      let fullBytes = 0;
      let deltaBytes = 0;
      run.moves.forEach((m, k) => {
        const r = applyMove(sc, s, m);
        if (!r.ok) throw new Error(r.error);
        s = r.value;
        const held = client.current!;
        const heldText = JSON.stringify(held);
        const msg = message(c, s, side, k + 1);
        expect(server.update(msg)).toBe(true); // the moves count changes every step
        const d = server.delta()!;
        const rebuilt = client.delta(wire(d));
        expect(rebuilt).toEqual(wire(msg));
        // Field for field in the server's order too (the wire test compares views as JSON text).
        expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(msg));
        expect(rebuilt!.view).toEqual(wire(seatView(c, s, side)));
        // What the client held before is untouched (the screen may still be reading it).
        expect(JSON.stringify(held)).toBe(heldText);
        fullBytes += JSON.stringify(msg).length;
        deltaBytes += JSON.stringify(d).length;
      });
      expect(s.ended).not.toBeNull();
      // Over a whole game, the deltas carry a small part of what whole messages would.
      expect(deltaBytes).toBeLessThan(fullBytes / 5);
    }
  });

  it('gives each role its own exact message when a side’s seats share the side view’s diff (one memo per change)', () => {
    const sc = loadScenarioFile('1927');
    const c = compile(sc);
    const s0 = createGame(sc, 'delta-roles');
    const run = runGame(sc, s0, { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') });
    const roles = c.roles.filter(r => r.side === 'britain').map(r => r.id);
    expect(roles.length).toBeGreaterThan(1);
    // Each role's seat: the side view (one object for all, as Match caches it) with its brief and aims, and its own votes.
    const seatMsg = (s: GameState, view: ReturnType<typeof seatView>, role: string, k: number): SeatMessage => ({
      ...message(c, s, 'britain', k),
      view: withRole(c, view, role),
      cabinet: { votes: true, note: '', items: [], mine: k % 3 === 0 ? { [`vote-${role}`]: 1 } : {}, tally: null, counted: [], score: null },
    });
    const seats = roles.map(role => ({ role, server: new SeatChannel(), client: new SeatFeed() }));
    let s = s0;
    const first = seatView(c, s, 'britain');
    for (const x of seats) {
      x.server.update(seatMsg(s, first, x.role, 0));
      x.client.full(wire(x.server.full()));
    }
    run.moves.forEach((m, k) => {
      const r = applyMove(sc, s, m);
      if (!r.ok) throw new Error(r.error);
      s = r.value;
      const view = seatView(c, s, 'britain');
      const memo: DiffMemo = new WeakMap();
      for (const x of seats) {
        const msg = seatMsg(s, view, x.role, k + 1);
        expect(x.server.update(msg, memo)).toBe(true);
        const rebuilt = x.client.delta(wire(x.server.delta()!));
        expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(msg));
        // Its own role's brief and aims, no other's (against seatView itself every few moves: it is slow to compare).
        expect(rebuilt!.view.role!.id).toBe(x.role);
        if (k % 5 === 0) expect(rebuilt!.view).toEqual(wire(seatView(c, s, 'britain', { role: x.role })));
      }
    });
  });

  it('refuses a delta that does not follow on from the version held, and recovers from a whole message', () => {
    const server = new SeatChannel();
    const client = new SeatFeed();
    const base = { side: 'britain', view: { ledger: [1] }, optionOrder: {}, duty: 'wait', proposes: true, moves: 0, end: null } as unknown as SeatMessage;
    const at = (n: number) => ({ ...base, moves: n, view: { ledger: Array.from({ length: n + 1 }, (_, i) => i + 1) } }) as unknown as SeatMessage;
    server.update(at(0));
    client.full(wire(server.full()));
    server.update(at(1));
    const missed = server.delta()!;
    server.update(at(2));
    const next = server.delta()!;
    expect(missed.base).toBe(1);
    // The client never got `missed`: `next` does not apply to what it holds.
    expect(client.delta(wire(next))).toBeNull();
    expect(client.current!.moves).toBe(0);
    // It asks for the whole message, and carries on from it.
    expect(client.full(wire(server.full()))).toEqual(at(2));
    server.update(at(3));
    expect(client.delta(wire(server.delta()!))).toEqual(at(3));
    // An unchanged message is no new version, and nothing is sent.
    expect(server.update(at(3))).toBe(false);
    // A client that has nothing refuses any delta.
    expect(new SeatFeed().delta({ v: 2, base: 1, ops: [] } satisfies SeatDelta)).toBeNull();
  });

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
        // A memo changes nothing in the ops, first time or reused.
        const memo: DiffMemo = new WeakMap();
        expect(wire(diff(a, b, [], [], memo))).toEqual(ops);
        expect(wire(diff({ x: a }, { x: b }, [], [], memo))).toEqual(wire(diff({ x: a }, { x: b })));
        const out = applyOps(wire(a), ops);
        expect(same(out, b)).toBe(true);
        expect(JSON.stringify(a)).toBe(before);
      }),
      { numRuns: 400 },
    );
  });
});
