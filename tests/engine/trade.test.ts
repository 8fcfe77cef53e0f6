import { describe, expect, it } from 'vitest';
import { monthIndexOf, monthIndexOfDay } from '../../src/engine/calendar';
import { compile } from '../../src/engine/index';
import { ordersFor } from '../../src/engine/trade';
import { act, Play, quiet, type RawJson } from './helpers';

/** A year-long quiet variant, fortnightly turns, with a break that needs no vote. */
const long = (edit?: (raw: RawJson) => void) =>
  quiet(raw => {
    raw.calendar = {
      start: '1927-05-02',
      end: '1928-04-30',
      phases: [
        { name: 'Weekly', until: '1927-05-16', stepDays: 7 },
        { name: 'Fortnightly', until: '1928-04-30', stepDays: 14 },
      ],
    };
    raw.actions.find((a: { id: string }) => a.id === 'break').cabinet = false;
    edit?.(raw);
  });
const sc = long();
const c = compile(sc);
const START = monthIndexOf('1927-05');
/** Months that end within turn t's span: from its date to the next turn's (the last turn spans one day). */
const crossedBy = (days: number[], t: number) => monthIndexOfDay(days[t + 1] ?? days[t]! + 1) - monthIndexOfDay(days[t]!);

describe('the monthly trade step', () => {
  it('orders placed = base × (1 − diversion/100) × (0.6 + 0.8 × credit/100)', () => {
    expect(ordersFor(1000, 40, 0)).toBeCloseTo(920, 9);
    expect(ordersFor(1000, 40, 25)).toBeCloseTo(690, 9);
    expect(ordersFor(1000, 100, 0)).toBeCloseTo(1400, 9);
    expect(ordersFor(1000, 0, 100)).toBe(0);
  });

  it('runs exactly once for every calendar month crossed, in order, without gaps', () => {
    const g = new Play(sc);
    while (!g.s.ended) {
      const before = g.s;
      g.turn();
      const ran = g.s.trade.length - before.trade.length;
      // a turn runs the trade once for each month that ends within its span (its date to the next turn's)
      expect(ran).toBe(crossedBy(c.days, before.turn));
    }
    const months = g.s.trade.map(m => m.month);
    expect(months[0]).toBe(START);
    months.forEach((m, k) => expect(m).toBe(START + k));
    // every month up to the end has run, and no other
    expect(months.at(-1)).toBe(monthIndexOf('1928-04'));
  });

  it('a turn that crosses two month ends runs two months', () => {
    const wide = quiet(raw => {
      raw.calendar = { start: '1927-05-02', end: '1927-12-31', phases: [{ name: 'Long', until: '1927-12-31', stepDays: 62 }] };
    });
    const cw = compile(wide);
    const g = new Play(wide);
    let twice = 0;
    while (!g.s.ended) {
      const before = g.s;
      g.turn();
      const ran = g.s.trade.length - before.trade.length;
      expect(ran).toBe(crossedBy(cw.days, before.turn));
      if (ran === 2) twice++;
    }
    expect(twice).toBeGreaterThan(0);
    g.s.trade.forEach((m, k) => expect(m.month).toBe(START + k));
  });

  it('the balance is imports − exports − re-exports, in the series and in the figures', () => {
    const g = new Play(sc);
    g.turn({ ussr: act('divert') });
    g.until('1927-09-01');
    g.turn({ britain: act('raid') });
    g.turn({ britain: act('break') });
    g.finish();
    expect(g.s.trade.length).toBeGreaterThan(8);
    for (const m of g.s.trade) expect(m.balance).toBeCloseTo(m.imports - m.exports - m.reExports, 9);
    expect(g.fig('trade.balance')).toBeCloseTo(g.fig('trade.imports') - g.fig('trade.exports') - g.fig('trade.reExports'), 9);
    const last = g.s.trade.at(-1)!;
    expect(g.fig('trade.exports')).toBe(last.exports);
    expect(g.fig('trade.orders')).toBe(last.orders);
  });

  it('exports are the orders placed orderLagMonths earlier; before that, the starting export level', () => {
    const g = new Play(sc);
    g.finish();
    const t = g.s.trade;
    for (let k = 0; k < c.trade.lag; k++) expect(t[k]!.exports).toBe(1000);
    for (let k = c.trade.lag; k < t.length; k++) expect(t[k]!.exports).toBe(t[k - c.trade.lag]!.orders);
  });

  it('diverting orders cuts orders at once but exports only after the lag', () => {
    const control = new Play(sc);
    control.finish();
    const g = new Play(sc);
    g.until('1927-08-15'); // the pipeline (lag 2) is full by now
    expect(g.s.trade.length).toBeGreaterThanOrEqual(c.trade.lag);
    g.turn({ ussr: act('divert') });
    g.finish();
    const a = control.s.trade,
      b = g.s.trade;
    expect(b.length).toBe(a.length);
    const first = b.findIndex((m, k) => m.orders !== a[k]!.orders);
    expect(first).toBeGreaterThanOrEqual(c.trade.lag);
    expect(b[first]!.orders).toBeCloseTo(a[first]!.orders * 0.75, 9);
    for (let k = 0; k < first + c.trade.lag; k++) expect(b[k]!.exports).toBe(a[k]!.exports);
    for (let k = first + c.trade.lag; k < b.length; k++) expect(b[k]!.exports).toBeLessThan(a[k]!.exports);
    expect(first + c.trade.lag).toBeLessThan(b.length);
  });

  // Orders cut in 1927 showed only in the 1928 figures (thesis L4753-4767): even a diversion on
  // the first turn must not reach exports before the lag.
  it('a diversion ordered on the first turn reaches exports only after the lag', () => {
    const control = new Play(sc);
    control.finish();
    const g = new Play(sc);
    g.turn({ ussr: act('divert') });
    g.finish();
    const a = control.s.trade,
      b = g.s.trade;
    expect(b[0]!.orders).toBeLessThan(a[0]!.orders);
    for (let k = 0; k < c.trade.lag; k++) expect(b[k]!.exports).toBe(a[k]!.exports);
    expect(b[c.trade.lag]!.exports).toBeLessThan(a[c.trade.lag]!.exports);
  });

  it('a rupture cuts re-exports toward 35% of the base, halving the gap each month; imports hold at 95%', () => {
    const control = new Play(sc);
    control.finish();
    const g = new Play(sc);
    g.turn({ britain: act('raid') });
    g.turn({ britain: act('break') });
    expect(g.s.relations).toBe('ruptured');
    g.finish();
    const a = control.s.trade,
      b = g.s.trade;
    for (const m of a) {
      expect(m.reExports).toBeCloseTo(400, 9);
      expect(m.imports).toBe(1800);
    }
    let prev = 400;
    for (const m of b) {
      expect(m.reExports).toBeCloseTo(prev + (0.35 * 400 - prev) * 0.5, 9);
      expect(m.imports).toBeCloseTo(1800 * 0.95, 9);
      prev = m.reExports;
    }
    expect(b.at(-1)!.reExports).toBeLessThan(0.4 * 400);
    // the balance widens in the Soviet favour... by less than the re-exports lost, as imports dip
    expect(b.at(-1)!.balance - a.at(-1)!.balance).toBeCloseTo(a.at(-1)!.reExports - b.at(-1)!.reExports - 0.05 * 1800, 9);
  });

  it('restored relations bring re-exports back toward the base', () => {
    const sc2 = long(raw => {
      raw.actions.push({
        id: 'restore',
        side: 'britain',
        label: 'Restore',
        description: 'd',
        category: 'diplomacy',
        cost: 0,
        when: { relations: ['ruptured'] },
        effects: [{ relations: 'full' }],
        sources: ['test'],
      });
    });
    const g = new Play(sc2);
    g.turn({ britain: act('raid') });
    g.turn({ britain: act('break') });
    g.until('1927-10-01');
    const low = g.fig('trade.reExports');
    g.turn({ britain: act('restore') });
    g.finish();
    expect(g.fig('trade.reExports')).toBeGreaterThan(low);
    expect(g.s.trade.at(-1)!.imports).toBe(1800);
  });

  // game.ts: "Slow drifts run once for each calendar month the turn completes". The turn dated
  // 30 May 1927 runs to 13 June, so it completes May: a player looking at the 13 June turn sees
  // the May figures.
  it("a month's trade has run by the first turn dated in the next month", () => {
    const g = new Play(sc);
    g.until('1927-05-30');
    expect(g.s.trade).toEqual([]);
    g.turn();
    expect(monthIndexOfDay(g.day)).toBe(monthIndexOf('1927-06'));
    expect(g.s.trade.map(m => m.month)).toEqual([monthIndexOf('1927-05')]);
  });
});

describe('base levels that events can move', () => {
  it("a famine that halves Soviet sales shows in the next month's imports and balance", () => {
    const famine = long(raw => {
      raw.actions.find((a: { id: string }) => a.id === 'scare').effects.push({ fig: 'trade.baseImports', set: 900 });
    });
    const g = new Play(famine);
    g.until('1927-06-01');
    const before = g.fig('trade.imports');
    g.turn({ ussr: act('scare') });
    g.until('1927-07-01');
    expect(before).toBe(1800);
    expect(g.fig('trade.baseImports')).toBe(900);
    expect(g.fig('trade.imports')).toBe(900);
    expect(g.fig('trade.balance')).toBe(900 - g.fig('trade.exports') - g.fig('trade.reExports'));
  });
});
