// The teacher's injection (src/engine/inject.ts): one of the scenario's events, not fired and not
// past its date, fires at the start of the next turn whatever its trigger, with a line both sides
// read; it is recorded in the save with its place in the move log, so a replay gives the same game.
import { describe, expect, it } from 'vitest';
import { checkInjection, compile, injectableEvents, injectEvent, loadSave, makeSave, replay, seatView, stateHash } from '../../src/engine/index';
import { figOf, must, newsOf, Play, quiet } from './helpers';

const sc = quiet();
const c = compile(sc);
const LINE = 'Introduced by the teacher: Soviet protest.';

/** Britain's tip answered, a turn played, then the protest injected (its flag is never raised here) and the next turn played. */
function injected(): { g: Play; at: number; beforeTurn: number } {
  const g = new Play(sc, 'inject');
  g.turn();
  const at = g.moves.length;
  g.s = must(injectEvent(sc, g.s, 'protest'));
  const beforeTurn = g.s.turn;
  g.turn();
  return { g, at, beforeTurn };
}

describe("the teacher's injected event", () => {
  it('fires at the start of the next turn, though its trigger does not hold, and both sides read that the teacher introduced it', () => {
    const g = new Play(sc, 'inject');
    g.turn();
    const scare = figOf(c, g.s, 'warScare');
    const s1 = must(injectEvent(sc, g.s, 'protest'));
    // Nothing happens until the turn resolves: only the queue holds it.
    expect(s1.fired[c.eventIndex.get('protest')!]).toBe(-1);
    expect(figOf(c, s1, 'warScare')).toBe(scare);
    g.s = s1;
    g.turn();
    const k = c.eventIndex.get('protest')!;
    expect(g.s.fired[k]).toBe(c.days[g.s.turn]);
    expect(figOf(c, g.s, 'warScare')).toBeGreaterThan(scare);
    const line = newsOf(g.s).find(n => n.text === LINE);
    expect(line?.side).toBeUndefined(); // public
    for (const side of ['britain', 'ussr'] as const) expect(seatView(c, g.s, side).news.map(n => n.text)).toContain(LINE);
    expect(g.s.scheduled.some(x => x.ev === k)).toBe(false);
  });

  it('is recorded in the save with its place in the move log, and the save replays to the same game', () => {
    const { g, at } = injected();
    g.finish();
    const save = makeSave(sc, 'inject', g.moves, g.s, [{ event: 'protest', at }]);
    expect(save.injected).toEqual([{ event: 'protest', at }]);
    const loaded = must(loadSave(sc, JSON.parse(JSON.stringify(save))));
    expect(stateHash(loaded.state)).toBe(stateHash(g.s));
    // Deterministic: replayed twice, the same to the last number.
    expect(stateHash(must(replay(sc, 'inject', g.moves, undefined, [{ event: 'protest', at }])))).toBe(stateHash(g.s));
    // Without the injection the moves lead elsewhere, so the save's hash catches a dropped one.
    const { injected: _, ...dropped } = save;
    expect(loadSave(sc, dropped).ok).toBe(false);
    // A save with no injections has no such field at all, as before.
    expect('injected' in makeSave(sc, 'inject', [], g.s)).toBe(false);
  });

  it('is refused with the reason: unknown, already happened, already introduced, date passed, game over', () => {
    const g = new Play(sc, 'inject');
    expect(checkInjection(c, g.s, 'no-such')).toBe('the scenario has no event "no-such"');
    const once = must(injectEvent(sc, g.s, 'protest'));
    expect(injectEvent(sc, once, 'protest')).toEqual({ ok: false, error: '"Soviet protest" is already introduced for the next turn' });

    const { g: after } = injected();
    expect(checkInjection(c, after.s, 'protest')).toBe('"Soviet protest" has already happened in this game');
    expect(injectableEvents(c, after.s).map(e => e.id)).not.toContain('protest');

    // A dated event whose trigger failed on its date did not happen, and cannot be brought back later.
    const gated = quiet(raw => {
      raw.events.find((e: { id: string }) => e.id === 'tip').when = { flag: 'raided' };
    });
    const h = new Play(gated, 'inject');
    expect(checkInjection(compile(gated), h.s, 'tip')).toBeNull(); // before its date
    h.until('1927-05-12');
    expect(h.s.fired[compile(gated).eventIndex.get('tip')!]).toBe(-1);
    expect(checkInjection(compile(gated), h.s, 'tip')).toBe('the date of "A tip" has passed');

    const done = new Play(sc, 'inject');
    done.finish();
    expect(checkInjection(c, done.s, 'followup')).toMatch(/^the game is over \(/);
    expect(injectableEvents(c, done.s)).toEqual([]);
  });

  it('refuses a save whose injections are malformed or placed past its moves', () => {
    const { g, at } = injected();
    const good = makeSave(sc, 'inject', g.moves, g.s, [{ event: 'protest', at }]);
    expect(loadSave(sc, { ...good, injected: [{ event: 'protest', at: g.moves.length + 1 }] })).toEqual({
      ok: false,
      error: `the save's injected event 1 (protest) is placed after move ${g.moves.length + 1}, out of order or past the ${g.moves.length} moves`,
    });
    expect(loadSave(sc, { ...good, injected: [{ event: 'no-such', at }] }).ok).toBe(false);
    expect(loadSave(sc, { ...good, injected: 'protest' })).toEqual({ ok: false, error: "the save's injected events are not a list" });
  });
});
