// The computer players and the teacher's injected events. The teacher injects an event in front of
// the class (the room announces it to every seat, and it fires at the start of the next turn with
// "Introduced by the teacher" in both sides' news), so an injection is public from the moment it is
// queued: both sides' seat views show it, even for an event that only the other side's private
// business could otherwise have queued, and the futures a computer player samples (sampleState,
// used by the search's playouts and the negotiator's bargaining) all hold it, marked as the
// teacher's, so they fire it whatever its trigger says, as the game will. What no seat can know is
// an injection the teacher has not made yet: no sample invents one.
import { describe, expect, it } from 'vitest';
import { makePlayer } from '../../src/ai/index';
import { applyMove, compile, type GameState, injectableEvents, injectEvent, sampleState, seatView } from '../../src/engine/index';
import { openRng, seedRng } from '../../src/engine/rng';
import { other, SIDES } from '../../src/engine/vocab';
import { playTo, privateBusiness } from '../engine/perturb';
import { loadScenarioFile } from '../loadScenario';

const teacherEntries = (q: GameState['scheduled']) => q.filter(x => x.by === 'teacher');

describe.each(['1927', '1929', '1932'])('samples and the teacher’s injections in %s', id => {
  const sc = loadScenarioFile(id);
  const c = compile(sc);
  const players = { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') };
  const s0 = playTo(sc, 'inject-sample', players, 12);

  it('every seat sees an injection, even of an event only the other side’s private business could queue, and every sample holds it', () => {
    const open = injectableEvents(c, s0);
    expect(open.length).toBeGreaterThan(0);
    let privateOnes = 0;
    for (const seat of SIDES) {
      // An event the other side could queue in secret, if there is one open; else any open event.
      const secret = privateBusiness(c, other(seat)).scheduled;
      const ev = open.find(e => secret.includes(e.i)) ?? open[0]!;
      if (secret.includes(ev.i)) privateOnes++;
      const r = injectEvent(sc, s0, ev.id);
      if (!r.ok) throw new Error(r.error);
      const s = r.value;
      const want = teacherEntries(s.scheduled);
      expect(want).toEqual([{ ev: ev.i, day: c.days[s.turn]!, by: 'teacher' }]);
      for (const side of SIDES) expect(teacherEntries(seatView(c, s, side).scheduled), `${side} sees ${ev.id}`).toEqual(want);
      const v = seatView(c, s, seat, { ledger: false });
      const rng = openRng(seedRng(`inject-${seat}`));
      for (let k = 0; k < 8; k++) expect(teacherEntries(sampleState(c, v, rng).scheduled)).toEqual(want);
    }
    // 1927's scenario has events the Soviet side's private business can queue; the check above must have met one.
    if (id === '1927') expect(privateOnes).toBeGreaterThan(0);
  });

  it('a sampled future fires the injected event at the next turn, whatever its trigger', () => {
    const ev = injectableEvents(c, s0).find(e => e.when !== null && !e.when(s0)) ?? injectableEvents(c, s0)[0]!;
    const r = injectEvent(sc, s0, ev.id);
    if (!r.ok) throw new Error(r.error);
    for (const seat of SIDES) {
      const w = sampleState(c, seatView(c, r.value, seat, { ledger: false }), openRng(seedRng(`fire-${seat}`)));
      // Both sides give no orders (their decisions put aside): the turn resolves and the next begins.
      let next: GameState = { ...w, pending: { britain: [], ussr: [] }, orders: { britain: null, ussr: null } };
      for (const side of SIDES) {
        const m = applyMove(sc, next, { type: 'orders', side, orders: [] });
        if (!m.ok) throw new Error(m.error);
        next = m.value;
      }
      expect(next.turn).toBe(w.turn + 1);
      expect(next.fired[ev.i], `${seat}'s sample fires ${ev.id}`).toBeGreaterThanOrEqual(0);
    }
  });

  it('invents no injection: a game without one gives samples without one', () => {
    for (const seat of SIDES) {
      const v = seatView(c, s0, seat, { ledger: false });
      const rng = openRng(seedRng(`none-${seat}`));
      for (let k = 0; k < 8; k++) expect(teacherEntries(sampleState(c, v, rng).scheduled)).toEqual([]);
    }
  });
});
