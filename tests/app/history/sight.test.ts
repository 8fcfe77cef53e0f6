// Whose sight history's screens may use (review items 1 and 10, session 19): a game two people are
// still playing is not watched; one a person plays against the computer is watched from the
// person's side only, and no watch of a game in play shows its open turn (sealed orders, decisions
// taken in it). A game over, or one nobody plays, is the historian's too.
import { describe, expect, it } from 'vitest';
import { sightRule, TRUNK_ID } from '../../../src/app/history/index';
import { HistorySession, timeline } from '../../../src/app/watch/index';
import { compile, SIDES } from '../../../src/engine/index';
import { decisionStep, tree1927 } from './helpers';

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
