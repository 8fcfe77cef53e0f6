// History's date for a scheduled event (`historicalDate`): validated against the turn its `date`
// reaches (on a triggered event, shown on the turn whose span holds it), and shown by the terminal's news, the history watch and the debrief in place of the
// turn's date when the event fires on that turn. Play never reads it (bench/fingerprint.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { historicalBaseline } from '../../src/ai/baseline';
import { makePlayer, runGame } from '../../src/ai/index';
import { timelineOf } from '../../src/app/debrief';
import { headlineOf } from '../../src/app/headlines';
import { Recording, timeline } from '../../src/app/watch/index';
import { stripAnsi } from '../../src/cli/format';
import { newsLines } from '../../src/cli/screens';
import { compile, createGame, dayOf, decisionDay, isoOf, longDate, type NewsItem, newsDay, shownDay } from '../../src/engine/index';
import { validateScenario } from '../../src/scenario/load';
import type { RawJson } from '../engine/helpers';
import { loadScenarioFile } from '../loadScenario';

const FILE = 'scenarios/1932.json';
const raw = (): RawJson => JSON.parse(readFileSync(FILE, 'utf8'));
const sc = loadScenarioFile('1932');
const c = compile(sc);
const at = (id: string) => sc.events.findIndex(e => e.id === id);
const OTTAWA = at('ottawa-opens');

/** The historical game: the historical players on history's seed (as history mode's trunk), with its news in order. */
function historicalGame(id: string) {
  const s = loadScenarioFile(id);
  const cc = compile(s);
  const players = { britain: makePlayer('historical', s, 'britain'), ussr: makePlayer('historical', s, 'ussr') };
  const end = runGame(s, createGame(s, historicalBaseline(s).seed, { record: true }), players, true).state;
  const news: NewsItem[] = [];
  for (let x = end.news; x; x = x.n) news.unshift(x.e);
  return { s, cc, end, news };
}

function errorFor(edit: (r: RawJson) => void): string {
  const r = raw();
  edit(r);
  const res = validateScenario(r, FILE);
  if (res.ok) throw new Error('the scenario was accepted');
  return res.error;
}

describe('historicalDate in a scenario file', () => {
  it('is accepted on a scheduled event within its turn, and Ottawa carries 21 July', () => {
    expect(sc.events[OTTAWA]!.date).toBe('1932-07-18');
    expect(sc.events[OTTAWA]!.historicalDate).toBe('1932-07-21');
    const r = raw();
    r.events[OTTAWA].historicalDate = '1932-07-24';
    expect(validateScenario(r, FILE).ok).toBe(true);
  });

  it('refuses a malformed date, naming the file and the field', () => {
    expect(
      errorFor(r => {
        r.events[OTTAWA].historicalDate = '21 July 1932';
      }).split('\n')[0],
    ).toBe(`${FILE}: events[${OTTAWA}].historicalDate: a date is YYYY-MM-DD`);
    expect(
      errorFor(r => {
        r.events[OTTAWA].historicalDate = '1932-06-31';
      }),
    ).toBe(`${FILE}: events[${OTTAWA}].historicalDate: no such date`);
    expect(
      errorFor(r => {
        r.events[OTTAWA].historicalDate = 21;
      }),
    ).toMatch(new RegExp(`^${FILE}: events\\[${OTTAWA}\\]\\.historicalDate: .*expected string`));
  });

  it('refuses a date outside the span its turn can show: after the turn before, before the turn after', () => {
    // Ottawa's turn is 18 July; the turns either side are 11 and 25 July.
    expect(
      errorFor(r => {
        r.events[OTTAWA].historicalDate = '1932-07-25';
      }),
    ).toBe(`${FILE}: events[${OTTAWA}].historicalDate: 1932-07-25 is not before the turn after its date's turn, 1932-07-18, (1932-07-25): move the event's date, or leave the turn's date shown`);
    expect(
      errorFor(r => {
        r.events[OTTAWA].historicalDate = '1932-07-11';
      }),
    ).toBe(`${FILE}: events[${OTTAWA}].historicalDate: 1932-07-11 is not after the turn before its date's turn, 1932-07-18, (1932-07-11): move the event's date, or leave the turn's date shown`);
    expect(
      errorFor(r => {
        r.events[OTTAWA].historicalDate = '1940-01-01';
      }),
    ).toBe(`${FILE}: events[${OTTAWA}].historicalDate: 1940-01-01 is outside the calendar`);
  });

  it('refuses one on a random event, which fires on no day of its own', () => {
    const k = sc.events.findIndex(e => e.mtthDays);
    expect(
      errorFor(r => {
        r.events[k].historicalDate = '1932-07-21';
      }),
    ).toBe(`${FILE}: events[${k}].historicalDate: historicalDate is the day history gives a scheduled or triggered event: a random event (mtthDays) fires on no day of its own`);
  });
});

describe('historicalDate on a triggered event', () => {
  const CLOSED = at('incident-closed');

  it('is accepted, and dates the turn whose span holds it: the incident closed on 13 December, in the turn of 12 December', () => {
    expect(sc.events[CLOSED]!.date).toBeUndefined();
    expect(sc.events[CLOSED]!.historicalDate).toBe('1932-12-13');
    const ev = c.events[CLOSED]!;
    expect(isoOf(ev.turnDay!)).toBe('1932-12-12');
    expect(isoOf(shownDay(ev, dayOf('1932-12-12')))).toBe('1932-12-13');
    // Fired on any other turn the game has left history: the turn's date.
    expect(isoOf(shownDay(ev, dayOf('1932-12-26')))).toBe('1932-12-26');
    expect(isoOf(shownDay(ev, dayOf('1932-11-28')))).toBe('1932-11-28');
  });

  it('takes any day of the calendar, and refuses a bad one naming the file and the field', () => {
    const r = raw();
    r.events[CLOSED].historicalDate = '1932-12-25';
    expect(validateScenario(r, FILE).ok).toBe(true);
    expect(
      errorFor(x => {
        x.events[CLOSED].historicalDate = '13 December 1932';
      }).split('\n')[0],
    ).toBe(`${FILE}: events[${CLOSED}].historicalDate: a date is YYYY-MM-DD`);
    expect(
      errorFor(x => {
        x.events[CLOSED].historicalDate = '1932-12-32';
      }),
    ).toBe(`${FILE}: events[${CLOSED}].historicalDate: no such date`);
    expect(
      errorFor(x => {
        x.events[CLOSED].historicalDate = '1933-06-01';
      }),
    ).toBe(`${FILE}: events[${CLOSED}].historicalDate: 1933-06-01 is outside the calendar`);
  });

  for (const id of ['1927', '1929', '1932']) {
    it(`${id}: each fires in the historical game on the turn whose span holds its day, and its news shows that day`, () => {
      const { s, cc, end, news } = historicalGame(id);
      const dated = s.events.filter(e => e.historicalDate && !e.date);
      let told = 0;
      for (const e of dated) {
        const ev = cc.events[cc.eventIndex.get(e.id)!]!;
        const fired = end.fired[ev.i]!;
        expect(fired, `${e.id} fires in the historical game`).toBeGreaterThanOrEqual(0);
        const t = cc.days.indexOf(fired);
        expect(fired, e.id).toBeLessThanOrEqual(dayOf(e.historicalDate!));
        if (t < cc.days.length - 1) expect(dayOf(e.historicalDate!), e.id).toBeLessThan(cc.days[t + 1]!);
        const item = news.find(n => n.cause === ev.cause);
        if (item) {
          expect(isoOf(newsDay(cc, item)), e.id).toBe(e.historicalDate);
          told++;
        }
      }
      expect(told, 'news dated by them').toBe(dated.length);
      // The triggered events the sources date, on history's turn: the raid (1927), the note of denunciation and the incident closed (1932).
      expect(dated.map(e => e.id)).toEqual({ '1927': ['arcos-raid'], '1929': [], '1932': ['note-handed', 'incident-closed'] }[id]);
    });
  }
});

describe('the date each scheduled event shows', () => {
  for (const id of ['1927', '1929', '1932']) {
    it(`${id}: history's day, within its turn or since the turn before, never another turn's`, () => {
      const s = loadScenarioFile(id);
      const cc = compile(s);
      let moved = 0;
      for (const ev of cc.events) {
        if (ev.day === null) continue;
        const t = cc.days.indexOf(ev.turnDay!);
        expect(ev.turnDay, ev.id).toBe(cc.days.find(d => d >= ev.day!));
        const shown = shownDay(ev, ev.turnDay!);
        expect(shown, ev.id).toBe(s.events[ev.i]!.historicalDate ? dayOf(s.events[ev.i]!.historicalDate!) : ev.day);
        if (t > 0) expect(shown, `${ev.id} after the turn before`).toBeGreaterThan(cc.days[t - 1]!);
        if (t < cc.days.length - 1) expect(shown, `${ev.id} before the turn after`).toBeLessThan(cc.days[t + 1]!);
        // Fired on any other turn (a window, a teacher's injection), it shows that turn's date.
        if (t < cc.days.length - 1) expect(shownDay(ev, cc.days[t + 1]!)).toBe(cc.days[t + 1]);
        if (shown !== ev.turnDay) moved++;
      }
      // Most events are dated between turns: the turn's date was wrong for them all.
      expect(moved).toBeGreaterThan(20);
    });
  }
});

describe("Ottawa's opening as the player is told it", () => {
  const seed = 'dates';
  const historical = { britain: makePlayer('historical', sc, 'britain'), ussr: makePlayer('historical', sc, 'ussr') };
  const run = runGame(sc, createGame(sc, seed, { record: true }), historical, true);
  const news: NewsItem[] = [];
  for (let x = run.state.news; x; x = x.n) news.unshift(x.e);
  const turn = dayOf('1932-07-18');

  it('is news of the 18 July turn, dated 21 July', () => {
    const item = news.find(n => n.cause === 'event:ottawa-opens')!;
    expect(isoOf(item.day)).toBe('1932-07-18');
    expect(isoOf(newsDay(c, item))).toBe('1932-07-21');
  });

  it("in the terminal's news of the turn", () => {
    const lines = newsLines(
      c,
      news.filter(n => n.day === turn && !n.side),
      turn,
      100,
      'britain',
    ).map(stripAnsi);
    expect(lines.find(l => l.includes('Ottawa'))).toMatch(/• Ottawa · 21 July 1932$/);
  });

  it("in a headline an event's decision made: the free traders resign on 28 September, reported on 3 October", () => {
    const resign = news.find(n => n.headline === 'resignation' && n.cause.startsWith('option:free-traders-go.'))!;
    expect(isoOf(resign.day)).toBe('1932-10-03');
    expect(isoOf(headlineOf(resign, c)!.day)).toBe('1932-09-28');
  });

  it('in the history watch and the debrief timeline', () => {
    const frame = timeline(Recording.history(sc)).find(f => f.day === turn)!;
    const heard = frame.sides.britain.heard.find(x => x.cause === 'event:ottawa-opens')!;
    expect(longDate(heard.shown)).toBe('Thursday 21 July 1932');
    const entries = timelineOf(sc, seed, run.moves).entries;
    expect(isoOf(entries.find(e => e.cause === 'event:ottawa-opens')!.day)).toBe('1932-07-21');
    // A decision taken on a Cabinet's day is dated by it too.
    expect(isoOf(entries.find(e => e.cause.startsWith('option:colville-credit.'))!.day)).toBe('1932-08-04');
  });
});

// Two meetings the game had on the wrong turn (session 12's notes): Simon and Litvinov at Geneva on
// the eve of Ottawa (thesis L13068-13069, fn L16046-16049), not on the turn of 11 July; and Wise's
// second visit to Moscow in early September (L7857-7887), not a 25 August that merged it with his
// first journey in mid-August (fn L7834).
describe('meetings on the turn history gives them, in the historical game', () => {
  function meetings(id: string) {
    const { s, cc, end, news } = historicalGame(id);
    const ev = (id: string) => cc.events[cc.eventIndex.get(id)!]!;
    /** The day an event's news is dated for its players, and where it stands in the game's news. */
    const told = (id: string) => {
      const k = news.findIndex(n => n.cause === `event:${id}`);
      expect(k, `${id} is in the news`).toBeGreaterThanOrEqual(0);
      return { turn: isoOf(news[k]!.day), shown: isoOf(newsDay(cc, news[k]!)), k };
    };
    return { s, cc, end, ev, told };
  }

  it('1932: Simon and Litvinov meet at Geneva on 20 July, the eve of Ottawa, in the turn of its opening', () => {
    const { s, cc, end, ev, told } = meetings('1932');
    const geneva = told('geneva-shadow-boxing');
    const ottawa = told('ottawa-opens');
    expect(geneva.turn).toBe('1932-07-18');
    expect(geneva.shown).toBe('1932-07-20');
    expect(ottawa).toMatchObject({ turn: '1932-07-18', shown: '1932-07-21' });
    // The eve: told before the opening, dated the day before it.
    expect(geneva.k).toBeLessThan(ottawa.k);
    expect(dayOf(geneva.shown)).toBe(dayOf(ottawa.shown) - 1);
    // Litvinov's answer is dated by the meeting too.
    const g = ev('geneva-shadow-boxing');
    expect(isoOf(end.fired[g.i]!)).toBe('1932-07-18');
    expect(isoOf(decisionDay(g, { fired: Array.from(end.fired), day: dayOf('1932-07-25') }))).toBe('1932-07-20');
    // Simon's "thorn" in the record of Britain's orders falls in the same turn as the meeting.
    const thorn = s.history.orders.find(o => o.note?.includes('at Geneva'))!;
    const t = cc.days.indexOf(g.turnDay!);
    expect(dayOf(thorn.date)).toBeGreaterThanOrEqual(cc.days[t]!);
    expect(dayOf(thorn.date)).toBeLessThan(cc.days[t + 1]!);
  });

  it('1929: Wise is in Moscow again in early September, a turn after he is sent and before Henderson speaks at Geneva', () => {
    const { end, ev, told } = meetings('1929');
    const sent = told('macdonald-formula');
    const wise = told('wise-moscow');
    const statement = told('geneva-statement');
    expect(wise.turn).toBe('1929-08-29');
    expect(wise.shown).toBe('1929-09-02');
    // Sent in August (the first journey), back with Moscow's proposal before the statement of 4 September that takes it up.
    expect(dayOf(sent.turn)).toBeLessThan(dayOf(wise.turn));
    expect(dayOf(wise.shown)).toBeLessThan(dayOf(statement.shown));
    expect(statement.shown).toBe('1929-09-04');
    expect(end.fired[ev('wise-moscow').i]!).toBeLessThan(end.fired[ev('geneva-statement').i]!);
  });
});
