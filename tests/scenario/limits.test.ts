// Scenarios accepted before but broken in play, each refused with the file, the path and the
// reason; and the format's limits (docs/scenario-format.md), with the shipped scenarios inside them.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Phase, turnDays } from '../../src/engine/calendar';
import { checkInvariants, compile, createGame } from '../../src/engine/index';
import { MAX_NESTING, parseScenario, validateScenario } from '../../src/scenario/load';
import { MAX_TURNS, turnCount } from '../../src/scenario/schema';

const FILE = 'scenarios/hostile.json';
type Json = Record<string, unknown>;
const mini = (): Json => JSON.parse(readFileSync('tests/fixtures/mini.json', 'utf8')) as Json;

/** The value at a dotted path ("trade.exports", "personas.0.categories"). */
function get(x: Json, path: string): Json {
  return path.split('.').reduce<Json>((o, k) => o[k] as Json, x);
}
/** Set a dotted path in the mini fixture. */
function set(x: Json, path: string, value: unknown): Json {
  const keys = path.split('.');
  const last = keys.pop()!;
  (keys.length ? get(x, keys.join('.')) : x)[last] = value;
  return x;
}
/** The error lines for a scenario edited from the mini fixture. */
function errors(edit: (sc: Json) => void): string[] {
  const sc = mini();
  edit(sc);
  const r = parseScenario(JSON.stringify(sc), FILE);
  if (r.ok) throw new Error('the scenario was accepted');
  return r.error.split('\n');
}

describe('refused with file, path and reason', () => {
  it("a trade value above the trade figures' range (10,000,000)", () => {
    expect(errors(sc => set(sc, 'trade.exports', 2e7))[0]).toBe(`${FILE}: trade.exports: Too big: expected number to be <=10000000`);
    expect(errors(sc => set(sc, 'trade.orders', 1e7 + 1))).toEqual([`${FILE}: trade.orders: Too big: expected number to be <=10000000`]);
    // Each flow in range, but the balance (imports less exports and re-exports) out of it.
    expect(
      errors(sc => {
        set(sc, 'trade.exports', 6e6);
        set(sc, 'trade.reExports', 6e6);
        set(sc, 'trade.imports', 1e6);
      }),
    ).toEqual([`${FILE}: trade.exports: exports and re-exports may exceed imports by at most 10000000 (the balance's range)`]);
  });

  it('the extreme trade values accepted start a game whose invariants hold', () => {
    const edges = [
      { exports: 1e7, reExports: 1e7, imports: 1e7, orders: 1e7 },
      { exports: 6e6, reExports: 4e6, imports: 0, orders: 0 },
    ];
    for (const edge of edges) {
      const sc = mini();
      for (const [k, v] of Object.entries(edge)) set(sc, `trade.${k}`, v);
      const r = validateScenario(sc, FILE);
      expect(r.ok).toBe(true);
      if (r.ok) expect(checkInvariants(compile(r.value), createGame(r.value, 'edge'))).toEqual([]);
    }
  });

  it('a date before 1700 or after 2099', () => {
    expect(errors(sc => set(sc, 'calendar.start', '1650-05-02'))[0]).toBe(`${FILE}: calendar.start: a date is from 1700-01-01 to 2099-12-31`);
    expect(errors(sc => set(sc, 'events.0.date', '1699-12-31'))[0]).toBe(`${FILE}: events[0].date: a date is from 1700-01-01 to 2099-12-31`);
    expect(errors(sc => set(sc, 'history.orders', [{ side: 'britain', date: '2100-01-01', action: 'break' }]))[0]).toBe(`${FILE}: history.orders[0].date: a date is from 1700-01-01 to 2099-12-31`);
  });

  it('a trade start month that is no month (1927-13)', () => {
    expect(errors(sc => set(sc, 'trade.startMonth', '1927-13'))).toEqual([`${FILE}: trade.startMonth: a month is YYYY-MM, the month 01 to 12`]);
    expect(errors(sc => set(sc, 'trade.startMonth', '1927-00'))).toEqual([`${FILE}: trade.startMonth: a month is YYYY-MM, the month 01 to 12`]);
  });

  it('a trade start month far from the calendar (0001-01), or after its end', () => {
    const reason = "the trade's first month must be from 1925-05 to 1927-07 (within 24 months of the calendar's start, not after its end)";
    expect(errors(sc => set(sc, 'trade.startMonth', '0001-01'))).toEqual([`${FILE}: trade.startMonth: ${reason}`]);
    expect(errors(sc => set(sc, 'trade.startMonth', '1925-04'))).toEqual([`${FILE}: trade.startMonth: ${reason}`]);
    expect(errors(sc => set(sc, 'trade.startMonth', '1927-08'))).toEqual([`${FILE}: trade.startMonth: ${reason}`]);
    expect(validateScenario(set(mini(), 'trade.startMonth', '1925-05'), FILE).ok).toBe(true);
    expect(validateScenario(set(mini(), 'trade.startMonth', '1927-07'), FILE).ok).toBe(true);
  });

  it('no persona for one side', () => {
    expect(
      errors(sc =>
        set(
          sc,
          'personas',
          (sc.personas as Json[]).filter(p => p.side !== 'ussr'),
        ),
      ),
    ).toEqual([`${FILE}: personas: no persona for ussr: each side needs at least one for the computer player`]);
  });

  it('a persona category that is not a category', () => {
    expect(errors(sc => set(sc, 'personas.0.categories', { diplomacy: 1, diplomcy: 2 }))).toEqual([
      `${FILE}: personas[0].categories.diplomcy: unknown category "diplomcy" (one of note, press, lobby, trade, intelligence, comintern, diplomacy, security, negotiation)`,
    ]);
  });

  it('duplicate role ids', () => {
    const role = { id: 'jix', side: 'britain', minister: 'hawk', briefing: 'b', secretAim: 'a', objectives: [{ id: 'o', label: 'o', weight: 1, when: { inOffice: 'hawk' } }], sources: ['test'] };
    expect(errors(sc => set(sc, 'roles', [role, { ...role, id: 'other' }, role]))).toEqual([`${FILE}: roles[2].id: duplicate id "jix"`]);
  });

  it(`a calendar of more than ${MAX_TURNS} turns, refused with its count`, () => {
    expect(errors(sc => set(sc, 'calendar', { start: '1927-05-02', end: '2099-12-31', phases: [{ name: 'Daily', until: '2099-12-31', stepDays: 1 }] }))).toEqual([
      `${FILE}: calendar.end: the calendar has 63067 turns; at most 1000 are allowed (shorten it or lengthen the phases' stepDays)`,
    ]);
    expect(errors(sc => set(sc, 'calendar', { start: '1927-01-01', end: '1929-09-28', phases: [{ name: 'Daily', until: '1929-12-31', stepDays: 1 }] }))).toEqual([
      `${FILE}: calendar.end: the calendar has 1002 turns; at most 1000 are allowed (shorten it or lengthen the phases' stepDays)`,
    ]);
    expect(validateScenario(set(mini(), 'calendar', { start: '1927-01-01', end: '1929-09-26', phases: [{ name: 'Daily', until: '1929-12-31', stepDays: 1 }] }), FILE).ok).toBe(true);
  });

  it('control characters in text (newlines and tabs only in paragraphs)', () => {
    expect(errors(sc => set(sc, 'title', 'Mini\x1b[2J\x1b]0;pwned\x07'))).toEqual([`${FILE}: title: the text holds a control character (U+001B)`]);
    expect(errors(sc => set(sc, 'ministers.0.name', 'Jix\nHicks'))).toEqual([`${FILE}: ministers[0].name: the text holds a control character (U+000A)`]);
    expect(errors(sc => set(sc, 'events.0.text', 'Para one.\n\nPara\ttwo \x9b31m'))).toEqual([
      `${FILE}: events[0].text: the text holds a control character (U+009B); only newlines and tabs are allowed here`,
    ]);
    expect(errors(sc => set(sc, 'personas.0.leanings', { 'rupture\u202e': 10 }))).toEqual([`${FILE}: personas[0].leanings.rupture\u202e: the key holds a control character (U+202E)`]);
    expect(validateScenario(set(mini(), 'briefing', 'Para one.\n\nPara\ttwo, «quoted» — £ and ½.'), FILE).ok).toBe(true);
  });

  it(`nesting deeper than ${MAX_NESTING}: refused before validation recurses, however deep`, () => {
    for (const depth of [70, 1500, 100_000]) {
      let c: Json = { fig: 'tension', gte: 1 };
      for (let k = 0; k < depth; k++) c = { not: c };
      const sc = set(mini(), 'events.1.when', c);
      const r = validateScenario(sc, FILE);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toBe(`${FILE}: events[1].when${'.not'.repeat(61)}: nested more than 64 deep (objects and lists may nest at most 64 levels)`);
    }
    // Just inside the limit is fine.
    let c: Json = { fig: 'tension', gte: 1 };
    for (let k = 0; k < 60; k++) c = { not: c };
    expect(validateScenario(set(mini(), 'events.1.when', c), FILE).ok).toBe(true);
  });
});

describe('turnCount', () => {
  it('agrees with turnDays, on the shipped scenarios and on random calendars', () => {
    for (const f of ['1927', '1929', '1932']) {
      const { calendar } = JSON.parse(readFileSync(`scenarios/${f}.json`, 'utf8')) as { calendar: { start: string; end: string; phases: Phase[] } };
      expect(turnCount(calendar)).toBe(turnDays(calendar.start, calendar.end, calendar.phases).days.length);
    }
    const iso = (d: number) => new Date(Date.UTC(1927, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 800 }),
        fc.array(fc.record({ at: fc.integer({ min: -50, max: 900 }), stepDays: fc.integer({ min: 1, max: 62 }) }), { minLength: 1, maxLength: 5 }),
        (start, length, ps) => {
          const phases = ps.sort((a, b) => a.at - b.at).map((p, k) => ({ name: `p${k}`, until: iso(p.at), stepDays: p.stepDays }));
          const cal = { start: iso(start), end: iso(start + length), phases };
          expect(turnCount(cal)).toBe(turnDays(cal.start, cal.end, cal.phases).days.length);
        },
      ),
      { numRuns: 500 },
    );
  });
});
