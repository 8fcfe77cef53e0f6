// The historical player sends the notes the record has, where the scenario's terms can express
// them (1932: the British memorandum of January 1933 and the Soviet reply), answers them as the
// record says (neither was accepted), and gives the record with its sources as its reasons. A
// recorded note that names a term or option the scenario lacks is refused when the scenario is compiled.
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, makePlayer, nextMove, toMove } from '../../src/ai/index';
import type { Reasons } from '../../src/ai/reasons';
import { playOut } from '../../src/app/history/fastHistorical';
import { applyMove, compile, createGame, isoOf, seatView, stateHash } from '../../src/engine/index';
import { SIDES } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';

describe('recorded notes', () => {
  const sc = loadScenarioFile('1932');
  const c = compile(sc);

  it('1932: the historical players send the recorded notes on their dates, refuse them, and say so from the record', () => {
    const players = { britain: makePlayer('historical', sc, 'britain'), ussr: makePlayer('historical', sc, 'ussr') };
    const rngs = { britain: aiRng('notes', 'britain'), ussr: aiRng('notes', 'ussr') };
    let s = createGame(sc, 'notes');
    const said: { side: string; day: number; why: Reasons }[] = [];
    while (!s.ended) {
      const side = SIDES.find(x => toMove(s, x))!;
      const m = nextMove(c, seatView(c, s, side, AI_VIEW), players[side], rngs[side])!;
      if (m.type === 'orders' && m.orders.some(o => o.kind !== 'action')) said.push({ side, day: c.days[s.turn]!, why: players[side].why!()! });
      const r = applyMove(sc, s, m);
      if (!r.ok) throw new Error(r.error);
      s = r.value;
    }
    const notes = sc.history.notes!;
    expect(notes.length).toBe(2);
    expect(s.offers.map(o => ({ from: o.from, terms: o.terms, status: o.status }))).toEqual(notes.map(n => ({ from: n.side, terms: n.terms, status: 'rejected' })));
    // Each went in the turn that holds its recorded date.
    for (const [k, o] of s.offers.entries()) {
      const turn = c.days.findIndex((d, t) => d <= o.sentDay && (c.days[t + 1] ?? Infinity) > o.sentDay);
      expect(isoOf(c.days[turn]!) <= notes[k]!.date && notes[k]!.date < isoOf(c.days[turn + 1]!)).toBe(true);
    }
    // The sender's reasons are the record's note and its thesis lines; the answer's, the record's answer.
    const sent = said.find(x => x.side === 'britain' && x.why.factors.some(f => f.label.startsWith('A note, 1933-01-26')))!;
    expect(sent).toBeDefined();
    expect(sent.why.factors[0]!.sources).toEqual(notes[0]!.sources);
    const answered = said.find(x => x.side === 'ussr' && x.why.answers)!;
    expect(answered.why.answers!.summary).toContain('as the record has it');
    expect(answered.why.answers!.factors[0]!.sources).toEqual(notes[0]!.sources);
    // The explorer's fast path, which chooses for the historical player from the state, sends and answers them the same.
    expect(stateHash(playOut(sc, createGame(sc, 'notes'), { britain: 'historical', ussr: 'historical' }))).toBe(stateHash(s));
  });

  it('a recorded note naming an option the scenario lacks is refused at compile time, with its path', () => {
    const bad = structuredClone(sc);
    bad.history.notes![0]!.terms.mfn = 'abolished';
    expect(() => compile(bad)).toThrow(/history\.notes\[0\]\.terms\.mfn.*unknown option "abolished"/);
    const short = structuredClone(sc);
    delete short.history.notes![1]!.terms.shipping;
    expect(() => compile(short)).toThrow(/history\.notes\[1\]\.terms.*no option given for term "shipping"/);
  });

  it('scenarios whose negotiation cannot express a recorded note say so, with the reason and sources', () => {
    for (const id of ['1927', '1929', '1932']) {
      const h = loadScenarioFile(id).history;
      expect(h.notesNotModelled?.length ?? 0).toBeGreaterThan(0);
      for (const n of h.notesNotModelled!) expect(n.sources.every(x => /^thesis (fn )?L\d+/.test(x))).toBe(true);
    }
  });
});
