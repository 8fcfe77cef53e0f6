// The seat view leaks nothing: two states that differ only in what a side may not know give that
// side byte-identical views, over random games of all three scenarios. What a side may not know is
// written out here, field by field of the game state, from the scenario's own rules, independently
// of src/engine/seat.ts; a field added to the state fails to compile (and at run time, the key check)
// until it is classified below.
import fc from 'fast-check';
import alea from 'seedrandom/lib/alea.js';
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, makePlayer, nextMove, PLAYER_KINDS, type Player, toMove } from '../../src/ai/index';
import { applyMove, type Compiled, compile, createGame, type GameState, INTEL_SIGHT, seatView } from '../../src/engine/index';
import { openRng } from '../../src/engine/rng';
import { other, SIDES, type Side } from '../../src/engine/vocab';
import type { Effect } from '../../src/scenario/schema';
import { loadScenarioFile } from '../loadScenario';

/**
 * Every field of the game state: `public` (both sides may know it), `secret` (no side's view may
 * depend on it) or `mixed` (its parts are told apart by `perturb` below).
 */
const FIELDS: Record<keyof GameState, 'public' | 'secret' | 'mixed'> = {
  scenario: 'public',
  version: 'public',
  seed: 'secret',
  turn: 'public',
  rng: 'secret',
  fig: 'mixed',
  flags: 'mixed',
  relations: 'public',
  lead: 'public',
  fired: 'mixed',
  chosen: 'mixed',
  taken: 'mixed',
  failed: 'mixed',
  scheduled: 'secret',
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
};
/** Fields a state has only in some games (a classroom game's sealed ballots). */
const OPTIONAL_FIELDS: readonly (keyof GameState)[] = ['ballots'];

const PRIVATE_CATEGORIES = ['lobby', 'intelligence', 'comintern'];

/** What `them` does in private, read from the scenario file: orders, decision events, and flags only such business sets. */
function privateBusiness(c: Compiled, them: Side) {
  const sc = c.sc;
  const actions = sc.actions.flatMap((a, k) => (a.side === them && !(a.public ?? !PRIVATE_CATEGORIES.includes(a.category)) ? [k] : []));
  const events = sc.events.flatMap((e, k) => (e.decision?.side === them && !(e.public ?? false) ? [k] : []));
  const flagsIn = (xs: Effect[] | undefined): string[] =>
    (xs ?? []).flatMap(e => ('setFlag' in e ? [e.setFlag] : 'clearFlag' in e ? [e.clearFlag] : 'then' in e || 'else' in e ? [...flagsIn(e.then), ...flagsIn(e.else)] : []));
  // Every context that sets each flag, marked private to `them` or not.
  const setters = new Map<string, boolean[]>();
  const note = (xs: Effect[] | undefined, priv: boolean) => {
    for (const f of flagsIn(xs)) setters.set(f, [...(setters.get(f) ?? []), priv]);
  };
  sc.actions.forEach((a, k) => {
    note(a.effects, actions.includes(k));
    note(a.onFail, a.side === them);
  });
  sc.events.forEach((e, k) => {
    note(e.effects, events.includes(k));
    for (const o of e.decision?.options ?? []) {
      note(o.effects, events.includes(k));
      note(o.onFail, e.decision!.side === them);
    }
  });
  for (const t of sc.negotiation.terms) for (const o of t.options) note(o.effects, false);
  note(sc.negotiation.onRatified, false);
  // Flags the scenario declares public facts are not secret, whoever sets them.
  const flags = [...setters].filter(([f, ps]) => ps.every(Boolean) && !(sc.publicFlags ?? []).includes(f)).map(([f]) => c.flagIndex.get(f)!);
  return { actions, events, flags, allActions: sc.actions.flatMap((a, k) => (a.side === them ? [k] : [])) };
}

/** A copy of `s` with everything `seat` may not know changed at random. */
function perturb(c: Compiled, s: GameState, seat: Side, rnd: () => number): GameState {
  const them = other(seat);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const day = () => (rnd() < 0.4 ? -1 : c.days[0]! + Math.floor(rnd() * 400));
  const p = privateBusiness(c, them);
  const sees = s.fig[c.side[seat].iIntel]! >= INTEL_SIGHT;
  const fig = s.fig.map((v, i) => {
    const f = c.figs[i]!;
    const hidden = f.side === them && (f.kind === 'capital' || (!sees && (f.kind === 'stance' || f.kind === 'mood')));
    return hidden ? f.min + rnd() * (f.max - f.min) : v;
  });
  const reroll = (xs: number[], idx: number[], value: (k: number) => number) => {
    const out = xs.slice();
    for (const k of idx) out[k] = value(k);
    return out;
  };
  const theirDecisions = c.events.filter(e => e.decision?.side === them).map(e => e.i);
  const theirActions = c.sideActions[them];
  const randomOrders = () => (rnd() < 0.3 ? null : theirActions.filter(() => rnd() < 0.2).map(k => ({ kind: 'action' as const, id: c.actions[k]!.id })));
  const mapList = <T>(list: { e: T; n: unknown } | null, f: (e: T) => T): { e: T; n: unknown } | null => {
    const items: T[] = [];
    for (let n = list; n; n = n.n as typeof list) items.push(f(n.e));
    let out: { e: T; n: unknown } | null = null;
    for (let j = items.length - 1; j >= 0; j--) out = { e: items[j]!, n: out };
    return out;
  };
  const junk = () => `secret-${Math.floor(rnd() * 1e9)}`;
  const randomBallots = () => c.roles.filter(r => r.minister >= 0 && rnd() < 0.3).map(r => ({ role: r.id, item: `action:${pick(c.actions).id}`, vote: (rnd() < 0.5 ? 1 : -1) as 1 | -1 }));
  const out: GameState = {
    ...s,
    seed: junk(),
    rng: { c: rnd(), s0: rnd(), s1: rnd(), s2: rnd() },
    fig,
    flags: reroll(s.flags, p.flags, day),
    fired: reroll(s.fired, p.events, day),
    chosen: reroll(s.chosen, p.events, k => (rnd() < 0.4 ? -1 : Math.floor(rnd() * c.events[k]!.decision!.options.length))),
    taken: reroll(s.taken, p.actions, day),
    failed: reroll(s.failed, p.allActions, day),
    scheduled: Array.from({ length: Math.floor(rnd() * 4) }, () => ({ ev: Math.floor(rnd() * c.events.length), day: c.days[0]! + Math.floor(rnd() * 400) })),
    pending: seat === 'britain' ? { britain: s.pending.britain, ussr: theirDecisions.filter(() => rnd() < 0.1) } : { britain: theirDecisions.filter(() => rnd() < 0.1), ussr: s.pending.ussr },
    orders: seat === 'britain' ? { britain: s.orders.britain, ussr: randomOrders() } : { britain: randomOrders(), ussr: s.orders.ussr },
    offers: s.offers.map(o =>
      o.from === them && o.status === 'sent' ? { ...o, terms: Object.fromEntries(c.terms.map(t => [t.id, pick(t.options).id])), arrivesDay: o.arrivesDay + Math.floor(rnd() * 5) } : o,
    ),
    ballots: rnd() < 0.3 ? undefined : { britain: randomBallots(), ussr: randomBallots() },
    ledger: mapList(s.ledger, e => (e.origin === them ? { ...e, cause: junk(), why: junk() } : e)) as GameState['ledger'],
    // A headline's explanation is withheld with its cause.
    news: mapList(s.news, n =>
      n.side === them ? { ...n, text: junk(), cause: junk(), detail: junk() } : n.origin === them ? { ...n, cause: junk(), ...(n.detail === undefined ? {} : { detail: junk() }) } : n,
    ) as GameState['news'],
  };
  return out;
}

/** A role's secret texts, read from the scenario file: its aim and its objectives' labels and descriptions. */
function roleSecrets(c: Compiled, k: number): string[] {
  const r = c.sc.roles![k]!;
  return [r.secretAim, ...r.objectives.flatMap(o => [o.label, ...(o.description === undefined ? [] : [o.description])])];
}

/** Play a game with the given players until `stop` moves have been made (or it ends). */
function playTo(sc: ReturnType<typeof loadScenarioFile>, seed: string, players: Record<Side, Player>, stop: number): GameState {
  const c = compile(sc);
  const rngs = { britain: aiRng(seed, 'britain'), ussr: aiRng(seed, 'ussr') };
  let s = createGame(sc, seed);
  for (let k = 0; k < stop && !s.ended; k++) {
    const side = SIDES.find(x => toMove(s, x))!;
    const r = applyMove(sc, s, nextMove(c, seatView(c, s, side, AI_VIEW), players[side], rngs[side])!);
    if (!r.ok) throw new Error(r.error);
    s = r.value;
  }
  return s;
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
      fc.property(fc.string({ minLength: 1, maxLength: 6 }), kinds, kinds, fc.nat({ max: 300 }), fc.integer(), (seed, bk, uk, stop, noise) => {
        const players = { britain: makePlayer(bk, sc, 'britain'), ussr: makePlayer(uk, sc, 'ussr') };
        const s = playTo(sc, `SEED<${seed}>`, players, stop);
        const rnd = alea(String(noise));
        for (const seat of SIDES) {
          const view = JSON.stringify(seatView(c, s, seat));
          for (let k = 0; k < 2; k++) {
            const v0 = seatView(c, s, seat),
              v1 = seatView(c, perturb(c, s, seat, rnd), seat);
            for (const key of Object.keys(v0) as (keyof typeof v0)[]) expect(JSON.stringify(v1[key]), `${seat}'s view: ${key}`).toBe(JSON.stringify(v0[key]));
            expect(JSON.stringify(v1)).toBe(view);
          }
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
          // Nothing in it names the dice or the other side's private business.
          expect(view).not.toContain('SEED<');
          const p = privateBusiness(c, other(seat));
          for (const k of p.actions) expect(view).not.toContain(`"action:${c.actions[k]!.id}"`);
          for (const k of p.events) expect(view).not.toMatch(new RegExp(`"(event|option):${c.events[k]!.id}[."]`));
        }
      }),
      { numRuns: 20 },
    );
    // Whole games with full views: generous room for a busy 2-core machine (no timing is asserted).
  }, 300_000);
});
