import { describe, expect, it } from 'vitest';
import { makePersona, personaFor, randomPlayer, runGame } from '../../src/ai/index';
import { createGame, loadSave, makeSave, parseSaveText, replay, SAVE_FORMAT, type Save, stateHash } from '../../src/engine/index';
import type { Move } from '../../src/engine/types';
import { act, mini, must, Play, quiet, variant } from './helpers';

const sc = mini();
const roundTrip = (save: Save): unknown => JSON.parse(JSON.stringify(save));

function playedGame(seed: string) {
  const { state, moves } = runGame(sc, createGame(sc, seed), { britain: makePersona(personaFor(sc, 'britain')), ussr: randomPlayer });
  return { state, moves, save: makeSave(sc, seed, moves, state) };
}

/** A short hand-played game without random events: known moves, some of them orders. */
const calm = quiet();
function handGame() {
  const g = new Play(calm, 'hand');
  g.turn({ britain: act('press') });
  g.turn({ britain: act('raid'), ussr: act('scare') });
  g.turn({ ussr: act('divert') });
  return g;
}

describe('saves', () => {
  it('save → load → save gives the same save and the same state', () => {
    for (const seed of ['a', 'b', 'c']) {
      const { state, save } = playedGame(seed);
      expect(save).toMatchObject({ format: SAVE_FORMAT, formatVersion: 2, scenario: 'mini', scenarioVersion: 1, seed });
      const loaded = must(loadSave(sc, roundTrip(save)));
      expect(stateHash(loaded.state)).toBe(stateHash(state));
      expect(loaded.state).toEqual(state);
      const again = makeSave(sc, loaded.save.seed, loaded.save.moves, loaded.state);
      expect(again).toEqual(save);
      expect(JSON.stringify(again)).toBe(JSON.stringify(save));
    }
  });

  it("a save made mid-turn, with one side's orders sealed, loads to the same state", () => {
    const g = handGame();
    g.decideAll();
    g.move({ type: 'orders', side: 'britain', orders: act('press') });
    const save = makeSave(calm, g.seed, g.moves, g.s);
    const loaded = must(loadSave(calm, roundTrip(save)));
    expect(loaded.state.orders.britain).toEqual(act('press'));
    expect(stateHash(loaded.state)).toBe(stateHash(g.s));
    // and the game carries on from it exactly as from the original
    const a = new Play(calm, 'hand');
    a.s = loaded.state;
    a.move({ type: 'orders', side: 'ussr', orders: [] });
    g.move({ type: 'orders', side: 'ussr', orders: [] });
    expect(stateHash(a.s)).toBe(stateHash(g.s));
  });

  it('replay reports every state on the way', () => {
    const g = handGame();
    const seen: number[] = [];
    const r = must(replay(calm, g.seed, g.moves, (_s, k) => seen.push(k)));
    expect(seen).toEqual([-1, ...g.moves.map((_m, k) => k)]);
    expect(stateHash(r)).toBe(stateHash(g.s));
  });

  it('a save for another scenario or another version is refused with a reason', () => {
    const { save } = playedGame('x');
    expect(loadSave(sc, { ...save, scenario: '1927' })).toEqual({ ok: false, error: 'the save is for scenario "1927", not "mini"' });
    expect(loadSave(sc, { ...save, scenarioVersion: 2 })).toEqual({
      ok: false,
      error:
        'this save was made with the mini scenario version 2; this game has version 1, older than the save: if the file is as it was saved, play it with a newer copy of the game; if its scenario or version was edited, it cannot be loaded',
    });
    const v2 = variant(raw => {
      raw.version = 2;
    });
    const r = loadSave(v2, roundTrip(save));
    expect(r).toEqual({ ok: false, error: 'this save was made with the mini scenario version 1; this game has version 2' });
  });

  it('a save of an earlier version is taken under the new rules when asked, if every move still replays', () => {
    const g = handGame();
    const save = roundTrip(makeSave(calm, g.seed, g.moves, g.s));
    // Version 2: briefing the press is worth more. The moves are the same; where they lead is not.
    const v2 = quiet(raw => {
      raw.version = 2;
      raw.actions.find((a: { id: string }) => a.id === 'press').effects[0].add = 3;
    });
    expect(loadSave(v2, save)).toEqual({ ok: false, error: 'this save was made with the mini scenario version 1; this game has version 2' });
    const r = must(loadSave(v2, save, undefined, { earlier: true }));
    expect(r.madeWith).toBe(1);
    expect(r.save.moves).toEqual(g.moves);
    expect(stateHash(r.state)).toBe(stateHash(must(replay(v2, g.seed, g.moves))));
    expect(stateHash(r.state)).not.toBe(stateHash(g.s));
    // The same version loads as ever, with its hash checked and nothing said about versions.
    const same = must(loadSave(calm, save, undefined, { earlier: true }));
    expect(same.madeWith).toBeUndefined();
    expect(loadSave(calm, { ...(save as Save), hash: '0123456789abcdef' }, undefined, { earlier: true }).ok).toBe(false);
  });

  it('a save of an earlier version whose moves the new rules refuse is refused, naming the move and why', () => {
    const g = handGame();
    const save = roundTrip(makeSave(calm, g.seed, g.moves, g.s));
    // Version 2: orders can be diverted only once relations are broken, which they are not here.
    const v2 = quiet(raw => {
      raw.version = 2;
      raw.actions.find((a: { id: string }) => a.id === 'divert').when = { flag: 'ruptured' };
    });
    const divert = g.moves.findIndex(m => m.type === 'orders' && m.orders.some(o => o.kind === 'action' && o.id === 'divert'));
    expect(loadSave(v2, save, undefined, { earlier: true })).toEqual({
      ok: false,
      error: `this save was made with the mini scenario version 1; this game has version 2, whose rules differ, and it no longer replays under them: move ${divert + 1} (orders by the USSR) is illegal: "Divert orders" is not available to the USSR now`,
    });
    // A later version is never taken: this game cannot know its rules.
    const later = { ...(save as Save), scenarioVersion: 3 };
    expect(loadSave(calm, later, undefined, { earlier: true })).toEqual({
      ok: false,
      error:
        'this save was made with the mini scenario version 3; this game has version 1, older than the save: if the file is as it was saved, play it with a newer copy of the game; if its scenario or version was edited, it cannot be loaded',
    });
  });

  it('what is not a save is refused with a reason', () => {
    const { save } = playedGame('x');
    expect(loadSave(sc, null)).toEqual({ ok: false, error: 'not a save file: expected a JSON object' });
    expect(loadSave(sc, 'save')).toEqual({ ok: false, error: 'not a save file: expected a JSON object' });
    expect(loadSave(sc, { ...save, format: 'chess' }).ok).toBe(false);
    expect(loadSave(sc, { ...save, formatVersion: 9 })).toEqual({ ok: false, error: 'save format version 9 is not supported' });
    const { seed: _s, ...noSeed } = save;
    expect(loadSave(sc, noSeed)).toEqual({ ok: false, error: 'the save has no seed' });
    expect(loadSave(sc, { ...save, moves: 'none' })).toEqual({ ok: false, error: 'the save has no move list' });
    const { hash: _h, ...noHash } = save;
    expect(loadSave(sc, noHash)).toEqual({ ok: false, error: 'the save has no final-state hash' });
  });

  it('a file that is empty or not JSON is refused saying which', () => {
    expect(parseSaveText('')).toEqual({ ok: false, error: 'not a save file: the file is empty' });
    expect(parseSaveText(' \n\t')).toEqual({ ok: false, error: 'not a save file: the file is empty' });
    const junk = parseSaveText('this is not a save');
    expect(junk.ok ? '' : junk.error).toMatch(/^not a save file: it is not JSON \(.+\)$/);
    expect(parseSaveText('{"seed":"7"}')).toEqual({ ok: true, value: { seed: '7' } });
  });

  it('an altered save is refused: a changed move, a changed seed, a changed hash, a dropped move', () => {
    const g = handGame();
    const save = makeSave(calm, g.seed, g.moves, g.s);
    expect(loadSave(calm, roundTrip(save)).ok).toBe(true);

    // a changed move that is still legal: the replay no longer reaches the recorded state
    const moves = structuredClone(save.moves);
    const first = moves[0] as Extract<Move, { type: 'orders' }>;
    expect(first.orders).toEqual(act('press'));
    first.orders = [];
    const r1 = loadSave(calm, { ...save, moves });
    expect(r1.ok).toBe(false);
    if (!r1.ok)
      expect(r1.error).toMatch(new RegExp(`^the file has been altered or damaged since it was saved: its moves do not lead to the game it records \\(state [0-9a-f]{16}, recorded ${save.hash}\\)$`));

    const r2 = loadSave(calm, { ...save, seed: 'other' });
    expect(r2.ok).toBe(false);

    const r3 = loadSave(calm, { ...save, hash: '0123456789abcdef' });
    expect(r3).toEqual({ ok: false, error: `the file has been altered or damaged since it was saved: its moves do not lead to the game it records (state ${save.hash}, recorded 0123456789abcdef)` });

    const r4 = loadSave(calm, { ...save, moves: save.moves.slice(0, -1) });
    expect(r4.ok).toBe(false);
  });

  it('altering any one move of a played game is detected', () => {
    const { save } = playedGame('alter');
    let checked = 0;
    save.moves.forEach((m, k) => {
      if (m.type !== 'orders' || m.orders.length === 0) return;
      const moves = structuredClone(save.moves);
      (moves[k] as Extract<Move, { type: 'orders' }>).orders = m.orders.slice(1);
      expect(loadSave(sc, { ...save, moves }).ok, `move ${k + 1}`).toBe(false);
      checked++;
    });
    expect(checked).toBeGreaterThan(3);
  });

  it('an illegal move in a save is refused, naming the move number', () => {
    const g = handGame();
    const save = makeSave(calm, g.seed, g.moves, g.s);
    const moves = structuredClone(save.moves);
    moves[2] = { type: 'orders', side: 'britain', orders: act('invade') };
    expect(loadSave(calm, { ...save, moves })).toEqual({ ok: false, error: 'the save does not replay: move 3 (orders by Britain) is illegal: there is no action "invade"' });
    // a raid ordered twice: the second time it is no longer available
    const twice = structuredClone(save.moves);
    expect(twice[4]).toMatchObject({ type: 'decide', event: 'tip' });
    twice[5] = { type: 'orders', side: 'britain', orders: act('raid') };
    const r = loadSave(calm, { ...save, moves: twice });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe('the save does not replay: move 6 (orders by Britain) is illegal: "Raid" is not available to Britain now');
  });

  it('a save with a malformed move is refused with a reason naming the move', () => {
    const g = handGame();
    const save = makeSave(calm, g.seed, g.moves, g.s);
    const cases: [unknown, string][] = [
      [42, 'a move must be an object'],
      [{ type: 'orders', side: 'britain', orders: [null] }, 'each order must be an object'],
      [{ type: 'orders', side: 'britain', orders: [{ kind: 'offer' }] }, 'an offer gives an option id for each term'],
      [{ type: 'orders', side: 'britain', orders: [{ kind: 'reply', offer: '1', accept: true }] }, 'a reply names a note number and accept true or false'],
      [{ type: 'decide', side: 'britain', event: 7 }, 'a decision names an event and an option'],
    ];
    for (const [bad, why] of cases) {
      const r = loadSave(calm, { ...save, moves: [...save.moves.slice(0, 2), bad, ...save.moves.slice(2)] });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error).toMatch(/^the save does not replay: move 3 /);
        expect(r.error).toContain(why);
      }
    }
  });

  // legal.ts refuses a move that is not an object ("a move must be an object"), but replay()
  // (save.ts) then builds its message with `${m.type} by ${m.side}`, which throws a TypeError for
  // a null move: loadSave throws instead of refusing the save with a reason.
  it('a save with a null move is refused with a reason, not an exception', () => {
    const g = handGame();
    const save = makeSave(calm, g.seed, g.moves, g.s);
    let r: ReturnType<typeof loadSave> | undefined;
    expect(() => {
      r = loadSave(calm, { ...save, moves: [null, ...save.moves] });
    }).not.toThrow();
    expect(r!.ok).toBe(false);
    if (!r!.ok) expect(r!.error).toMatch(/move 1/);
  });
});
