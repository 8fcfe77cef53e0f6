// The seat view leaks nothing: two states that differ only in what a side may not know give that
// side byte-identical views, over random games of all three scenarios. What a side may not know is
// written out here, field by field of the game state, from the scenario's own rules, independently
// of src/engine/seat.ts (in perturb.ts, shared with the computer players' secrecy tests); a field
// added to the state fails to compile (and at run time, the key check) until it is classified below.
import fc from 'fast-check';
import alea from 'seedrandom/lib/alea.js';
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, makePlayer, nextMove, PLAYER_KINDS, toMove } from '../../src/ai/index';
import { type Compiled, compile, createGame, type GameState, injectableEvents, injectEvent, seatReports, seatView } from '../../src/engine/index';
import { openRng } from '../../src/engine/rng';
import { other, SIDES } from '../../src/engine/vocab';
import type { Scenario } from '../../src/scenario/schema';
import { loadScenarioFile } from '../loadScenario';
import { perturb, playOn, playTo, privateBusiness } from './perturb';

/**
 * Every field of the game state: `public` (both sides may know it), `secret` (no side's view may
 * depend on it) or `mixed` (its parts are told apart by `perturb` in perturb.ts).
 */
const FIELDS: Record<keyof GameState, 'public' | 'secret' | 'mixed'> = {
  scenario: 'public',
  version: 'public',
  seed: 'secret',
  turn: 'public',
  rng: 'secret',
  rolls: 'secret',
  fig: 'mixed',
  flags: 'mixed',
  relations: 'public',
  lead: 'public',
  fired: 'mixed',
  chosen: 'mixed',
  taken: 'mixed',
  failed: 'mixed',
  scheduled: 'mixed',
  pending: 'mixed',
  orders: 'mixed',
  offers: 'mixed',
  agreed: 'public',
  trade: 'public',
  pipeline: 'public',
  month: 'public',
  record: 'public',
  ledger: 'mixed',
  news: 'mixed',
  ended: 'public',
  // Students' ballots sealed with a side's orders: no view holds them, not even the side's own.
  ballots: 'secret',
  // Firings the teacher introduced: announced to the class, so both sides know them.
  introduced: 'public',
};
/** Fields a state has only in some games (a classroom game's sealed ballots and introduced events). */
const OPTIONAL_FIELDS: readonly (keyof GameState)[] = ['ballots', 'introduced'];

/**
 * Half the games have a teacher's injection queued (one of the events open to it, chosen by `k`): it
 * is public (the room announces it), so perturb keeps it and every view must show it. In half of
 * those the game plays on until it fires: both sides' views show that firing, even where the event
 * is the other side's private decision.
 */
function withInjection(sc: Scenario, s: GameState, k: number, playOnTo: (s: GameState, done: (t: GameState) => boolean) => GameState): GameState {
  const c = compile(sc);
  const open = k % 2 ? [] : injectableEvents(c, s);
  if (!open.length) return s;
  const ev = open[Math.floor(k / 4) % open.length]!;
  const r = injectEvent(sc, s, ev.id);
  if (!r.ok) throw new Error(r.error);
  for (const side of SIDES) expect(seatView(c, r.value, side).scheduled.filter(x => x.by === 'teacher')).toHaveLength(1);
  if (k % 4 === 0) return r.value;
  const after = playOnTo(r.value, t => t.turn > s.turn);
  if (after.ended && after.fired[ev.i] !== c.days[after.turn]) return after;
  expect(after.introduced?.[ev.i]).toBe(c.days[after.turn]);
  for (const side of SIDES) expect(seatView(c, after, side).fired[ev.i], `${side} sees the teacher's ${ev.id} fire`).toBe(c.days[after.turn]);
  return after;
}

/** A role's secret texts, read from the scenario file: its aim and its objectives' labels and descriptions. */
function roleSecrets(c: Compiled, k: number): string[] {
  const r = c.sc.roles![k]!;
  return [r.secretAim, ...r.objectives.flatMap(o => [o.label, ...(o.description === undefined ? [] : [o.description])])];
}

describe.each(['1927', '1929', '1932'])('the seat view leaks nothing in %s', id => {
  const sc = loadScenarioFile(id);
  const c = compile(sc);
  it('every field of the state is classified', () => {
    expect(Object.keys(createGame(sc, 'x')).sort()).toEqual(
      Object.keys(FIELDS)
        .filter(k => !OPTIONAL_FIELDS.includes(k as keyof GameState))
        .sort(),
    );
  });

  it('states that differ only in what a side may not know give it byte-identical views, and its computer player the same move', () => {
    const kinds = fc.constantFrom(...PLAYER_KINDS);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 6 }), kinds, kinds, fc.nat({ max: 300 }), fc.integer(), fc.nat(), (seed, bk, uk, stop, noise, inj) => {
        const players = { britain: makePlayer(bk, sc, 'britain'), ussr: makePlayer(uk, sc, 'ussr') };
        const s = withInjection(sc, playTo(sc, `SEED<${seed}>`, players, stop), inj, (t, done) => playOn(sc, t, `SEED<${seed}>`, players, done));
        const rnd = alea(String(noise));
        for (const seat of SIDES) {
          const view = JSON.stringify(seatView(c, s, seat));
          for (let k = 0; k < 2; k++) {
            const v0 = seatView(c, s, seat),
              v1 = seatView(c, perturb(c, s, seat, rnd), seat);
            for (const key of Object.keys(v0) as (keyof typeof v0)[]) expect(JSON.stringify(v1[key]), `${seat}'s view: ${key}`).toBe(JSON.stringify(v0[key]));
            expect(JSON.stringify(v1)).toBe(view);
          }
          // Every report the side has heard (what a classroom seat's page reads its earlier turns
          // from) is the same too, and ends with the view's news.
          const reports = JSON.stringify(seatReports(s, seat));
          for (let k = 0; k < 2; k++) expect(JSON.stringify(seatReports(perturb(c, s, seat, rnd), seat)), `${seat}'s reports`).toBe(reports);
          const told = seatReports(s, seat);
          const tail = seatView(c, s, seat).news;
          expect(told.slice(told.length - tail.length)).toEqual(tail);
          // A computer player in this seat, asked with the same dice, makes the same move either way.
          if (toMove(s, seat)) {
            const ask = (st: GameState) => nextMove(c, seatView(c, st, seat, AI_VIEW), players[seat], openRng(aiRng(`SEED<${seed}>`, seat).state()));
            expect(ask(perturb(c, s, seat, rnd))).toEqual(ask(s));
          }
          // A role's view is the side's view with that role's brief, holding its own secret aims and no
          // other role's; it too is the same for states that differ only in what the side may not know.
          for (const r of c.roles) {
            if (r.side !== seat) continue;
            const rv = seatView(c, s, seat, { role: r.id });
            const { role, ...rest } = rv;
            expect(JSON.stringify(rest)).toBe(view);
            expect(JSON.stringify(seatView(c, perturb(c, s, seat, rnd), seat, { role: r.id }))).toBe(JSON.stringify(rv));
            const own = roleSecrets(c, r.i);
            const text = JSON.stringify(role);
            for (const t of own) expect(text).toContain(JSON.stringify(t).slice(1, -1));
            // No other role's aim is in it, unless its words are already in the side's plain view (a
            // short label such as "No war" can match a line of news) or in this role's own aims.
            const whole = JSON.stringify(rv);
            for (const o of c.roles) {
              if (o.i === r.i) continue;
              for (const t of roleSecrets(c, o.i)) {
                const needle = JSON.stringify(t).slice(1, -1);
                if (view.includes(needle) || own.some(x => x.includes(t))) continue;
                expect(whole, `${r.id}'s view holds ${o.id}'s aim`).not.toContain(needle);
              }
            }
          }
          // Nothing in it, nor in its reports, names the dice or the other side's private business.
          const p = privateBusiness(c, other(seat));
          for (const text of [view, reports]) {
            expect(text).not.toContain('SEED<');
            for (const k of p.actions) expect(text).not.toContain(`"action:${c.actions[k]!.id}"`);
            for (const k of p.events) expect(text).not.toMatch(new RegExp(`"(event|option):${c.events[k]!.id}[."]`));
          }
        }
      }),
      { numRuns: 20 },
    );
    // Whole games with full views: generous room for a busy 2-core machine (no timing is asserted).
  }, 300_000);
});
