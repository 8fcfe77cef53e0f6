// The other seat in the ceiling bench's worlds (bench/worldOpponent.ts): the real opponent's policy,
// asked with one view object for a whole decision so that a bargainer's table of packages is made
// once and not at every move of every world, while each move still reads its own world's view.
import { describe, expect, it } from 'vitest';
import { futuresPolicy, oneViewADecision, worldName } from '../../bench/worldOpponent';
import { BARGAINERS, makeBargainer, nextMove } from '../../src/ai/index';
import type { Ctx, Player } from '../../src/ai/player';
import { playout } from '../../src/ai/search/playout';
import { applyMove, compile, type SeatView, seatView } from '../../src/engine/index';
import { openRng, seedRng } from '../../src/engine/rng';
import type { Order } from '../../src/engine/types';
import { talksOpen } from '../ai/talksOpen';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1929');
const c = compile(sc);

describe('who holds the other seat in the oracle’s worlds', () => {
  it('is the opponent itself when it does not search', () => {
    for (const n of ['persona', 'historical', 'random', 'hardliner', 'titfortat']) expect(worldName(n)).toEqual({ name: n, why: null });
  });
  it('is the persona for a search level, and the free player for one held to history, and says why', () => {
    expect(worldName('search:4').name).toBe('persona');
    expect(worldName('search:4').why).toMatch(/search:4 searches at every move/);
    expect(worldName('historical@0.5').name).toBe('historical');
    expect(worldName('boulware@0.25').why).toMatch(/played by boulware, free/);
  });
  it('refuses a name no player has, naming the option', () => {
    expect(() => worldName('search:9')).toThrow(/--opponent: "search:9" is not a computer player/);
  });
});

describe('the opponent asked with one view a decision', () => {
  // A game in which the talks open (under the keyed dice 'world-opponent' is not one).
  const s0 = talksOpen(sc, 'world-opponent-1');
  const view0 = seatView(c, s0, 'britain');

  it('sees one view object for the whole decision, reading each move’s own world through it', () => {
    const seen: { view: SeatView; turn: number; orders: unknown }[] = [];
    const inner: Player = {
      kind: 'spy',
      decide: () => 'x',
      orders(ctx: Ctx) {
        seen.push({ view: ctx.view, turn: ctx.view.turn, orders: ctx.view.orders });
        return [];
      },
    };
    const p = oneViewADecision(inner);
    // The same seat a turn later: Britain's orders given and the turn played by the persona's moves.
    const s1 = applyMove(sc, s0, { type: 'orders', side: 'britain', orders: [] });
    if (!s1.ok) throw new Error(s1.error);
    const view1 = seatView(c, s1.value, 'britain');
    for (const v of [view0, view1]) p.orders({ c, side: 'britain', view: v, state: {} as Ctx['state'], rng: openRng(seedRng('x')) });
    expect(seen[0]!.view).toBe(seen[1]!.view);
    expect(seen.map(x => x.turn)).toEqual([view0.turn, view1.turn]);
    expect(seen.map(x => x.orders)).toEqual([view0.orders, view1.orders]);
  });

  it('plays a bargainer’s move as the bargainer itself does from the same view and dice', () => {
    const real = nextMove(c, view0, makeBargainer(sc, 'britain', BARGAINERS.hardliner), openRng(seedRng('w')));
    const world = nextMove(c, view0, oneViewADecision(makeBargainer(sc, 'britain', BARGAINERS.hardliner)), openRng(seedRng('w')));
    expect(real?.type === 'orders' && real.orders.some(o => o.kind === 'offer'), 'the hardliner sends a note with talks open').toBe(true);
    expect(world).toEqual(real);
  });
});

describe('the opponent in the futures of bench/advantage.ts', () => {
  it('moves at every move of a future as a bargainer made afresh for that move does', () => {
    // A game in which the talks open (under the keyed dice 'world-opponent' is not one).
    const s0 = talksOpen(sc, 'world-opponent-1');
    const policy = futuresPolicy(sc, 'britain', 'conceder');
    const inner = policy.players.ussr;
    const seen: { turn: number; got: Order[]; fresh: Order[] }[] = [];
    // Each move of the future asked of a conceder that has never moved (no table kept), with the same view, state and dice.
    const spy: Player = {
      kind: inner.kind,
      decide: (ctx, ev) => inner.decide(ctx, ev),
      orders(ctx) {
        // A copy of the move's dice as they are (a playout's are keyed to the move and each order: KeyedDice).
        const rng = Object.assign(Object.create(Object.getPrototypeOf(ctx.rng)), ctx.rng) as Ctx['rng'];
        const fresh = makeBargainer(sc, 'ussr', BARGAINERS.conceder).orders({ c: ctx.c, side: ctx.side, view: ctx.view, state: ctx.state, rng });
        const got = inner.orders(ctx);
        seen.push({ turn: ctx.view.turn, got, fresh });
        return got;
      },
    };
    const dice = (k: number) => openRng(seedRng(`future/${k}`)).state();
    playout({ ...policy, players: { britain: policy.players.britain, ussr: spy } }, { state: s0, dice: { britain: dice(0), ussr: dice(1) } }, null);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.filter(x => x.got.some(o => o.kind === 'offer' || o.kind === 'reply')).length, 'the conceder bargains in the future').toBeGreaterThan(1);
    for (const x of seen) expect(x.got, `turn ${x.turn}`).toEqual(x.fresh);
  });
});
