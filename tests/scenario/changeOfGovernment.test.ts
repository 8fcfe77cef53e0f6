// 1929 version 10: polling day and the change of government are two days, not one. The poll of 30 May
// 1929 (thesis L6832-6834) tells the result; Baldwin resigned on 4 June, MacDonald took office on 5 June
// and Henderson the Foreign Office on 7 June (general record, outside the thesis; L7026-7031 for his
// appointment). The calendar has no turn between 30 May and 6 June, so Labour's ministers take office,
// and the British player becomes Henderson, on the turn of 6 June (labour-government); in the turn of
// 30 May Chamberlain is a caretaker, with no conditions to restate and no go-between to send. Until
// version 10 every Labour minister was in office, and Henderson led, on polling day.
import { describe, expect, it } from 'vitest';
import { historicalBaseline } from '../../src/ai/baseline';
import { AI_VIEW, aiRng, makePlayer, nextMove, toMove } from '../../src/ai/index';
import { applyMove, compile, createGame, dayOf, type GameState, isoOf, SIDES, seatView, shownDay } from '../../src/engine/index';
import type { RawJson } from '../engine/helpers';
import { ledger } from '../engine/helpers';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1929');
const c = compile(sc);
const ev = (id: string) => c.events[c.eventIndex.get(id)!]!;
const flagged = (s: GameState, f: string) => s.flags[c.flagIndex.get(f)!]! >= 0;
const minister = (id: string) => c.ministers.findIndex(m => m.id === id);
const POLL = dayOf('1929-05-30');
const TAKES_OFFICE = dayOf('1929-06-06');

/** The historical game on history's seed, move by move; `gap` is the state when Britain orders in the turn of 30 May. */
function historicalGame() {
  const players = { britain: makePlayer('historical', sc, 'britain'), ussr: makePlayer('historical', sc, 'ussr') };
  const seed = historicalBaseline(sc).seed;
  const rngs = { britain: aiRng(seed, 'britain'), ussr: aiRng(seed, 'ussr') };
  let s = createGame(sc, seed, { record: true });
  let gap: GameState | null = null;
  let firstDay: GameState | null = null;
  for (let guard = 0; !s.ended && guard < 100000; guard++) {
    const side = SIDES.find(x => toMove(s, x))!;
    if (side === 'britain' && c.days[s.turn] === POLL && s.pending.britain.length === 0) gap ??= s;
    const m = nextMove(c, seatView(c, s, side, AI_VIEW), players[side], rngs[side])!;
    if (m.type === 'decide' && m.event === 'labour-takes-office') firstDay = s;
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(r.error);
    s = r.value;
  }
  return { end: s, gap, firstDay };
}

function allNews(s: GameState) {
  const out: { day: number; text: string; cause: string }[] = [];
  for (let x = s.news; x; x = x.n) out.unshift(x.e);
  return out;
}

/** Every effect list in an effect tree, its branches included. */
function lists(effects: RawJson[], out: RawJson[][] = []): RawJson[][] {
  out.push(effects);
  for (const f of effects) {
    if (f.then) lists(f.then, out);
    if (f.else) lists(f.else, out);
  }
  return out;
}

describe('1929: the poll of 30 May, the government of 5 June', () => {
  const { end, gap, firstDay } = historicalGame();

  it('polling day tells the result; the offices change on the turn of 6 June', () => {
    expect(isoOf(end.fired[ev('general-election').i]!)).toBe('1929-05-30');
    expect(isoOf(end.fired[ev('labour-government').i]!)).toBe('1929-06-06');
    expect(isoOf(shownDay(ev('labour-government'), end.fired[ev('labour-government').i]!))).toBe('1929-06-06');
    // Each office changes hands once, on the turn of 6 June, by the new government's event.
    for (const id of ['henderson', 'macdonald', 'austen-chamberlain', 'baldwin']) {
      const seat = c.figIndex.get(`inOffice.${id}`)!;
      expect(
        ledger(end)
          .filter(x => x.fig === seat)
          .map(x => [isoOf(x.day), x.cause]),
        id,
      ).toEqual([['1929-06-06', 'event:labour-government']]);
    }
    const news = allNews(end);
    const onPoll = news.filter(n => n.day === POLL).map(n => n.text);
    expect(onPoll.some(t => /Labour is the largest party/.test(t))).toBe(true);
    expect(onPoll.filter(t => /takes office as|leaves office|now in the hands of|now goes on as/.test(t))).toEqual([]);
    const lead = news.find(n => /now in the hands of Arthur Henderson/.test(n.text));
    expect(lead && isoOf(lead.day)).toBe('1929-06-06');
    // Henderson's first day at the Office comes after he has it, on the same turn.
    expect(isoOf(end.fired[ev('labour-takes-office').i]!)).toBe('1929-06-06');
    // It fires before the government's event in the turn's order, but its decision is put once the turn's
    // events have come: to Henderson, in office.
    expect(firstDay).not.toBeNull();
    expect(c.days[firstDay!.turn]).toBe(TAKES_OFFICE);
    expect(firstDay!.lead.britain).toBe(minister('henderson'));
  });

  it('in the turn of 30 May Chamberlain is a caretaker: beaten, still at the Office, with nothing new to start', () => {
    expect(gap).not.toBeNull();
    const s = gap!;
    expect(flagged(s, 'labourElected')).toBe(true);
    expect(flagged(s, 'labourWins')).toBe(false);
    expect(s.lead.britain).toBe(minister('austen-chamberlain'));
    expect(s.fig[c.figIndex.get('inOffice.austen-chamberlain')!]).toBe(1);
    expect(s.fig[c.figIndex.get('inOffice.henderson')!]).toBe(0);
    const offered = seatView(c, s, 'britain').available.map(k => c.actions[k]!.id);
    expect(offered).not.toContain('restate-conditions');
    expect(offered).not.toContain('sound-moscow');
    // Nor are Labour's orders on offer before Labour holds office, on either side.
    for (const id of ['address-plp', 'square-liberals', 'use-go-betweens']) expect(offered).not.toContain(id);
    expect(seatView(c, s, 'ussr').available.map(k => c.actions[k]!.id)).not.toContain('ask-longer-credits');
  });

  it('no result of the poll changes an office on polling day; the new government changes them all', () => {
    const raw = sc.events.find(e => e.id === 'general-election')! as RawJson;
    let labour = 0;
    for (const l of lists(raw.effects)) {
      if (!l.some((f: RawJson) => f.setFlag === 'labourElected')) continue;
      labour++;
      expect(l.filter((f: RawJson) => f.appoint || f.dismiss || f.setLead || f.setFlag === 'labourWins')).toEqual([]);
    }
    expect(labour).toBeGreaterThan(1);
    const gov = sc.events.find(e => e.id === 'labour-government')! as RawJson;
    expect(gov.when).toEqual({ flag: 'labourElected' });
    expect(dayOf(gov.date)).toBeGreaterThanOrEqual(dayOf('1929-06-05'));
    expect(c.days.find(d => d >= dayOf(gov.date))).toBe(TAKES_OFFICE);
    expect(gov.effects.some((f: RawJson) => f.setLead === 'henderson')).toBe(true);
    expect(gov.effects.some((f: RawJson) => f.setFlag === 'labourWins')).toBe(true);
    expect(gov.effects.filter((f: RawJson) => f.appoint).length).toBe(11);
    expect(gov.effects.filter((f: RawJson) => f.dismiss).length).toBe(11);
  });
});
