// The search reads the other side from the moves of it the seat has seen: as the historical player
// once enough of them are the record's and none is not, else as the persona; its futures then move
// the other side so, and its reasons say it. Only the seat's view is read.
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, makePlayer, makeSearchPlayer, nextMove, runGame, toMove } from '../../src/ai/index';
import { indexOf, packageSpace, termsOf } from '../../src/ai/packages';
import { RECORD_EVIDENCE, readOpponent } from '../../src/ai/search/opponent';
import { compile, createGame, type GameState, seatView } from '../../src/engine/index';
import { openRng } from '../../src/engine/rng';
import type { Offer } from '../../src/engine/types';
import { other, SIDES, type Side } from '../../src/engine/vocab';
import { playOn, playTo } from '../engine/perturb';
import { loadScenarioFile } from '../loadScenario';

describe.each(['1927', '1929', '1932'])('reading the other side in %s', id => {
  const sc = loadScenarioFile(id);
  const c = compile(sc);
  /** How `me` (a persona) reads a `kind` opponent at each of its moves: the turns read as historical. */
  const readings = (me: Side, kind: string, seed: string): number[] => {
    const players = { [me]: makePlayer('persona', sc, me), [other(me)]: makePlayer(kind as never, sc, other(me)) } as never;
    const turns: number[] = [];
    runGame(sc, createGame(sc, seed, { record: false }), players, false, s => {
      if (toMove(s, me) && readOpponent(c, seatView(c, s, me, AI_VIEW), s) === 'historical') turns.push(s.turn);
    });
    return turns;
  };

  it.each(SIDES)('reads a historical %s opponent as such within the first half of the game', me => {
    const turns = readings(other(me) as Side, 'historical', `read-${id}`);
    expect(turns.length).toBeGreaterThan(0);
    expect(turns[0]!).toBeLessThan(c.days.length / 2);
  });

  it('never reads the persona, a bargainer or random play as the historical player', () => {
    for (const me of SIDES) for (const kind of ['persona', 'boulware', 'random']) expect(readings(me, kind, `not-${id}-${kind}`)).toEqual([]);
  });

  /** How `me` (a persona) reads a `kind` opponent at each of its moves, and how many notes of the other side it has seen then. */
  const read = (me: Side, kind: string, seed: string) => {
    const players = { [me]: makePlayer('persona', sc, me), [other(me)]: makePlayer(kind as never, sc, other(me)) } as never;
    const out: { reading: string; notes: number }[] = [];
    runGame(sc, createGame(sc, seed, { record: false }), players, false, s => {
      if (!toMove(s, me)) return;
      const v = seatView(c, s, me, AI_VIEW);
      out.push({ reading: readOpponent(c, v, s), notes: v.offers.filter(o => o.from !== me).length });
    });
    return out;
  };

  it.each(SIDES)('reads the persona, whose note never moves, as the persona, and the negotiator as a bargainer from its first note on (%s seat)', me => {
    const persona = read(me, 'persona', `rd-${id}`);
    expect(persona.every(r => r.reading === 'persona')).toBe(true);
    const negotiator = read(me, 'negotiator', `rd-${id}`);
    const first = negotiator.findIndex(r => r.notes > 0);
    expect(first).toBeGreaterThan(0);
    expect(negotiator.slice(0, first).every(r => r.reading === 'persona')).toBe(true);
    expect(negotiator.slice(first).every(r => r.reading === 'negotiator')).toBe(true);
  });
});

describe('reading a bargainer (1929, Britain against the Soviet negotiator)', () => {
  const sc = loadScenarioFile('1929');
  const c = compile(sc);
  const players = { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('negotiator', sc, 'ussr') } as never;
  // The first position where Britain, to move, reads the Soviet negotiator's note as a bargainer's.
  const s = playOn(sc, createGame(sc, 'hold'), 'hold', players, st => toMove(st, 'britain') && readOpponent(c, seatView(c, st, 'britain', AI_VIEW), st) === 'negotiator');
  const view = seatView(c, s, 'britain', AI_VIEW);
  const theirs = view.offers.filter(o => o.from === 'ussr').at(-1)!;
  const ps = packageSpace(c);

  it('reads it as the persona once it has sent again a note we refused, and as a bargainer while it has given ground every time', () => {
    const refused: Offer = { ...theirs, status: 'rejected' };
    const day = view.day;
    const again = (terms: Offer['terms']): Offer => ({ ...theirs, n: theirs.n + 1, terms, status: 'delivered', sentDay: day, arrivesDay: day });
    const other = termsOf(ps, (indexOf(ps, theirs.terms) + 1) % ps.size);
    const withNotes = (...offers: Offer[]) => readOpponent(c, { ...view, offers: [...view.offers.filter(o => o !== theirs), ...offers] }, s);
    expect(withNotes(refused)).toBe('negotiator');
    expect(withNotes(refused, again(theirs.terms))).toBe('persona');
    expect(withNotes(refused, again(other))).toBe('negotiator');
    // Held out once, then gave ground: still played as the persona (its concessions wait on something else than our refusals).
    const repeatRefused: Offer = { ...again(theirs.terms), status: 'rejected' };
    expect(withNotes(refused, repeatRefused, { ...again(other), n: theirs.n + 2 })).toBe('persona');
  });

  it("plays the search's futures with it as the negotiator, and says so in its reasons", () => {
    expect(view.offers.some(o => o.from === 'ussr')).toBe(true);
    const p = makeSearchPlayer(sc, 'britain', 1);
    nextMove(c, view, p, openRng(aiRng('bargains', 'britain').state()));
    const said = p.why!()!.summary;
    expect(said).toContain('In those futures the Soviet Union bargains as it has begun to, with notes of its own: it gives ground after a refusal and as the time for talks runs out.');
    expect(said).toContain(
      'Its answers to notes from Britain are played two ways, in half the futures each: weighed against a counter of its own, or taken when its cabinet would ratify them and they are worth something to it by the terms’ values',
    );
  });
});

describe('the reading', () => {
  const sc = loadScenarioFile('1929');
  const c = compile(sc);
  const hist = { britain: makePlayer('historical', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') };
  const at = (n: number): GameState => playTo(sc, 'reading', hist, n);

  it('waits for enough moves, and one move off the record turns it back to the persona', () => {
    let s = at(0);
    expect(readOpponent(c, seatView(c, s, 'ussr', AI_VIEW), s)).toBe('persona');
    for (let n = 1; readOpponent(c, seatView(c, s, 'ussr', AI_VIEW), s) === 'persona'; n++) s = at(n);
    const view = seatView(c, s, 'ussr', AI_VIEW);
    // A public British order the record does not give for its date, carried out: not the historical player.
    const off = c.actions.findIndex(a => a.side === 'britain' && a.public && !c.historyOrders.some(h => h.action === a.i));
    expect(off).toBeGreaterThanOrEqual(0);
    const taken = view.taken.slice();
    taken[off] = view.day;
    expect(readOpponent(c, { ...view, taken }, s)).toBe('persona');
    // A British decision the record's option was not taken at.
    const e = c.events.findIndex((ev, k) => ev.decision?.side === 'britain' && view.chosen[k]! >= 0);
    expect(e).toBeGreaterThanOrEqual(0);
    const chosen = view.chosen.slice();
    chosen[e] = c.events[e]!.decision!.options.findIndex(o => !o.historical);
    expect(readOpponent(c, { ...view, chosen }, s)).toBe('persona');
  });

  it('reads the record only from RECORD_EVIDENCE moves on: one fewer, all on the record, is still the persona', () => {
    let s = at(0);
    for (let n = 1; readOpponent(c, seatView(c, s, 'ussr', AI_VIEW), s) === 'persona'; n++) s = at(n);
    const view = seatView(c, s, 'ussr', AI_VIEW);
    // Every British move the seat has seen is the record's here; keep only the first `n` of them.
    const keep = (n: number) => {
      let left = n;
      const chosen = view.chosen.map((k, e) => (k >= 0 && c.events[e]!.decision?.side === 'britain' ? (left-- > 0 ? k : -1) : k));
      const taken = view.taken.map((d, a) => (d >= 0 && c.actions[a]!.side === 'britain' && c.actions[a]!.public ? (left-- > 0 ? d : -1) : d));
      const offers = view.offers.filter(o => o.from !== 'britain' || left-- > 0);
      return { ...view, chosen, taken, offers };
    };
    expect(readOpponent(c, keep(RECORD_EVIDENCE), s)).toBe('historical');
    expect(readOpponent(c, keep(RECORD_EVIDENCE - 1), s)).toBe('persona');
    expect(readOpponent(c, keep(0), s)).toBe('persona');
  });

  it("plays the search's futures with the other side as it reads it, and says so in its reasons", () => {
    let s = at(0);
    for (let n = 1; readOpponent(c, seatView(c, s, 'ussr', AI_VIEW), s) === 'persona' || !toMove(s, 'ussr'); n++) s = at(n);
    const ask = (st: GameState) => {
      const p = makeSearchPlayer(sc, 'ussr', 2);
      const move = nextMove(c, seatView(c, st, 'ussr', AI_VIEW), p, openRng(aiRng('reading', 'ussr').state()));
      return { move, why: p.why!()! };
    };
    const read = ask(s);
    expect(read.why.summary).toContain('In those futures Britain follows the record, as all its moves seen so far have.');
    // The same position with the one off-record order carried out: the persona's futures, and no such sentence.
    const off = c.actions.findIndex(a => a.side === 'britain' && a.public && !c.historyOrders.some(h => h.action === a.i));
    const changed: GameState = { ...s, taken: s.taken.map((d, k) => (k === off ? c.days[s.turn]! : d)) };
    const unread = ask(changed);
    expect(unread.why.summary).not.toContain('follows the record');
  });
});
