// What a side may not know, written out from the scenario's own rules independently of
// src/engine/seat.ts, and a perturbation that changes all of it at random: shared by the seat-view
// secrecy test (tests/engine/seatSecrecy.test.ts) and the computer players' secrecy tests.
import type { Player } from '../../src/ai/index';
import { AI_VIEW, aiRng, nextMove, toMove } from '../../src/ai/index';
import { applyMove, type Compiled, compile, createGame, type GameState, INTEL_SIGHT, seatView } from '../../src/engine/index';
import { other, SIDES, type Side } from '../../src/engine/vocab';
import type { Effect } from '../../src/scenario/schema';
import type { loadScenarioFile } from '../loadScenario';

const PRIVATE_CATEGORIES = ['lobby', 'intelligence', 'comintern'];

/** What `them` does in private, read from the scenario file: orders, decision events, and flags only such business sets. */
export function privateBusiness(c: Compiled, them: Side) {
  const sc = c.sc;
  const actions = sc.actions.flatMap((a, k) => (a.side === them && !(a.public ?? !PRIVATE_CATEGORIES.includes(a.category)) ? [k] : []));
  // A decision put to them, unless public; and an event without one that the scenario makes their private business.
  const events = sc.events.flatMap((e, k) => ((e.decision?.side === them && !(e.public ?? false)) || e.privateTo === them ? [k] : []));
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
  // Events the other side's private business (or a refusal of its cabinet) can queue: their queued entries are secret.
  const queuedIn = (xs: Effect[] | undefined): string[] => (xs ?? []).flatMap(e => ('schedule' in e ? [e.schedule] : 'then' in e || 'else' in e ? [...queuedIn(e.then), ...queuedIn(e.else)] : []));
  const scheduled = new Set<number>();
  const queue = (xs: Effect[] | undefined, priv: boolean) => {
    if (priv) for (const id of queuedIn(xs)) scheduled.add(c.eventIndex.get(id)!);
  };
  sc.actions.forEach((a, k) => {
    queue(a.effects, actions.includes(k));
    queue(a.onFail, a.side === them);
  });
  sc.events.forEach((e, k) => {
    queue(e.effects, events.includes(k));
    for (const o of e.decision?.options ?? []) {
      queue(o.effects, events.includes(k));
      queue(o.onFail, e.decision!.side === them);
    }
  });
  // Flags the scenario declares public facts are not secret, whoever sets them.
  const flags = [...setters].filter(([f, ps]) => ps.every(Boolean) && !(sc.publicFlags ?? []).includes(f)).map(([f]) => c.flagIndex.get(f)!);
  return { actions, events, flags, scheduled: [...scheduled], allActions: sc.actions.flatMap((a, k) => (a.side === them ? [k] : [])) };
}

/** A copy of `s` with everything `seat` may not know changed at random. */
export function perturb(c: Compiled, s: GameState, seat: Side, rnd: () => number): GameState {
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
    rolls: Math.floor(rnd() * 1000),
    fig,
    flags: reroll(s.flags, p.flags, day),
    fired: reroll(s.fired, p.events, day),
    chosen: reroll(
      s.chosen,
      p.events.filter(k => c.events[k]!.decision),
      k => (rnd() < 0.4 ? -1 : Math.floor(rnd() * c.events[k]!.decision!.options.length)),
    ),
    taken: reroll(s.taken, p.actions, day),
    failed: reroll(s.failed, p.allActions, day),
    // The queue: entries the other side's private business may have made are moved, dropped or
    // added; the rest (public consequences, the seat's own, the teacher's) stay as they are.
    scheduled: [
      // A teacher's injection is public (announced to the class): it stays.
      ...s.scheduled.flatMap(x => (x.by === 'teacher' || !p.scheduled.includes(x.ev) ? [x] : rnd() < 0.3 ? [] : [{ ev: x.ev, day: x.day + Math.floor(rnd() * 30) }])),
      ...(p.scheduled.length ? Array.from({ length: Math.floor(rnd() * 3) }, () => ({ ev: pick(p.scheduled), day: c.days[0]! + Math.floor(rnd() * 400) })) : []),
    ],
    pending: seat === 'britain' ? { britain: s.pending.britain, ussr: theirDecisions.filter(() => rnd() < 0.1) } : { britain: theirDecisions.filter(() => rnd() < 0.1), ussr: s.pending.ussr },
    orders: seat === 'britain' ? { britain: s.orders.britain, ussr: randomOrders() } : { britain: randomOrders(), ussr: s.orders.ussr },
    offers: s.offers.map(o =>
      // Their notes on the way, and those that lapsed on the way (unread), are theirs alone.
      o.from === them && (o.status === 'sent' || o.unread) ? { ...o, terms: Object.fromEntries(c.terms.map(t => [t.id, pick(t.options).id])), arrivesDay: o.arrivesDay + Math.floor(rnd() * 5) } : o,
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

/** Play a game with the given players until `stop` moves have been made (or it ends). */
export function playTo(sc: ReturnType<typeof loadScenarioFile>, seed: string, players: Record<Side, Player>, stop: number): GameState {
  return playOn(sc, createGame(sc, seed), seed, players, s => s.ended !== null, stop);
}

/** Play on from `s` with the given players until `done` holds, `stop` moves have been made, or the game ends. */
export function playOn(sc: ReturnType<typeof loadScenarioFile>, from: GameState, seed: string, players: Record<Side, Player>, done: (s: GameState) => boolean, stop = Infinity): GameState {
  const c = compile(sc);
  const rngs = { britain: aiRng(seed, 'britain'), ussr: aiRng(seed, 'ussr') };
  let s = from;
  for (let k = 0; k < stop && !s.ended && !done(s); k++) {
    const side = SIDES.find(x => toMove(s, x))!;
    const r = applyMove(sc, s, nextMove(c, seatView(c, s, side, AI_VIEW), players[side], rngs[side])!);
    if (!r.ok) throw new Error(r.error);
    s = r.value;
  }
  return s;
}
