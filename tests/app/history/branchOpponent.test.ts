// A branch from history against the computer thinking ahead at a chosen strength, as the branch
// dialog asks for it ('search:2'): the name reaches the computer players the match starts, the
// branch in the tree is put down to it, and the game's save names it and restores against it.
import { describe, expect, it } from 'vitest';
import { playersText, TRUNK_ID } from '../../../src/app/history/index';
import { Match } from '../../../src/app/match';
import { readSides } from '../../../src/app/saveFile';
import { type AiSeats, type AiTransportFactory, inProcessAi } from '../../../src/app/transport';
import { HistorySession } from '../../../src/app/watch/index';
import { compile } from '../../../src/engine/index';
import { decisionStep, sc1927, tree1927 } from './helpers';

describe('a branch from history against the search player', () => {
  it('carries its strength to the computer players, the tree and the save', async () => {
    const tree = tree1927();
    const session = new HistorySession(tree);
    const pos = decisionStep(tree, 'rupture-vote').index;
    const b = session.branch({ node: TRUNK_ID, at: pos }, 'britain', 'search:2');
    if (!b.ok) throw new Error(b.error);
    expect(b.value.save.app.sides).toEqual({ britain: 'human', ussr: 'search:2' });
    // The seats each match hands its computer players (in the browser, the worker's).
    const seats: AiSeats[] = [];
    const ai: AiTransportFactory = (sc, s) => {
      seats.push({ ...s });
      return inProcessAi(sc, s);
    };
    const restored = await Match.restore(sc1927, b.value.save, { ai });
    if (!restored.ok) throw new Error(restored.error);
    const m = restored.value;
    expect(seats).toEqual([{ ussr: 'search:2' }]);
    const made: string[] = [];
    session.follow(m, b.value.target, { node: id => made.push(id), error: e => made.push(`error: ${e}`) });
    // Britain votes otherwise, answers what comes, sends no orders; the computer answers for Moscow.
    const c = compile(sc1927);
    const vote = c.events[c.eventIndex.get('rupture-vote')!]!.decision!.options.find(o => !o.historical)!;
    expect(m.submit('britain', { type: 'decide', side: 'britain', event: 'rupture-vote', option: vote.id }).ok).toBe(true);
    while (m.duty('britain') === 'decide') {
      const e = c.events[m.view('britain').pending[0]!]!;
      expect(m.submit('britain', { type: 'decide', side: 'britain', event: e.id, option: e.decision!.options[0]!.id }).ok).toBe(true);
    }
    expect(m.submit('britain', { type: 'orders', side: 'britain', orders: [] }).ok).toBe(true);
    expect((await m.advance()).ok).toBe(true);
    const save = JSON.parse(JSON.stringify(m.save())) as ReturnType<Match['save']>;
    expect(save.moves.slice(pos).some(x => x.side === 'ussr')).toBe(true);
    expect(save.app.dice?.ussr?.player).toBe('search:2');
    // The tree's branch names who plays it.
    expect(made).toHaveLength(1);
    const node = tree.node(made[0]!)!;
    expect(node.players).toEqual({ britain: 'human', ussr: 'search:2' });
    expect(playersText(sc1927, node.players)).toMatch(/Soviet Union: the computer, thinking ahead, strength 2/);
    // Saved and restored, the game is played against the same player.
    expect(readSides(save)).toEqual({ ok: true, value: { britain: 'human', ussr: 'search:2' } });
    const again = await Match.restore(sc1927, save, { ai });
    if (!again.ok) throw new Error(again.error);
    expect(again.value.setup.sides.ussr).toBe('search:2');
    expect(seats[1]).toEqual({ ussr: 'search:2' });
    m.dispose();
    again.value.dispose();
  }, 120_000);
});
