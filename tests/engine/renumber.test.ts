// Saves of format 1, made before each side numbered its own notes (the n-th note sent was "note n",
// and replies and ballots named it so). The fixture was written by the engine of that time
// (main at 029f92a): two hand-played mini games, one with students' ballots that ends with
// Britain's orders sealed, and a whole 1927 game of two personas (its scenario version and old-numbering
// hash written again for version 5, whose added private events change no move, for version 6, whose added
// statement without a break changes none either, and for version 7, whose break announced the day after
// the Cabinet these personas, who break by an order, never come to, and for version 8, whose events no
// longer repeating history's orders change the figures, not these moves, and for version 9, whose talks
// close once an agreement is ratified and whose private asides are events of their own: these personas
// ratify nothing, so the same moves reach other figures). Each must load to the same game:
// its moves renumbered, and its final state reaching the hash recorded in the old numbering.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSave, makeSave, replay, type Save, stateHash } from '../../src/engine/index';
import { legacyHash } from '../../src/engine/renumber';
import type { Scenario } from '../../src/scenario/schema';
import { loadScenarioFile } from '../loadScenario';
import { mini, must, type RawJson, variant } from './helpers';

const OBJ = [{ id: 'aim', label: 'Stay in office', weight: 1, when: { inOffice: 'hawk' } }];
/** The mini scenario with a student's role on each side, as the fixture's ballots game was played. */
const roles = variant((raw: RawJson) => {
  raw.roles = [
    { id: 'r-hawk', side: 'britain', minister: 'hawk', briefing: 'Hawk.', secretAim: 'Break.', objectives: OBJ, sources: ['test'] },
    { id: 'r-dc', side: 'ussr', minister: 'dc', briefing: 'Diplomat.', secretAim: 'Talk.', objectives: OBJ, sources: ['test'] },
  ];
});
const old = JSON.parse(readFileSync(new URL('../fixtures/save-v1-notes.json', import.meta.url), 'utf8')) as Record<'mini' | 'roles' | 'p1927', Save>;
const games: [keyof typeof old, Scenario][] = [
  ['mini', mini()],
  ['roles', roles],
  ['p1927', loadScenarioFile('1927')],
];
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const replies = (s: Save) => s.moves.flatMap(m => (m.type === 'orders' ? m.orders.flatMap(o => (o.kind === 'reply' ? [[m.side, o.offer]] : [])) : []));

describe('a save of format 1 (notes numbered in one series)', () => {
  it.each(games)('%s: loads to the same game, its replies renumbered, and saves again as format 2', (id, sc) => {
    const v1 = old[id];
    expect(v1.formatVersion).toBe(1);
    const loaded = must(loadSave(sc, copy(v1)));
    // The same game: the state, put back into the old numbering, reaches the recorded hash.
    expect(legacyHash(loaded.state)).toBe(v1.hash);
    expect(loaded.save.formatVersion).toBe(2);
    expect(loaded.save.hash).toBe(stateHash(loaded.state));
    // Every note numbered among its sender's, in the order it sent them.
    for (const side of ['britain', 'ussr'] as const)
      expect(loaded.state.offers.filter(o => o.from === side).map(o => o.n)).toEqual(loaded.state.offers.filter(o => o.from === side).map((_o, k) => k + 1));
    // Each reply now names the other side's note by that number: the same note it named before.
    const before = replies(v1),
      after = replies(loaded.save);
    expect(after).toHaveLength(before.length);
    for (const [k, [side, n]] of after.entries()) {
      const was = loaded.state.offers[(before[k]![1] as number) - 1]!;
      expect([was.from, was.n]).toEqual([side === 'britain' ? 'ussr' : 'britain', n]);
    }
    // The renumbered save is a save of now: it loads as it is, and makes itself again.
    const again = must(loadSave(sc, copy(loaded.save)));
    expect(stateHash(again.state)).toBe(stateHash(loaded.state));
    expect(makeSave(sc, again.save.seed, again.save.moves, again.state, again.save.injected)).toEqual(loaded.save);
  });

  it('the fixture has crossing notes, answers to both sides, and ballots on notes', () => {
    expect(replies(old.mini)).toEqual([
      ['britain', 2],
      ['ussr', 1],
      ['britain', 3],
    ]);
    const loaded = must(loadSave(roles, copy(old.roles)));
    expect(replies(loaded.save)).toEqual([
      ['britain', 1],
      ['ussr', 1],
      ['britain', 2],
    ]);
    expect(loaded.save.moves.flatMap(m => m.votes ?? []).map(b => b.item)).toEqual(['offer:britain:1', 'offer:ussr:2']);
    // Saved mid-turn: Britain's orders and ballot sealed, renumbered in the state too.
    expect(loaded.state.orders.britain).toEqual([{ kind: 'reply', offer: 2, accept: true }]);
    expect(loaded.state.ballots?.britain?.map(b => b.item)).toEqual(['offer:ussr:2']);
  });

  it('is refused with a reason when altered, or when a reply names a note that no longer fits', () => {
    const sc = mini();
    const altered = { ...copy(old.mini), hash: '0123456789abcdef' };
    const r = loadSave(sc, altered);
    expect(r.ok ? '' : r.error).toMatch(/^the file has been altered or damaged since it was saved: its moves do not lead to the game it records \(state [0-9a-f]{16}, recorded 0123456789abcdef\)$/);
    // A reply to the note Britain sent itself (old note 1), and one to a note never sent.
    for (const [n, why] of [
      [1, 'is no note from the other side'],
      [9, 'is no note from the other side'],
    ] as const) {
      const bad = copy(old.mini);
      const k = bad.moves.findIndex(m => m.type === 'orders' && m.orders.some(o => o.kind === 'reply'));
      const m = bad.moves[k]!;
      if (m.type === 'orders') m.orders = [{ kind: 'reply', offer: n, accept: false }];
      const e = loadSave(sc, bad);
      expect(e.ok ? '' : e.error).toContain(`move ${k + 1} (orders by Britain) is illegal: it answers note ${n}, which`);
      expect(e.ok ? '' : e.error).toContain(why);
    }
  });

  it('a format-1 save with no notes loads unchanged, to the hash it records', () => {
    const sc = mini();
    const v1 = copy(old.mini);
    const firstNote = v1.moves.findIndex(m => m.type === 'orders' && m.orders.some(o => o.kind === 'offer'));
    const moves = v1.moves.slice(0, firstNote);
    const s = must(replay(sc, v1.seed, moves));
    const loaded = must(loadSave(sc, { ...v1, moves, hash: stateHash(s) }));
    expect(loaded.save.moves).toEqual(moves);
    expect(loaded.save.hash).toBe(stateHash(s));
  });
});
