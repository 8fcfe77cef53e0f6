// Whose sight history's screens may use (review items 1 and 10, session 19): a game two people are
// still playing is not watched; one a person plays against the computer is watched from the
// person's side only, and no watch of a game in play shows its open turn (sealed orders, decisions
// taken in it). A game over, or one nobody plays, is the historian's too.
import { describe, expect, it } from 'vitest';
import { againstHistory, compareSights, HistoryTree, seatDiff, shownMoves, shownPoint, sightRule, TRUNK_ID } from '../../../src/app/history/index';
import { cardTakeBack } from '../../../src/app/history/takeBack';
import type { NodePlayers } from '../../../src/app/history/types';
import { HistorySession, timeline } from '../../../src/app/watch/index';
import { compile, SIDES } from '../../../src/engine/index';
import { loadScenarioFile } from '../../loadScenario';
import { decisionStep, sc1927, tree1927 } from './helpers';

describe('whose sight a history screen may use', () => {
  it('gives the historian a game over or nobody’s, a person’s side alone a game in play, and two people’s nothing', () => {
    expect(sightRule({ britain: 'historical', ussr: 'historical' }, false)).toMatchObject({ sides: ['britain', 'ussr'], historian: true, inPlay: false, refused: null, title: 'public' });
    expect(sightRule(null, false)).toMatchObject({ historian: true, refused: null, title: 'public' });
    expect(sightRule({ britain: 'human', ussr: 'persona' }, false)).toMatchObject({ sides: ['britain'], historian: false, inPlay: true, refused: null, title: 'britain' });
    expect(sightRule({ britain: 'persona', ussr: 'human' }, true)).toMatchObject({ sides: ['britain', 'ussr'], historian: true, inPlay: false, title: 'ussr' });
    const two = sightRule({ britain: 'human', ussr: 'human' }, false);
    expect(two.sides).toEqual([]);
    expect(two.historian).toBe(false);
    expect(two.refused).toMatch(/two people/);
    expect(sightRule({ britain: 'human', ussr: 'human' }, true).historian).toBe(true);
  });

  it('shows no move of a turn not yet resolved when a game in play is watched', () => {
    const t = tree1927();
    // As in the review: Britain takes another course at the 23 May Cabinet and seals its orders; the
    // Soviet Union (a second person) has not given its own, so the turn is open.
    const st = decisionStep(t, 'rupture-vote');
    const b = t.branch({ node: TRUNK_ID, at: st.index }, { players: { britain: 'human', ussr: 'human' } });
    if (!b.ok) throw new Error(b.error);
    const turn = t.stateAt({ node: TRUNK_ID, at: st.index }).turn;
    const c = compile(t.sc);
    const alt = c.events[c.eventIndex.get('rupture-vote')!]!.decision!.options.find(o => !o.historical)!;
    const d = t.play(b.value.id, { type: 'decide', side: 'britain', event: 'rupture-vote', option: alt.id });
    if (!d.ok) throw new Error(d.error);
    const r = t.play(b.value.id, { type: 'orders', side: 'britain', orders: [{ kind: 'action', id: 'brief-press' }] });
    if (!r.ok) throw new Error(r.error);
    expect(t.state(b.value.id).turn).toBe(turn);
    const session = new HistorySession(t);
    const full = session.recording(b.value.id);
    const open = (rec: typeof full) =>
      timeline(rec)
        .flatMap(f => SIDES.flatMap(s => f.sides[s].moves))
        .filter(m => m.pos >= st.index);
    // The whole recording holds Britain's sealed orders and its decision of the open turn...
    expect(open(full).length).toBe(2);
    // ...the watch's does not, and ends on the open turn's start.
    const cut = full.resolved();
    expect(open(cut)).toEqual([]);
    expect(cut.turnAt(cut.end)).toBe(turn);
    expect(cut.end).toBeLessThanOrEqual(st.index);
    // A recording that is over, or whose last move resolved its turn, is kept whole.
    const hist = session.recording(TRUNK_ID);
    expect(hist.resolved()).toBe(hist);
  });
});

// A branch a person plays against the computer, mid-game (session 21): its card's "against
// history" box and the compare screen read it as the watch does, from the person's side up to the
// start of the turn still open; nothing of that turn (the person's own decision in it, the
// computer's sealed orders) and nothing the person's seat cannot see.
describe('a branch a person still plays, held against history and compared', () => {
  /** 1927: Britain (a person, against the persona) at the 23 May Cabinet, its turn open; `option` decided there if given. */
  const atCabinet = (option?: string, players: NodePlayers = { britain: 'human', ussr: 'persona' }) => {
    const t = tree1927();
    const st = decisionStep(t, 'rupture-vote');
    const b = t.branch({ node: TRUNK_ID, at: st.index }, { players });
    if (!b.ok) throw new Error(b.error);
    if (option) {
      const r = t.play(b.value.id, { type: 'decide', side: 'britain', event: 'rupture-vote', option });
      if (!r.ok) throw new Error(r.error);
    }
    return { t, id: b.value.id, turn: t.stateAt({ node: TRUNK_ID, at: st.index }).turn };
  };

  it('holds it against history from the person’s seat, to the start of the open turn', () => {
    // The break decided in the open turn sets "ruptured" in the whole state; the box does not count it yet.
    const { t, id, turn } = atCabinet('break-publish');
    expect(t.state(id).turn).toBe(turn);
    expect(t.state(id).flags[compile(t.sc).flagIndex.get('ruptured')!]!).toBeGreaterThanOrEqual(0);
    const held = againstHistory(t, id);
    expect(held.seat).toBe('britain');
    expect(held.end).toEqual({ day: compile(t.sc).days[turn]!, finished: false });
    const rupture = held.outcomes.find(o => o.id === 'rupture-may')!;
    expect(rupture.history).toBe(true);
    expect(rupture.branch).toBe(false);
    expect(rupture.reached).toBe(false);
    // The same as before the decision was taken: nothing of the open turn shows.
    const before = atCabinet();
    expect(held).toEqual(againstHistory(before.t, before.id));
    // Once over (or nobody's), the historian's reading of the whole game.
    expect(againstHistory(t, TRUNK_ID).seat).toBeNull();
  });

  it('leaves unknown an outcome that turns on the other side’s private business', () => {
    // 1932, Britain a person: whether Moscow keeps silent or apologises is the Politburo's business.
    const t = HistoryTree.create(loadScenarioFile('1932'));
    const b = t.branch({ node: TRUNK_ID, at: 4 }, { players: { britain: 'human', ussr: 'persona' } });
    if (!b.ok) throw new Error(b.error);
    const held = againstHistory(t, b.value.id);
    const unknown = held.outcomes.filter(o => o.branch === null).map(o => o.id);
    expect(unknown).toEqual(expect.arrayContaining(['silence', 'apology']));
    expect(held.outcomes.filter(o => unknown.includes(o.id)).every(o => !o.reached)).toBe(true);
    // Moscow's own business is known to Moscow.
    const m = t.branch({ node: TRUNK_ID, at: 4 }, { players: { britain: 'persona', ussr: 'human' } });
    if (!m.ok) throw new Error(m.error);
    expect(
      againstHistory(t, m.value.id)
        .outcomes.filter(o => ['silence', 'apology'].includes(o.id))
        .every(o => o.branch !== null),
    ).toBe(true);
  });

  it('compares it from the person’s side alone, without the open turn or the computer’s moves in it', () => {
    const c = compile(sc1927);
    const alt = c.events[c.eventIndex.get('rupture-vote')!]!.decision!.options.find(o => !o.historical)!;
    const { t, id, turn } = atCabinet(alt.id);
    expect(compareSights(t, TRUNK_ID, id)).toEqual(['britain']);
    expect(compareSights(t, TRUNK_ID, TRUNK_ID)).toEqual(['britain', 'ussr', 'all']);
    const d = seatDiff(t, TRUNK_ID, id, 'britain');
    const open = c.days[turn]!;
    // The other course taken at the Cabinet is in the open turn: not listed yet.
    expect(d.decisions.find(x => x.event === 'rupture-vote')!.b).toBeNull();
    expect(d.ends.b).toEqual({ day: open, finished: false });
    expect(d.orders.filter(o => o.b?.length && o.day >= open)).toEqual([]);
    expect(d.axis.at(-1)!.day).toBeGreaterThanOrEqual(open);
    // Moscow a person, London the computer: London's Cabinet decides in the open turn (its orders
    // wait on Moscow's); Moscow's comparison does not change with it.
    const m = atCabinet(undefined, { britain: 'persona', ussr: 'human' });
    expect(compareSights(m.t, TRUNK_ID, m.id)).toEqual(['ussr']);
    const seen = seatDiff(m.t, TRUNK_ID, m.id, 'ussr');
    const played = m.t.playComputers(m.id);
    if (!played.ok) throw new Error(played.error);
    expect(played.value).toBeGreaterThan(0);
    expect(m.t.state(m.id).chosen[c.eventIndex.get('rupture-vote')!]).toBeGreaterThanOrEqual(0);
    expect(m.t.state(m.id).turn).toBe(m.turn);
    expect(seatDiff(m.t, TRUNK_ID, m.id, 'ussr')).toEqual(seen);
  });
});

// The tree card's count of moves and its Take back (session 21): a branch in play counts its moves to
// the start of the open turn, so the computer's sealed move in it neither adds one to the count nor is
// "the last move" Take back takes: that is the person's own, with the computer's after it.
describe('a branch in play on the tree card', () => {
  it('counts no move of the open turn, and takes back the person’s last move, not the computer’s', () => {
    const t = tree1927();
    const st = decisionStep(t, 'rupture-vote');
    const c = compile(t.sc);
    // Moscow a person, London the computer: London's Cabinet decides in the open turn.
    const m = t.branch({ node: TRUNK_ID, at: st.index }, { players: { britain: 'persona', ussr: 'human' } });
    if (!m.ok) throw new Error(m.error);
    const id = m.value.id;
    const before = shownMoves(t, id);
    const played = t.playComputers(id);
    if (!played.ok) throw new Error(played.error);
    expect(played.value).toBeGreaterThan(0);
    expect(t.state(id).chosen[c.eventIndex.get('rupture-vote')!]).toBeGreaterThanOrEqual(0);
    // The count is the same as before London moved, and stops at the open turn's start.
    expect(shownMoves(t, id)).toEqual(before);
    expect(before.moves).toBe(shownPoint(t, id).at);
    expect(before.moves).toBeLessThan(t.length(id));
    expect(before.own).toBe(0);
    // London's sealed decision is not Moscow's to take back: Moscow's last move came before the branch.
    const back = cardTakeBack(t, id);
    expect(back.ok).toBe(true);
    if (back.ok) expect(t.canUndo(id, back.value)).toMatchObject({ ok: false, message: /before this branch left its parent/ });
    // A game nobody plays, or over: the last move, as before.
    expect(cardTakeBack(t, TRUNK_ID)).toEqual({ ok: true, value: 1 });
  });
});
