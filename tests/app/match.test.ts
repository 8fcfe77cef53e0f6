// The match controller, driven from Node as the browser and the terminal drive it: a person against
// the computer, saves that reload into the same game with the same sides, refusals of bad saves and
// bad moves, two people sharing a screen, and the computer's orders coming only after the person's.
import { describe, expect, it } from 'vitest';
import { Match, type MatchOptions, type MatchSetup, optionOrder, type SavePort } from '../../src/app/match';
import { type AppSave, saveScenario } from '../../src/app/saveFile';
import { type AiTransportFactory, inProcessAi } from '../../src/app/transport';
import { type Move, type SeatView, type Side, stateHash } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';
import { drive, personMove } from './matchDriver';

const sc = loadScenarioFile('1927');
const setup: MatchSetup = { scenario: '1927', seed: '42', sides: { britain: 'human', ussr: 'persona' } };

function make(s: MatchSetup = setup, opts: MatchOptions = {}): Match {
  const r = Match.create(sc, { ...s, sides: { ...s.sides } }, opts);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Every save the match stores, in order. */
const memoryStore = () => {
  const saves: AppSave[] = [];
  const port: SavePort = {
    store: save => {
      saves.push(JSON.parse(JSON.stringify(save)));
      return null;
    },
  };
  return { saves, port };
};

describe('a match', () => {
  it('plays a whole game against the computer to its end, with its end report', async () => {
    const m = make();
    const ended: string[] = [];
    m.on(e => {
      if (e.type === 'ended') ended.push(e.reason);
    });
    await drive(m);
    expect(m.next().kind).toBe('ended');
    expect(ended).toHaveLength(1);
    expect(m.save().moves.some(x => x.side === 'ussr')).toBe(true);
    expect(m.endReport()!.reason).toBe(ended[0]);
  });

  it('saves, loads in a fresh match with the same hash and sides, and plays on exactly as if nothing happened', async () => {
    const straight = make();
    await drive(straight);

    const first = make();
    await drive(first, 41);
    const saved = JSON.parse(JSON.stringify(first.save())) as AppSave;
    expect(saved.app.sides).toEqual(setup.sides);
    const r = await Match.restore(sc, saved);
    if (!r.ok) throw new Error(r.error);
    const again = r.value;
    expect(again.save().hash).toBe(saved.hash);
    expect(again.setup.sides).toEqual(setup.sides);
    // The computer's dice were re-advanced by asking it again for every one of its moves in the log.
    await drive(again);
    expect(again.save()).toEqual(straight.save());
  });

  it("gives out, after a reload, the same news for the turn as the match it was saved from, not the previous turn's again", async () => {
    let checked = 0;
    for (const stop of [9, 17, 26, 41]) {
      const m = make();
      // What each turn gave the person in one sitting.
      const given = new Map<number, string[]>();
      m.on(e => {
        if (e.type !== 'news' || e.seat !== 'britain') return;
        const t = m.view('britain').turn;
        given.set(t, [...(given.get(t) ?? []), ...e.items.map(n => n.text)]);
      });
      m.start();
      await drive(m, stop);
      const r = await Match.restore(sc, JSON.parse(JSON.stringify(m.save())));
      if (!r.ok) throw new Error(r.error);
      const again: string[] = [];
      r.value.on(e => {
        if (e.type === 'news' && e.seat === 'britain') again.push(...e.items.map(n => n.text));
      });
      r.value.start();
      const turn = r.value.view('britain').turn;
      expect(again, `after ${stop} moves, turn ${turn}`).toEqual(given.get(turn) ?? []);
      if (again.length) checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('loads an old terminal save (cli: side, opponent) with its sides', async () => {
    const m = make({ scenario: '1927', seed: '3', sides: { britain: 'historical', ussr: 'human' } });
    await drive(m, 20);
    const { app: _app, ...engineSave } = m.save();
    const r = await Match.restore(sc, { ...engineSave, cli: { side: 'ussr', opponent: 'historical' } });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.setup.sides).toEqual({ britain: 'historical', ussr: 'human' });
    expect(r.value.save().hash).toBe(m.save().hash);
  });

  it('refuses an altered save, a foreign one, junk and one naming an unknown player, and stores nothing', async () => {
    const m = make();
    await drive(m, 12);
    const good = m.save();
    const store = memoryStore();
    const refused = async (data: unknown) => {
      const r = await Match.restore(sc, data, { store: store.port });
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.error;
    };
    expect(await refused({ ...good, moves: good.moves.slice(0, -1) })).toMatch(/altered/);
    expect(await refused({ ...good, scenario: '1929' })).toMatch(/scenario "1929"/);
    expect(await refused({ ...good, app: { sides: { britain: 'human', ussr: 'wizard' } } })).toMatch(/unknown player for the USSR/);
    expect(await refused({ ...good, moves: [...good.moves.slice(0, -1), { type: 'decide', side: 'ussr', event: 'nope', option: 'x' }] })).toMatch(/does not replay/);
    expect(await refused('nonsense')).toMatch(/not a save file/);
    expect(await refused(null)).toMatch(/not a save file/);
    expect(store.saves).toHaveLength(0);
    expect(saveScenario('nonsense').ok).toBe(false);
    expect(saveScenario({ hello: 1 }).ok).toBe(false);
    expect(saveScenario(good)).toEqual({ ok: true, value: '1927' });
  });

  it('refuses a move for a seat that is the computer’s, or not to move, with the reason', async () => {
    const m = make();
    const n = m.next();
    expect(n.kind === 'decide' || n.kind === 'orders').toBe(true);
    const theirs = m.submit('ussr', { type: 'orders', side: 'ussr', orders: [] });
    expect(!theirs.ok && theirs.error).toMatch(/played by the computer/);
    const forOther = m.submit('britain', { type: 'orders', side: 'ussr', orders: [] });
    expect(!forOther.ok && forOther.error).toMatch(/cannot move for/);
    const bad = m.submit('britain', { type: 'orders', side: 'britain', orders: [{ kind: 'action', id: 'no-such-action' }] });
    expect(!bad.ok && bad.error).toBeTruthy();
    // Britain decides and orders; then it has nothing to do until the computer has moved.
    while (m.duty('britain') !== 'wait') expect(m.submit('britain', personMove(m, 'britain')).ok).toBe(true);
    expect(m.next().kind).toBe('computer');
    const again = m.submit('britain', { type: 'orders', side: 'britain', orders: [] });
    expect(!again.ok && again.error).toMatch(/nothing to do now/);
  });

  it('asks the computer only after the person’s orders are sealed, so no stored game holds its orders for the turn in progress', async () => {
    for (const sides of [
      { britain: 'human', ussr: 'persona' },
      { britain: 'random', ussr: 'human' },
    ] as const) {
      const store = memoryStore();
      const m = make({ scenario: '1927', seed: `last-${sides.britain}`, sides }, { store: store.port });
      m.start();
      await drive(m);
      const computer: Side = sides.britain === 'human' ? 'ussr' : 'britain';
      expect(store.saves.length).toBeGreaterThan(40);
      for (const save of store.saves) {
        // The moves of the turn still in progress: after the last move that completed a turn's orders.
        let given = new Set<Side>();
        let open: Move[] = [];
        for (const mv of save.moves) {
          open.push(mv);
          if (mv.type === 'orders') given.add(mv.side);
          if (given.size === 2) {
            given = new Set();
            open = [];
          }
        }
        expect(open.some(mv => mv.type === 'orders' && mv.side === computer)).toBe(false);
      }
      // And in every turn the person's orders come before the computer's.
      const final = store.saves[store.saves.length - 1]!;
      const orders = final.moves.filter(mv => mv.type === 'orders').map(mv => mv.side);
      for (let k = 0; k + 1 < orders.length; k += 2) expect(orders.slice(k, k + 2)).toEqual([sides.britain === 'human' ? 'britain' : 'ussr', computer]);
    }
  });

  it('sends the computer player only its seat’s view (no ledger, no dice) and its own dice; a restore of a save without its dice asks it again for each of its moves', async () => {
    const asked: { view: SeatView; keys: string[] }[] = [];
    const spy: AiTransportFactory = (s, seats) => {
      const inner = inProcessAi(s, seats);
      return {
        ask: (view, rng) => {
          asked.push({ view, keys: Object.keys(view) });
          return inner.ask(view, rng);
        },
        dispose: () => inner.dispose(),
      };
    };
    const m = make(setup, { ai: spy });
    await drive(m, 30);
    expect(asked.length).toBeGreaterThan(5);
    for (const a of asked) {
      expect(a.view.side).toBe('ussr');
      expect(a.view.ledger).toEqual([]);
      // The event queue is in a view only as far as the seat may know it (tests/engine/seatSecrecy.test.ts).
      for (const k of ['seed', 'rng', 'record']) expect(a.keys).not.toContain(k);
    }
    const computerMoves = m.save().moves.filter(x => x.side === 'ussr').length;
    // A save without the computer's dice (as saves were before they kept them): it is asked again for each of its moves.
    const { dice: _dice, ...app } = m.save().app;
    asked.length = 0;
    const r = await Match.restore(sc, { ...m.save(), app }, { ai: spy });
    expect(r.ok).toBe(true);
    expect(asked).toHaveLength(computerMoves);
  });

  it('with two people, Britain goes first each turn and the screen is handed over between them', async () => {
    const m = make({ scenario: '1927', seed: '7', sides: { britain: 'human', ussr: 'human' } });
    const seen: string[] = [];
    for (let k = 0; k < 40 && m.next().kind !== 'ended'; k++) {
      const n = m.next();
      if (n.kind === 'handover') {
        seen.push(`handover:${n.seat}`);
        m.handOver(n.seat);
        continue;
      }
      if (n.kind !== 'decide' && n.kind !== 'orders') throw new Error(n.kind);
      if (n.kind === 'orders') seen.push(n.seat);
      expect(m.submit(n.seat, personMove(m, n.seat)).ok).toBe(true);
    }
    expect(seen.slice(0, 6)).toEqual(['britain', 'handover:ussr', 'ussr', 'handover:britain', 'britain', 'handover:ussr']);
    // A reloaded two-person game asks for a hand-over first: whoever sits down is not assumed.
    const r = await Match.restore(sc, m.save());
    if (!r.ok) throw new Error(r.error);
    expect(r.value.next().kind).toBe('handover');
  });

  it('gives each seat its news once, as the view has it', async () => {
    const m = make();
    const news: Record<Side, string[]> = { britain: [], ussr: [] };
    m.on(e => {
      if (e.type === 'news') news[e.seat].push(...e.items.map(n => `${n.day}|${n.text}`));
    });
    m.start();
    await drive(m, 25);
    expect(news.britain.length).toBeGreaterThan(5);
    expect(new Set(news.britain).size).toBe(news.britain.length);
    const last = m.view('britain').news.map(n => `${n.day}|${n.text}`);
    for (const n of last) expect(news.britain).toContain(n);
  });

  it('shows decision options in an order that does not give the historical one away', () => {
    const c = make().c;
    const firsts = c.events.filter(e => e.decision).map(ev => ev.decision!.options[optionOrder('42', ev)[0]!]!.historical);
    expect(firsts.some(x => x)).toBe(true);
    expect(firsts.some(x => !x)).toBe(true);
  });

  it('keeps the hash of the state it has', async () => {
    const m = make();
    await drive(m, 10);
    const r = await Match.restore(sc, m.save());
    expect(r.ok && r.value.save().hash).toBe(m.save().hash);
    expect(typeof stateHash).toBe('function');
  });
});
