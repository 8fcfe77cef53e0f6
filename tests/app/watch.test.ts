// History mode's watching side in Node: the 1927 history replayed turn by turn from seat views,
// each side's column holding nothing of the other's private business; the knowledge gap marking
// the intercept as London's alone and the rupture as seen by Moscow without its cause; and a branch
// started from the watch, played on by a match, recorded move for move in the tree.
import { describe, expect, it } from 'vitest';
import { HistoryTree, TRUNK_ID } from '../../src/app/history/index';
import { Match } from '../../src/app/match';
import { HistorySession, knowledgeGap, Recording, timeline } from '../../src/app/watch/index';
import { compile, SIDES } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1927');
const c = compile(sc);
const rec = Recording.history(sc);
const frames = timeline(rec);

describe('watching history', () => {
  it('has one frame per turn played, from the first date to the end, covering every move once', () => {
    expect(frames[0]!.date).toBe('Monday 2 May 1927');
    expect(frames.map(f => f.turn)).toEqual(frames.map((_, k) => k));
    expect(frames.at(-1)!.ended).toBe('the scenario reaches its end date');
    const made = frames.flatMap(f => SIDES.flatMap(s => f.sides[s].moves.map(m => m.pos))).sort((a, b) => a - b);
    expect(made).toEqual(rec.moves.map((_, k) => k));
    // History's own moves are history's: no decision taken departs from the record.
    expect(frames.flatMap(f => SIDES.flatMap(s => f.sides[s].moves)).some(m => m.historical === false)).toBe(false);
  });

  it("never shows a side the other side's private decisions or orders", () => {
    const privateCauses = (owner: 'britain' | 'ussr') =>
      new Set([
        ...c.events.filter(e => e.decision?.side === owner && !e.public).flatMap(e => [`event:${e.id}`, ...e.decision!.options.map(o => `option:${e.id}.${o.id}`)]),
        ...c.actions.filter(a => a.side === owner && !a.public).map(a => `action:${a.id}`),
      ]);
    for (const side of SIDES) {
      const theirs = privateCauses(side === 'britain' ? 'ussr' : 'britain');
      const heard = frames.flatMap(f => f.sides[side].heard);
      expect(heard.length).toBeGreaterThan(50);
      expect(heard.filter(x => theirs.has(x.cause))).toEqual([]);
    }
    // The intercepted telegram is London's alone.
    expect(frames.some(f => f.sides.britain.heard.some(x => x.text === 'An intercepted telegram'))).toBe(true);
    expect(frames.some(f => f.sides.ussr.heard.some(x => /intercept/i.test(x.text)))).toBe(false);
  });

  it('marks the knowledge gap: the intercept known to London only, the rupture seen in Moscow without its cause', () => {
    const g = knowledgeGap(frames);
    const intercept = g.rows.find(r => r.cells.britain?.text === 'An intercepted telegram')!;
    expect(intercept.kind).toBe('only');
    expect(intercept.cells.ussr).toBeNull();
    expect(intercept.note).toBe('Moscow never heard of this');
    const rupture = g.rows.find(r => r.cells.britain?.text === 'Relations: relations broken off.')!;
    expect(rupture.kind).toBe('effect');
    expect(rupture.cells.ussr!.withheld).toBe(true);
    expect(rupture.note).toBe('Moscow saw the effect but was not told the cause');
    expect(g.sight.find(s => s.side === 'britain' && !s.sees)?.date).toBe('Monday 23 May 1927');
    expect(g.counts.shared).toBeGreaterThan(g.counts.only);
  });
});

describe('a branch from the watch, played on by a match', () => {
  it('is recorded in the tree move for move, with its divergence named', async () => {
    const tree = HistoryTree.create(sc);
    const session = new HistorySession(tree);
    const trunk = session.recording(TRUNK_ID);
    expect(trunk.moves).toEqual(rec.moves);
    // The rupture vote, as London faced it.
    const pos = rec.moves.findIndex(m => m.type === 'decide' && m.event === 'rupture-vote');
    const b = session.branch({ node: TRUNK_ID, at: pos }, 'britain', 'historical');
    if (!b.ok) throw new Error(b.error);
    const restored = await Match.restore(sc, b.value.save);
    if (!restored.ok) throw new Error(restored.error);
    const m = restored.value;
    const made: string[] = [];
    session.follow(m, b.value.target, { node: id => made.push(id), error: e => made.push(`error: ${e}`) });
    expect(tree.nodes()).toHaveLength(1); // nothing until the first move
    const ev = c.events[c.eventIndex.get('rupture-vote')!]!;
    const other = ev.decision!.options.find(o => !o.historical)!;
    expect(m.submit('britain', { type: 'decide', side: 'britain', event: 'rupture-vote', option: other.id }).ok).toBe(true);
    expect(made).toHaveLength(1);
    const id = made[0]!;
    expect(session.title(id)).toMatch(new RegExp(`Britain chose “${other.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}” where history chose “Break, and publish`));
    // The person gives orders, the computer plays its moves: every move lands in the branch.
    while (m.duty('britain') === 'decide') {
      const pend = m.view('britain').pending[0]!;
      const e = c.events[pend]!;
      expect(m.submit('britain', { type: 'decide', side: 'britain', event: e.id, option: e.decision!.options[0]!.id }).ok).toBe(true);
    }
    expect(m.submit('britain', { type: 'orders', side: 'britain', orders: [] }).ok).toBe(true);
    expect((await m.advance()).ok).toBe(true);
    expect(tree.moves(id)).toEqual(m.save().moves);
    expect(tree.length(id)).toBeGreaterThan(pos + 1);
    // The branch is watched from seat views like history, and departs from it at the vote.
    const frames2 = timeline(session.recording(id));
    expect(frames2.flatMap(f => f.sides.britain.moves).find(x => x.pos === pos)?.historical).toBe(false);
    m.dispose();
  });
});
