// The items a side's minister students may vote on (ballotBox.ts, openItems): the ratification of
// a note is offered to both sides' students while it awaits an answer (the receiving side's if the
// lead accepts it, the sending side's if the other side does, since both cabinets ratify), and the
// ballots the box puts into a move are those of its items, each as the engine accepts it.
import { describe, expect, it } from 'vitest';
import { applyMove, compile, createGame, type GameState, type Move, renumberItem } from '../../src/engine/index';
import { BallotBox, openItems, voterRoles } from '../../src/server/ballotBox';
import { type RawJson, variant } from '../engine/helpers';

const OBJ = [{ id: 'aim', label: 'Stay in office', weight: 1, when: { inOffice: 'hawk' } }];
const sc = variant((raw: RawJson) => {
  raw.roles = [
    { id: 'r-fs', side: 'britain', minister: 'fs', briefing: 'Lead.', secretAim: 'Lead well.', objectives: OBJ, sources: ['test'] },
    { id: 'r-hawk', side: 'britain', minister: 'hawk', briefing: 'Hawk.', secretAim: 'Break.', objectives: OBJ, sources: ['test'] },
    { id: 'r-dc', side: 'ussr', minister: 'dc', briefing: 'Diplomat.', secretAim: 'Talk.', objectives: OBJ, sources: ['test'] },
  ];
});
const c = compile(sc);

function play(moves: Move[]): GameState {
  let s = createGame(sc, 'box');
  for (const m of moves) {
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(r.error);
    s = r.value;
  }
  return s;
}

describe('the ballot box', () => {
  const s = play([
    { type: 'orders', side: 'britain', orders: [{ kind: 'offer', terms: { propaganda: 'none' } }] },
    { type: 'orders', side: 'ussr', orders: [] },
  ]);
  const n = s.offers[0]!.n;

  it('offers the ratification of a note to both sides while it awaits an answer', () => {
    expect(s.offers[0]!.status).toBe('delivered');
    expect(openItems(c, s, 'britain').find(i => i.item === `offer:britain:${n}`)?.label).toMatch(/^Ratify our note/);
    expect(openItems(c, s, 'ussr').find(i => i.item === `offer:britain:${n}`)?.when).toBe('if the lead accepts it');
  });

  it('names who votes: ministers in office, not the lead', () => {
    expect(voterRoles(c, s, 'britain')).toEqual(['r-hawk']);
  });

  it('puts into a move only the ballots on its items, each as the engine accepts it', () => {
    const box = new BallotBox();
    box.cast1('britain', 'r-hawk', `offer:britain:${n}`, 1);
    box.cast1('britain', 'r-hawk', 'action:raid', -1); // not ordered, not forced
    const move: Move = { type: 'orders', side: 'britain', orders: [] };
    const items = openItems(c, s, 'britain');
    expect(box.ballotsFor(c, s, move, items)).toEqual([{ role: 'r-hawk', item: `offer:britain:${n}`, vote: 1 }]);
    box.sealed(c, 'britain', [{ role: 'r-hawk', item: `offer:britain:${n}`, vote: 1 }], items);
    expect(box.mine('britain', 'r-hawk')).toEqual({ 'action:raid': -1 });
    expect(box.counts('britain', 'r-hawk')).toMatchObject([{ item: `offer:britain:${n}`, vote: 1, label: expect.stringMatching(/^Ratify our note/) }]);
    // Through a log and back.
    expect(BallotBox.fromLog(JSON.parse(JSON.stringify(box.toLog()))).toLog()).toEqual(box.toLog());
  });

  it('reads a log cast when notes were numbered in one series (the n-th note sent), renaming its items', () => {
    const log = { turn: s.turn, cast: { britain: [{ role: 'r-hawk', item: 'offer:1', vote: 1 }], ussr: [] }, counted: { britain: [], ussr: [] } };
    const box = BallotBox.fromLog(log, x => renumberItem(s, x));
    expect(box.mine('britain', 'r-hawk')).toEqual({ [`offer:britain:${n}`]: 1 });
    // A ballot on a note never sent is dropped: ballots are advice, the game is checked on its own.
    expect(BallotBox.fromLog({ ...log, cast: { britain: [{ role: 'r-hawk', item: 'offer:7', vote: 1 }], ussr: [] } }, x => renumberItem(s, x)).mine('britain', 'r-hawk')).toEqual({});
  });
});
