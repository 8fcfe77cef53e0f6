// The end screen's "Your path beside history" says who took each decision: in a branch, the
// decisions before it began were history's (its recorded players), not the person's; after it, the
// person's own seat is "you" and the computer's seat "the computer".
import { describe, expect, it } from 'vitest';
import { decidedBy, endReport } from '../../../src/app/endReport';
import { playersOn, TRUNK_ID } from '../../../src/app/history/index';
import { decisionStep, playOnWithPeople, sc1927, tree1927 } from './helpers';

describe('decidedBy', () => {
  it('credits a branch’s person only with the decisions taken in it', () => {
    const t = tree1927();
    const at = decisionStep(t, 'arcos-tip').index + 1;
    const b = t.branch({ node: TRUNK_ID, at }, { players: { britain: 'human', ussr: 'persona' } });
    if (!b.ok) throw new Error(b.error);
    playOnWithPeople(t, b.value.id, 60);
    const moves = t.moves(b.value.id);
    const segments = t.ancestry(b.value.id).map(n => ({ at: n.at, players: n.players }));
    const by = decidedBy(moves, at, k => (k >= at ? { britain: 'human', ussr: 'persona' } : playersOn(segments, k)));
    const index = new Map(moves.flatMap((m, k) => (m.type === 'decide' ? [[m.event, k] as const] : [])));
    const listed = endReport(sc1927, t.state(b.value.id)).decisions;
    for (const side of ['britain', 'ussr'] as const) {
      for (const d of listed[side]) {
        const k = index.get(d.id)!;
        expect(by.get(d.id), d.id).toEqual(k < at ? { before: true, who: 'history' } : { before: false, who: side === 'britain' ? 'you' : 'computer' });
      }
    }
    // The tip itself was history's; and Britain took some decisions of its own after it.
    expect(by.get('arcos-tip')).toEqual({ before: true, who: 'history' });
    expect(listed.britain.some(d => by.get(d.id)?.who === 'you')).toBe(true);
  });

  it('leaves a game played from the start wholly its players’', () => {
    const t = tree1927();
    const moves = t.moves(TRUNK_ID).slice(0, 30);
    const by = decidedBy(moves, 0, () => ({ britain: 'human', ussr: 'persona' }));
    expect([...by.values()].every(x => !x.before)).toBe(true);
    expect([...by.entries()].every(([, x]) => x.who === 'you' || x.who === 'computer')).toBe(true);
  });
});
