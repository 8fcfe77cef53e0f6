// A game played in the ordinary game screen, kept in the tree: one on history's seed becomes a
// branch of the trunk; one on a seed of its own becomes a root beside it, its divergence from
// history still named, stored and restored like any branch. And undo inside a running game: the
// person's last move with the computer's answers after it, under the tree's rule.
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, nextMove, playerFor } from '../../../src/ai/index';
import { describeDivergence, HistoryTree, historyLine, TRUNK_ID } from '../../../src/app/history/index';
import { checkTakeBack, takeBackCount } from '../../../src/app/history/takeBack';
import { applyMove, compile, createGame, type Move, seatView, stateHash } from '../../../src/engine/index';
import { sc1927, tree1927 } from './helpers';

/** A game of 1927 on another seed: the historical players for its first `n` moves. */
function ownGame(seed: string, n: number): Move[] {
  const c = compile(sc1927);
  let s = createGame(sc1927, seed);
  const moves: Move[] = [];
  const players = { britain: playerFor('historical', sc1927, 'britain'), ussr: playerFor('historical', sc1927, 'ussr') };
  while (moves.length < n && !s.ended) {
    const side = s.pending.britain.length ? 'britain' : s.pending.ussr.length ? 'ussr' : s.orders.britain === null ? 'britain' : 'ussr';
    const m = nextMove(c, seatView(c, s, side, AI_VIEW), players[side], aiRng(`${seed}@${moves.length}`, side));
    if (!m) break;
    const r = applyMove(sc1927, s, m);
    if (!r.ok) throw new Error(r.error);
    s = r.value;
    moves.push(m);
  }
  return moves;
}

describe('a played game in the tree', () => {
  it('on a seed of its own is a root beside history, replays, is stored and restored, and can be branched', () => {
    const t = tree1927();
    const moves = ownGame('77', 12);
    const line = { scenario: sc1927.id, scenarioVersion: sc1927.version, seed: '77', moves, reseeds: [] };
    const r = t.adopt(line, { players: { britain: 'human', ussr: 'persona' } });
    if (!r.ok) throw new Error(r.error);
    const root = r.value;
    expect(root.parent).toBeNull();
    expect(root.seed).toBe('77');
    expect(t.roots().map(n => n.id)).toEqual([root.id]);
    let s = createGame(sc1927, '77');
    for (const m of moves) s = (applyMove(sc1927, s, m) as { ok: true; value: typeof s }).value;
    expect(stateHash(t.state(root.id))).toBe(stateHash(s));
    expect(t.line(root.id).seed).toBe('77');
    // The same game adopted again is the same node; a branch off it keeps its seed.
    const again = t.adopt(line);
    expect(again.ok && again.value.id).toBe(root.id);
    const b = t.branch({ node: root.id, at: 4 });
    if (!b.ok) throw new Error(b.error);
    expect(t.seedOf(b.value.id)).toBe('77');
    expect(stateHash(t.stateAt({ node: b.value.id, at: 4 }))).toBe(stateHash(t.stateAt({ node: root.id, at: 4 })));
    // Named against history, and said to be on its own dice.
    const d = describeDivergence(t, root.id);
    expect(d.text).toMatch(/^Game number 77, on dice of its own/);
    // Stored and restored; an altered seed is refused.
    const data = JSON.parse(JSON.stringify(t.toData()));
    const back = HistoryTree.fromData(sc1927, data);
    if (!back.ok) throw new Error(back.error);
    expect(stateHash(back.value.state(root.id))).toBe(stateHash(s));
    const bad = JSON.parse(JSON.stringify(data));
    bad.nodes.find((n: { id: string }) => n.id === root.id).seed = '78';
    expect(HistoryTree.fromData(sc1927, bad).ok).toBe(false);
    // A root is removable; history is not.
    expect(t.remove(root.id).ok).toBe(true);
    expect(t.remove(TRUNK_ID).ok).toBe(false);
  });

  it("on history's seed is a branch of the trunk at the first move that differs", () => {
    const t = tree1927();
    const h = historyLine(sc1927);
    const st = t.steps(TRUNK_ID).find(x => x.move.type === 'decide' && x.side === 'britain')!;
    const alt = sc1927.events.find(e => e.id === (st.move as { event: string }).event)!.decision!.options.find(o => o.id !== (st.move as { option: string }).option)!;
    const moves = [...h.moves.slice(0, st.index), { ...st.move, option: alt.id } as Move];
    const r = t.adopt({ ...h, moves }, { players: { britain: 'human', ussr: 'persona' } });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.parent).toBe(TRUNK_ID);
    expect(r.value.at).toBe(st.index);
    expect(describeDivergence(t, r.value.id).text).toContain(alt.label);
  });
});

describe('undo in a running game', () => {
  const t = tree1927();
  const steps = t.steps(TRUNK_ID);
  // A turn whose first orders are Britain's and second the USSR's (which resolve the turn).
  const k = steps.findIndex((s, i) => s.move.type === 'orders' && s.side === 'britain' && steps[i + 1]?.move.type === 'orders' && steps[i + 1]!.side === 'ussr');
  const moves = historyLine(sc1927).moves;
  const sides = { britain: 'human', ussr: 'persona' } as const;

  it('takes back the person’s sealed orders while the turn is open, to the state before them', () => {
    const game = moves.slice(0, k + 1);
    const n = takeBackCount(game, sides, 'britain');
    expect(n).toEqual({ ok: true, value: 1 });
    const u = checkTakeBack(sc1927, t.seed, game, 1);
    expect(u.ok).toBe(true);
    expect(stateHash(u.state!)).toBe(stateHash(t.stateAt({ node: TRUNK_ID, at: k })));
  });

  it('refuses once the computer’s answer resolved the turn, saying the dice are rolled', () => {
    const game = moves.slice(0, k + 2);
    const n = takeBackCount(game, sides, 'britain');
    expect(n).toEqual({ ok: true, value: 2 });
    const u = checkTakeBack(sc1927, t.seed, game, 2);
    expect(u.ok).toBe(false);
    if (!u.ok) expect(u.message).toBe('the other side’s orders, given after yours, ended the turn, and the turn is played out: its dice are rolled and its results known');
    // The same through the tree, for a game that is a branch of it.
    const b = t.branch({ node: TRUNK_ID, at: k }, { moves: game.slice(k) });
    if (!b.ok) throw new Error(b.error);
    expect(t.canUndo(b.value.id, 2).ok).toBe(false);
    expect(t.undo(b.value.id, 2).ok).toBe(false);
    expect(t.length(b.value.id)).toBe(k + 2);
  });

  it('refuses when nobody at this screen has moved, or the other person has moved since', () => {
    expect(takeBackCount([], sides, 'britain').ok).toBe(false);
    const two = { britain: 'human', ussr: 'human' } as const;
    const game = moves.slice(0, k + 1);
    const r = takeBackCount(game, two, 'ussr');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/other player has moved/);
    // Shown after "Nothing taken back: ": one colon in the sentence, not two.
    if (!r.ok) expect(r.error).not.toContain(':');
  });
});
