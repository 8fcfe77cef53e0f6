// The browser's game controller, driven from Node: a person against the computer, saves that
// reload into the same game, refusals of bad saves, and two people sharing the screen.
import { describe, expect, it } from 'vitest';
import { GameSession, saveScenario } from '../../src/app/session';
import { AiCore } from '../../src/app/aiCore';
import { legalActions, stateHash, type Move, type Side } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1927');

/** Plays the human side by always taking the first option and the cheapest affordable action. */
function humanMove(s: GameSession, side: Side): Move {
  const ev = s.pendingEvent(side);
  if (ev) return { type: 'decide', side, event: ev.id, option: ev.decision!.options[s.optionOrder(ev)[0]!]!.id };
  const legal = legalActions(s.c, s.state, side);
  const cap = s.state.fig[s.c.side[side].iCapital]!;
  const pick = legal.filter(a => a.cost <= cap).slice(0, 1);
  return { type: 'orders', side, orders: pick.map(a => a.order) };
}

/** Runs a session until it ends or `stopAfter` moves have been made. */
function drive(s: GameSession, ai: AiCore, stopAfter = Infinity): void {
  for (let guard = 0; guard < 5000 && !s.state.ended && s.moves.length < stopAfter; guard++) {
    if (s.computerToMove()) {
      const r = ai.think(s.moves);
      if (!r.ok) throw new Error(r.error);
      for (const m of r.value) expect(s.apply(m).ok).toBe(true);
      continue;
    }
    const p = s.prompt();
    if (!p) throw new Error('stuck');
    const r = s.apply(humanMove(s, p.side));
    if (!r.ok) throw new Error(r.error);
  }
}

describe('a game in the browser controller', () => {
  const setup = { scenario: '1927', seed: '42', sides: { britain: 'human', ussr: 'persona' } } as const;

  it('plays a whole game against the computer to its end', () => {
    const s = new GameSession(sc, { ...setup, sides: { ...setup.sides } });
    drive(s, new AiCore(sc, s.setup));
    expect(s.state.ended).not.toBeNull();
    expect(s.moves.some(m => m.side === 'ussr')).toBe(true);
  });

  it('a reload in mid-game goes on exactly as if nothing happened', () => {
    const straight = new GameSession(sc, { ...setup, sides: { ...setup.sides } });
    drive(straight, new AiCore(sc, straight.setup));

    const first = new GameSession(sc, { ...setup, sides: { ...setup.sides } });
    drive(first, new AiCore(sc, first.setup), 40);
    const saved = JSON.parse(JSON.stringify(first.save()));
    const r = GameSession.restore(sc, saved);
    if (!r.ok) throw new Error(r.error);
    const again = r.value;
    expect(stateHash(again.state)).toBe(stateHash(first.state));
    // A fresh computer player catches up from the log, its random stream with it.
    drive(again, new AiCore(sc, again.setup));
    expect(stateHash(again.state)).toBe(stateHash(straight.state));
    expect(again.moves).toEqual(straight.moves);
  });

  it('refuses an altered save, a foreign one and one naming an unknown player', () => {
    const s = new GameSession(sc, { ...setup, sides: { ...setup.sides } });
    drive(s, new AiCore(sc, s.setup), 12);
    const good = s.save();
    const altered = { ...good, moves: good.moves.slice(0, -1) };
    const r1 = GameSession.restore(sc, altered);
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.error).toMatch(/altered/);
    const r2 = GameSession.restore(sc, { ...good, scenario: '1929' });
    expect(!r2.ok && r2.error).toMatch(/scenario "1929"/);
    const r3 = GameSession.restore(sc, { ...good, app: { sides: { britain: 'human', ussr: 'wizard' } } });
    expect(!r3.ok && r3.error).toMatch(/unknown player for ussr/);
    expect(saveScenario('nonsense').ok).toBe(false);
    expect(saveScenario({ hello: 1 }).ok).toBe(false);
  });

  it('with two people, Britain gives its orders first each turn, then the Soviet player', () => {
    const s = new GameSession(sc, { scenario: '1927', seed: '7', sides: { britain: 'human', ussr: 'human' } });
    expect(s.computerToMove()).toBe(false);
    const seen: Side[] = [];
    for (let k = 0; k < 30 && !s.state.ended; k++) {
      const p = s.prompt()!;
      if (p.kind === 'orders') seen.push(p.side);
      expect(s.apply(humanMove(s, p.side)).ok).toBe(true);
    }
    expect(seen.slice(0, 4)).toEqual(['britain', 'ussr', 'britain', 'ussr']);
  });

  it('shows decision options in an order that does not give the historical one away', () => {
    const s = new GameSession(sc, { ...setup, sides: { ...setup.sides } });
    const firsts = sc.events.filter(e => e.decision).map(e => {
      const ev = s.c.events[s.c.eventIndex.get(e.id)!]!;
      return ev.decision!.options[s.optionOrder(ev)[0]!]!.historical;
    });
    expect(firsts.some(x => x)).toBe(true);
    expect(firsts.some(x => !x)).toBe(true);
  });
});
