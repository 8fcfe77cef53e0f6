// 1927 (version 9): the talks close once an agreement is ratified. Before, the channel stayed open
// for as long as the crisis had broken (raid, rupture or Guildhall), so a note still outstanding
// could be accepted after a settlement and a second package ratified over the first; and Moscow's
// answer to the Guildhall and the Geneva meeting with Chamberlain, which presuppose that nothing is
// settled, still came after one. Here history is played to the Guildhall (and to the Cabinet's
// decision to meet Litvinov), a package is ratified there, and the game goes on.
import { describe, expect, it } from 'vitest';
import { historicalBaseline } from '../../src/ai/baseline';
import { makePlayer, runGame } from '../../src/ai/index';
import { closeDraft, openDraft } from '../../src/engine/draft';
import { applyMove, compile, createGame, type GameState, openOptions, replay } from '../../src/engine/index';
import { bindAgreement, negotiationOpen } from '../../src/engine/negotiation';
import type { Move, Terms } from '../../src/engine/types';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1927');
const c = compile(sc);
const seed = historicalBaseline(sc).seed;
const players = () => ({ britain: makePlayer('historical', sc, 'britain'), ussr: makePlayer('historical', sc, 'ussr') });
const fired = (s: GameState, id: string) => s.fired[c.eventIndex.get(id)!]! >= 0;
/** The talk events whose text presupposes that nothing is settled. */
const GATED = ['chicherin-interview', 'guildhall', 'rykov-reply', 'cabinet-30-nov', 'geneva-meeting', 'deadlock'];

const history = runGame(sc, createGame(sc, seed, { record: true }), players(), true);
const must = (r: { ok: true; value: GameState } | { ok: false; error: string }): GameState => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const replayed = (moves: readonly Move[]) => must(replay(sc, seed, moves));
const decided = (event: string) => history.moves.findIndex(m => m.type === 'decide' && m.event === event);
/** A package of each term's first option open in `s` (a British note's, say), and one of each last (Moscow's). */
const pkg = (s: GameState, pick: 'first' | 'last'): Terms =>
  Object.fromEntries(
    c.terms.map(t => {
      const open = openOptions(t, s);
      return [t.id, open[pick === 'first' ? 0 : open.length - 1]!.id];
    }),
  );
/** `s` with `terms` ratified there, as a British note accepted by Moscow would be. */
function settle(s: GameState, terms: Terms): GameState {
  const d = openDraft(c, s);
  bindAgreement(d, terms, 'test', 'britain');
  return closeDraft(d);
}

describe('1927: an agreement ratified closes the talks', () => {
  it('history, with nothing ratified, has the Guildhall, Rykov’s answer, the Litvinov meeting and the deadlock', () => {
    expect(history.state.offers.filter(o => o.status === 'ratified')).toEqual([]);
    for (const id of GATED) expect(fired(history.state, id), id).toBe(true);
  });

  // Moscow sends a note in the turn before the Guildhall (history's orders and one note more); a
  // package is ratified just after the Guildhall has offered goodwill, while that note awaits London.
  const states: GameState[] = []; // states[k]: the state before history's move k
  replay(sc, seed, history.moves, (s, k) => {
    states[k + 1] = s;
  });
  const g = decided('guildhall');
  let before = g;
  while (before > 0 && !(history.moves[before]!.type === 'orders' && history.moves[before]!.side === 'ussr' && states[before]!.turn < states[g]!.turn)) before--;
  const sent = history.moves[before] as Extract<Move, { type: 'orders' }>;
  const note = { kind: 'offer' as const, terms: pkg(states[before]!, 'last') };
  const moves = [...history.moves.slice(0, before), { ...sent, orders: [...sent.orders, note] }, ...history.moves.slice(before + 1, g + 1)];
  const atGuildhall = replayed(moves);
  const agreed = pkg(atGuildhall, 'first');
  const settled = settle(atGuildhall, agreed);

  it('the Soviet note outstanding at the settlement lapses, and London may neither answer it nor send another', () => {
    const note = atGuildhall.offers.find(o => o.from === 'ussr' && o.n === 1)!;
    expect(note.status).toBe('delivered');
    expect(negotiationOpen(c, settled)).toBe(false);
    expect(settled.offers.find(o => o.from === 'ussr' && o.n === 1)!.status).toBe('lapsed');
    const reply = applyMove(sc, settled, { type: 'orders', side: 'britain', orders: [{ kind: 'reply', offer: 1, accept: true }] });
    expect(reply).toEqual({ ok: false, error: 'Soviet note 1 cannot be answered: the talks are closed' });
    expect(applyMove(sc, settled, { type: 'orders', side: 'britain', orders: [{ kind: 'offer', terms: pkg(settled, 'last') }] }).ok).toBe(false);
  });

  it('played on, the game has no second ratification, no answer to the Guildhall, no Litvinov meeting and no deadlock', () => {
    const after = runGame(sc, settled, players(), false).state;
    expect(after.offers.filter(o => o.status === 'ratified' || o.status === 'delivered' || o.status === 'sent')).toEqual([]);
    expect(after.agreed).toEqual(agreed);
    for (const id of ['rykov-reply', 'cabinet-30-nov', 'geneva-meeting', 'deadlock']) expect(fired(after, id), id).toBe(false);
  });

  it('settled just after the Cabinet agreed to meet Litvinov, there is no meeting at Geneva', () => {
    const m = decided('cabinet-30-nov');
    const atCabinet = states[m + 1]!;
    expect(fired(atCabinet, 'cabinet-30-nov')).toBe(true);
    const after = runGame(sc, settle(atCabinet, pkg(atCabinet, 'first')), players(), false).state;
    expect(fired(after, 'geneva-meeting')).toBe(false);
    expect(fired(after, 'deadlock')).toBe(false);
  });
});
