// The history tree makes a computer player afresh for every move it plays. The bargaining players
// (Boulware, Conceder, and the others that bargain) read what they know of the talks off their seat
// view at each move, so the tree plays them as a game does: Boulware and Conceder, which differ only
// in how fast they give ground over the negotiation clock, play different games on the tree (when
// they forgot the clock at every move they played the same one), and each plays the very game that
// players kept for the whole game play with the same dice. (The tree's dice come from the point, the
// match controller's from one stream per seat, so for any player the two make different games from
// the same seed; what a player remembers must not make a third.) The match controller, which keeps
// its players all game, plays the same game with players made afresh for each question. Short codes,
// which make the computer's moves again the tree's way or the controller's, read bargaining games back.
import { describe, expect, it } from 'vitest';
import { aiRng, makePlayer, nextMove, type PlayerKind } from '../../../src/ai/index';
import { AI_VIEW } from '../../../src/ai/player';
import { checkShared, encodeShareCode, HistoryTree, type Line, parseShared, shareSegments, TRUNK_ID } from '../../../src/app/history/index';
import { computerToMove } from '../../../src/app/history/tree';
import { moveKey } from '../../../src/app/history/words';
import { Match } from '../../../src/app/match';
import { makeAppSave } from '../../../src/app/saveFile';
import { AiPlayers, type AiTransportFactory, inProcessAi } from '../../../src/app/transport';
import { applyMove, compile, type Move, seatView } from '../../../src/engine/index';
import { loadScenarioFile } from '../../loadScenario';
import { drive } from '../matchDriver';

const sc = loadScenarioFile('1929');
const c = compile(sc);
const SEED = 'memory/1';

/** The kind on both sides of a 1929 branch off the trunk's start, played by the tree to the end. */
function treeGame(kind: PlayerKind): { moves: Move[] } {
  const t = HistoryTree.create(sc);
  const b = t.branch({ node: TRUNK_ID, at: 0 }, { reseed: SEED, players: { britain: kind, ussr: kind } });
  if (!b.ok) throw new Error(b.error);
  const r = t.playComputers(b.value.id);
  if (!r.ok) throw new Error(r.error);
  expect(t.state(b.value.id).ended).not.toBeNull();
  return { moves: t.moves(b.value.id) };
}

/** The same game with one player object per side kept all game, asked with the tree's dice (from the point). */
function heldGame(kind: PlayerKind, first: Move[]): Move[] {
  const t = HistoryTree.create(sc);
  const b = t.branch({ node: TRUNK_ID, at: 0 }, { reseed: SEED, players: { britain: kind, ussr: kind } });
  if (!b.ok) throw new Error(b.error);
  let s = t.state(b.value.id);
  const players = { britain: makePlayer(kind, sc, 'britain'), ussr: makePlayer(kind, sc, 'ussr') };
  const moves: Move[] = [];
  while (!s.ended) {
    const side = computerToMove(s, { britain: kind, ussr: kind })!;
    const m = nextMove(c, seatView(c, s, side, AI_VIEW), players[side], aiRng(`${s.seed}@${moves.length}`, side))!;
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(r.error);
    s = r.value;
    moves.push(m);
    if (moves.length > first.length) break;
  }
  return moves;
}

describe('bargaining players on the history tree', () => {
  it('Boulware and Conceder play different games from each other, each the game players kept all game play with the same dice', () => {
    const boulware = treeGame('boulware');
    const conceder = treeGame('conceder');
    // The talks went some way: notes were sent on both branches.
    for (const g of [boulware, conceder]) expect(g.moves.filter(m => m.type === 'orders' && m.orders.some(o => o.kind === 'offer')).length).toBeGreaterThanOrEqual(4);
    const notes = (g: { moves: Move[] }) => g.moves.flatMap(m => (m.type === 'orders' ? m.orders.filter(o => o.kind === 'offer').map(o => JSON.stringify(o)) : []));
    expect(notes(boulware)).not.toEqual(notes(conceder));
    expect(boulware.moves.map(moveKey)).toEqual(heldGame('boulware', boulware.moves).map(moveKey));
    expect(conceder.moves.map(moveKey)).toEqual(heldGame('conceder', conceder.moves).map(moveKey));
  }, 600_000);
});

/** The in-process players, but a player made afresh for every question, as the tree makes them. */
const freshEachAsk: AiTransportFactory = (s, seats) => ({
  ask: (view, rng) => Promise.resolve(new AiPlayers(s, seats).ask(view, rng)),
  dispose: () => {},
});

describe('the match controller', () => {
  it.each([
    ['boulware', 'conceder'],
    ['negotiator', 'titfortat'],
  ] as const)(
    'plays %s against %s the same with players made afresh for every question as with players kept all game',
    async (britain, ussr) => {
      const play = async (ai: AiTransportFactory) => {
        const r = Match.create(sc, { scenario: '1929', seed: SEED, sides: { britain, ussr } }, { ai });
        if (!r.ok) throw new Error(r.error);
        await drive(r.value);
        return r.value;
      };
      const kept = await play(inProcessAi);
      const fresh = await play(freshEachAsk);
      expect(kept.save().moves.filter(m => m.type === 'orders' && m.orders.some(o => o.kind === 'offer')).length).toBeGreaterThanOrEqual(4);
      expect(fresh.save()).toEqual(kept.save());
    },
    600_000,
  );
});

describe('short share codes of bargaining games', () => {
  /** The code of a node's line, which leaves the computer's moves out, read back. */
  async function roundTrip(t: HistoryTree, id: string, line: Line) {
    const short = await encodeShareCode(sc, line, shareSegments(t, id));
    // Every move is the computer's, so none is written out.
    expect(short.length).toBeLessThan((await encodeShareCode(sc, line)).length / 3);
    const p = parseShared(short);
    if (!p.ok) throw p.error;
    const back = await checkShared(sc, p.value);
    if (!back.ok) throw back.error;
    return back.value.line;
  }

  it('made the match controller’s way (two bargainers played on in the game screen from history once talks open) read back exactly', async () => {
    const t = HistoryTree.create(sc);
    // The first point on history's path at which the talks are open (Henderson's, in 1929).
    let at = 0;
    while (!c.negotiation.when!(t.stateAt({ node: TRUNK_ID, at }))) at++;
    const players = { britain: 'boulware', ussr: 'negotiator' } as const;
    const save = makeAppSave(sc, t.seed, t.moves(TRUNK_ID).slice(0, at), t.stateAt({ node: TRUNK_ID, at }), players);
    const r = await Match.restore(sc, save, { ai: inProcessAi });
    if (!r.ok) throw new Error(r.error);
    await drive(r.value);
    expect(r.value.view('britain').offers.length).toBeGreaterThanOrEqual(4);
    const line: Line = { scenario: sc.id, scenarioVersion: sc.version, seed: t.seed, moves: [...r.value.moves], reseeds: [] };
    const node = t.adopt(line, { players });
    if (!node.ok) throw new Error(node.error);
    expect(await roundTrip(t, node.value.id, line)).toEqual(line);
  }, 600_000);

  it('made the tree’s way (Boulware against Conceder played on the tree) read back exactly', async () => {
    const t = HistoryTree.create(sc);
    const b = t.branch({ node: TRUNK_ID, at: 0 }, { reseed: SEED, players: { britain: 'boulware', ussr: 'conceder' } });
    if (!b.ok) throw new Error(b.error);
    expect(t.playComputers(b.value.id).ok).toBe(true);
    const line = t.line(b.value.id);
    expect(line.moves.filter(m => m.type === 'orders' && m.orders.some(o => o.kind === 'offer')).length).toBeGreaterThanOrEqual(4);
    expect(await roundTrip(t, b.value.id, line)).toEqual(line);
  }, 600_000);
});
