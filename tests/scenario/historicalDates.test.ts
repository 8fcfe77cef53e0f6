// History's date for a scheduled event (`historicalDate`): validated against the turn its `date`
// reaches, and shown by the terminal's news, the history watch and the debrief in place of the
// turn's date when the event fires on that turn. Play never reads it (bench/fingerprint.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makePlayer, runGame } from '../../src/ai/index';
import { timelineOf } from '../../src/app/debrief';
import { headlineOf } from '../../src/app/headlines';
import { Recording, timeline } from '../../src/app/watch/index';
import { stripAnsi } from '../../src/cli/format';
import { newsLines } from '../../src/cli/screens';
import { compile, createGame, dayOf, isoOf, longDate, type NewsItem, newsDay, shownDay } from '../../src/engine/index';
import { validateScenario } from '../../src/scenario/load';
import type { RawJson } from '../engine/helpers';
import { loadScenarioFile } from '../loadScenario';

const FILE = 'scenarios/1932.json';
const raw = (): RawJson => JSON.parse(readFileSync(FILE, 'utf8'));
const sc = loadScenarioFile('1932');
const c = compile(sc);
const at = (id: string) => sc.events.findIndex(e => e.id === id);
const OTTAWA = at('ottawa-opens');

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

  it('refuses one on an event with no date to stand in for', () => {
    const k = sc.events.findIndex(e => !e.date);
    expect(
      errorFor(r => {
        r.events[k].historicalDate = '1932-07-21';
      }),
    ).toBe(`${FILE}: events[${k}].historicalDate: historicalDate is shown in place of a scheduled date: the event needs a date`);
  });
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
