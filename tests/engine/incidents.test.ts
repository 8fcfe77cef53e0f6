import { describe, expect, it } from 'vitest';
import { dayOf } from '../../src/engine/calendar';
import { mtthChance } from '../../src/engine/incidents';
import { compile } from '../../src/engine/index';
import { act, ledgerSince, mini, newsSince, Play, quiet, type RawJson, variant, withFigs, withinSigma } from './helpers';

const ev = (raw: { events: { id: string }[] }, id: string) => raw.events.find(e => e.id === id) as RawJson;

describe('scheduled events', () => {
  it('fire on the turn that reaches their date, and not again', () => {
    const sc = quiet();
    const c = compile(sc);
    const TIP = c.eventIndex.get('tip')!;
    const g = new Play(sc);
    g.turn();
    expect(g.s.fired[TIP]).toBe(-1); // 9 May
    g.turn();
    expect(g.day).toBe(dayOf('1927-05-11'));
    expect(g.s.fired[TIP]).toBe(dayOf('1927-05-11'));
    expect(g.s.pending.britain).toEqual([TIP]);
    g.finish();
    expect(g.s.fired[TIP]).toBe(dayOf('1927-05-11'));
    expect(g.moves.filter(m => m.type === 'decide' && m.event === 'tip')).toHaveLength(1);
  });

  it('fire only if `when` holds on that turn; otherwise they lapse', () => {
    const sc = quiet(raw => {
      ev(raw, 'tip').when = { flag: 'published' };
    });
    const c = compile(sc);
    const TIP = c.eventIndex.get('tip')!;
    const no = new Play(sc);
    no.finish();
    expect(no.s.fired[TIP]).toBe(-1);
    const late = new Play(sc);
    late.until('1927-05-11');
    late.turn({ britain: act('publish') }); // published on the 11th, after the event's turn
    late.finish();
    expect(late.s.fired[TIP]).toBe(-1);
    const yes = new Play(sc);
    yes.turn({ britain: act('publish') });
    yes.until('1927-05-11');
    expect(yes.s.fired[TIP]).toBe(dayOf('1927-05-11'));
  });

  it('with a window, fire on the first turn within it on which `when` holds, once', () => {
    const sc = quiet(raw => {
      const t = ev(raw, 'tip');
      t.when = { flag: 'published' };
      t.window = 3;
      t.once = false;
    });
    const c = compile(sc);
    const TIP = c.eventIndex.get('tip')!;
    const g = new Play(sc);
    g.until('1927-05-11');
    g.turn({ britain: act('publish') });
    expect(g.day).toBe(dayOf('1927-05-12'));
    expect(g.s.fired[TIP]).toBe(dayOf('1927-05-12'));
    g.finish();
    expect(g.moves.filter(m => m.type === 'decide' && m.event === 'tip')).toHaveLength(1);
    // after the window it lapses
    const h = new Play(sc);
    h.until('1927-05-15');
    h.turn({ britain: act('publish') });
    h.finish();
    expect(h.s.fired[TIP]).toBe(-1);
  });

  // docs/scenario-format.md: a scheduled event "fires on the first turn dated on or after" its
  // date, even when no turn falls on the date itself (here 20 May, between the turns of 16 and 30 May).
  it('an event dated between two turns fires on the turn that reaches its date', () => {
    const sc = quiet(raw => {
      ev(raw, 'tip').date = '1927-05-20';
    });
    const c = compile(sc);
    const g = new Play(sc);
    g.until('1927-05-21');
    expect(g.day).toBe(dayOf('1927-05-30'));
    expect(g.s.fired[c.eventIndex.get('tip')!]).toBe(dayOf('1927-05-30'));
  });

  it('an event scheduled by an effect fires on the first turn at least that many days later', () => {
    const sc = quiet(raw => {
      raw.actions.find((a: { id: string }) => a.id === 'press').effects.push({ schedule: 'followup', inDays: 8 });
    });
    const c = compile(sc);
    const F = c.eventIndex.get('followup')!;
    const g = new Play(sc);
    g.finish();
    expect(g.s.fired[F]).toBe(-1); // no condition, no date: only when scheduled
    const h = new Play(sc);
    h.turn({ britain: act('press') }); // 2 May + 8 = 10 May: the turn of 11 May
    expect(h.s.fired[F]).toBe(-1);
    h.turn();
    expect(h.day).toBe(dayOf('1927-05-11'));
    expect(h.s.fired[F]).toBe(dayOf('1927-05-11'));
    expect(h.fig('warScare')).toBe(21);
    expect(h.s.scheduled).toEqual([]);
  });
});

describe('triggered events', () => {
  it('with scheduledOnly, fire only when an effect schedules them, and then only if `when` holds', () => {
    const sc = quiet(raw => {
      const p = ev(raw, 'protest');
      p.scheduledOnly = true;
      raw.actions.find((a: { id: string }) => a.id === 'press').effects.push({ schedule: 'protest', inDays: 1 });
    });
    const P = compile(sc).eventIndex.get('protest')!;
    const a = new Play(sc);
    a.turn({ britain: act('raid') }); // `when` holds, but nothing scheduled it
    a.until('1927-05-12');
    expect(a.s.fired[P]).toBe(-1);
    a.turn({ britain: act('press') });
    expect(a.s.fired[P]).toBe(dayOf('1927-05-13'));
    const b = new Play(sc);
    b.turn({ britain: act('press') }); // scheduled, but `when` does not hold on the day
    b.finish();
    expect(b.s.fired[P]).toBe(-1);
  });

  it('fire on the first turn their condition holds, once', () => {
    const sc = quiet();
    const c = compile(sc);
    const P = c.eventIndex.get('protest')!;
    const g = new Play(sc);
    g.turn();
    expect(g.s.fired[P]).toBe(-1);
    g.turn({ britain: act('raid') });
    expect(g.s.fired[P]).toBe(g.day);
    expect(g.fig('warScare')).toBe(25);
    g.finish();
    expect(g.s.fired[P]).toBe(dayOf('1927-05-11'));
    expect(g.fig('warScare')).toBe(25);
  });

  it('fire after a decision makes them true', () => {
    const g = new Play(quiet());
    g.until('1927-05-11');
    g.turn(); // approve the tip: raided
    expect(g.s.fired[g.c.eventIndex.get('protest')!]).toBe(dayOf('1927-05-12'));
  });

  it('with once: false, fire on every turn the condition holds', () => {
    const sc = quiet(raw => {
      ev(raw, 'protest').once = false;
    });
    const g = new Play(sc);
    g.turn({ britain: act('raid') });
    const n0 = g.c.days.length - 1 - g.s.turn;
    g.finish();
    expect(g.fig('warScare')).toBe(20 + 5 * (n0 + 1));
  });
});

describe('random events', () => {
  const sc = mini();
  const c = compile(sc);
  const CI = c.eventIndex.get('comintern')!;
  const chance = (days: number, mtth: number) => 1 - 0.5 ** (days / mtth);

  it('mtthChance is 1 − 0.5^(Δt/mtth), with mtth scaled by the modifiers that hold', () => {
    const sc2 = variant(raw => {
      ev(raw, 'comintern').mtthModifiers = [
        { when: { fig: 'tension', gte: 50 }, factor: 0.5 },
        { when: { fig: 'warScare', gte: 50 }, factor: 0.2 },
      ];
    });
    const c2 = compile(sc2);
    const e = c2.events[c2.eventIndex.get('comintern')!]!;
    const g = new Play(sc2);
    expect(mtthChance(e, g.s, 7)).toBeCloseTo(chance(7, 20), 12);
    expect(mtthChance(e, g.s, 20)).toBeCloseTo(0.5, 12);
    expect(mtthChance(e, withFigs(c2, g.s, { tension: 60 }), 7)).toBeCloseTo(chance(7, 10), 12);
    expect(mtthChance(e, withFigs(c2, g.s, { tension: 60, warScare: 60 }), 7)).toBeCloseTo(chance(7, 2), 12);
  });

  it('do not fire at the start of the game', () => {
    for (let k = 0; k < 200; k++) expect(new Play(sc, `start-${k}`).s.fired[CI]).toBe(-1);
  });

  it('fire with frequency 1 − 0.5^(Δt/mtth): weekly and daily turns', () => {
    const N = 1500;
    let week = 0,
      day = 0;
    for (let k = 0; k < N; k++) {
      const g = new Play(sc, `freq-${k}`);
      g.turn(); // 2 -> 9 May: 7 days
      if (g.s.fired[CI] === g.day) week++;
      g.until('1927-05-12');
      g.turn(); // 12 -> 13 May: 1 day
      if (g.s.fired[CI] === g.day) day++;
    }
    const wk = withinSigma(week, new Array(N).fill(chance(7, 20)));
    expect(wk.ok, `${week} weekly firings, expected ${wk.expected.toFixed(0)} ± ${wk.sd.toFixed(1)}`).toBe(true);
    const dy = withinSigma(day, new Array(N).fill(chance(1, 20)));
    expect(dy.ok, `${day} daily firings, expected ${dy.expected.toFixed(0)} ± ${dy.sd.toFixed(1)}`).toBe(true);
  });

  it('a modifier that holds changes the rate; one that does not, does not', () => {
    const N = 1200;
    const rate = (mods: unknown[]) => {
      const s2 = variant(raw => {
        ev(raw, 'comintern').mtthModifiers = mods;
      });
      let n = 0;
      for (let k = 0; k < N; k++) {
        const g = new Play(s2, `mod-${k}`);
        g.turn();
        if (g.s.fired[CI] === g.day) n++;
      }
      return n;
    };
    const faster = rate([{ when: { fig: 'tension', gte: 0 }, factor: 0.25 }]);
    const w1 = withinSigma(faster, new Array(N).fill(chance(7, 5)));
    expect(w1.ok, `${faster} vs ${w1.expected}`).toBe(true);
    const slower = rate([{ when: { fig: 'tension', gte: 0 }, factor: 4 }]);
    const w2 = withinSigma(slower, new Array(N).fill(chance(7, 80)));
    expect(w2.ok, `${slower} vs ${w2.expected}`).toBe(true);
    const idle = rate([{ when: { fig: 'tension', gte: 90 }, factor: 0.01 }]);
    const w3 = withinSigma(idle, new Array(N).fill(chance(7, 20)));
    expect(w3.ok, `${idle} vs ${w3.expected}`).toBe(true);
    expect(faster).toBeGreaterThan(idle);
    expect(idle).toBeGreaterThan(slower);
  });

  it('an event whose `when` fails does not fire however long the wait', () => {
    const s2 = variant(raw => {
      ev(raw, 'comintern').when = { flag: 'war' };
    });
    for (let k = 0; k < 30; k++) {
      const g = new Play(s2, `never-${k}`);
      g.finish();
      expect(g.s.fired[CI]).toBe(-1);
    }
  });
});

describe('incident responses', () => {
  it("publishing intercepted traffic cuts the side's intelligence by 40, and it recovers 1 a month", () => {
    const g = new Play(quiet());
    const before = g.s;
    g.turn({ britain: act('publish') });
    expect(g.fig('intel.britain')).toBe(30);
    const led = ledgerSince(before, g.s);
    const cut = led.find(e => e.fig === g.c.side.britain.iIntel)!;
    expect(cut).toMatchObject({ delta: -40, cause: 'action:publish', why: 'the other side changes its codes' });
    // publish: standing + 3·S·P/100 (S 3, action publicity 50), war danger + S
    expect(led.find(e => e.fig === g.c.side.britain.iStanding && e.cause === 'action:publish')!.delta).toBeCloseTo(4.5, 9);
    expect(g.fig('tension')).toBe(23);
    expect(g.fig('intel.ussr')).toBe(30);
    const mid = g.s;
    g.finish();
    const rec = ledgerSince(mid, g.s).filter(e => e.fig === g.c.side.britain.iIntel);
    expect(rec.length).toBeGreaterThan(0);
    for (const e of rec) {
      expect(e.cause).toBe('rule:intel-recovers');
      expect(e.delta).toBeCloseTo(1, 9);
    }
  });

  it('intelligence does not fall below 0', () => {
    const g = new Play(
      quiet(raw => {
        raw.sides.britain.intel = 20;
      }),
    );
    g.turn({ britain: act('publish') });
    expect(g.fig('intel.britain')).toBe(0);
  });

  it('exploiting or suppressing a decision incident has the standard consequences', () => {
    const sc = mini();
    // find a seed where the Comintern statement fires on the turn of 9 May
    let seed = '';
    for (let k = 0; !seed && k < 200; k++) {
      const g = new Play(sc, `inc-${k}`);
      g.turn();
      if (g.s.pending.britain.length) seed = `inc-${k}`;
    }
    expect(seed, 'the Comintern statement should fire on 9 May for some seed').not.toBe('');
    const run = (option: string) => {
      const g = new Play(sc, seed);
      g.turn();
      const before = g.s;
      g.move({ type: 'decide', side: 'britain', event: 'comintern', option });
      return { g, led: ledgerSince(before, g.s) };
    };
    const ex = run('exploit');
    // severity 2, publicity 60: standing + 2·2·0.6, tension + 4
    expect(ex.led.find(e => e.fig === ex.g.c.side.britain.iStanding)!.delta).toBeCloseTo(2.4, 9);
    expect(ex.led.find(e => e.fig === ex.g.c.iTension)!.delta).toBeCloseTo(4, 9);
    expect(ex.led.every(e => e.cause === 'option:comintern.exploit')).toBe(true);
    const su = run('ignore');
    // suppress with publicity 60: standing − (60 − 30)/20
    expect(su.led.find(e => e.fig === su.g.c.side.britain.iStanding)!.delta).toBeCloseTo(-1.5, 9);
    expect(su.led.some(e => e.fig === su.g.c.iTension)).toBe(false);
  });

  it("restraint lowers war danger and raises hawkish groups' pressure", () => {
    const sc = quiet(raw => {
      raw.actions.push({
        id: 'calm',
        side: 'britain',
        label: 'Calm',
        description: 'd',
        category: 'diplomacy',
        cost: 0,
        incident: { response: 'restrain', severity: 2 },
        effects: [],
        sources: ['test'],
      });
    });
    const g = new Play(sc);
    g.turn({ britain: act('calm') });
    expect(g.fig('tension')).toBe(16);
    expect(g.fig('pressure.diehards')).toBe(74);
    expect(g.fig('pressure.labour')).toBe(40);
  });
});

describe('decisions', () => {
  it("become pending for their side and block that side's orders until answered", () => {
    const g = new Play(quiet());
    g.until('1927-05-11');
    const TIP = g.c.eventIndex.get('tip')!;
    expect(g.s.pending).toEqual({ britain: [TIP], ussr: [] });
    const r = g.try({ type: 'orders', side: 'britain', orders: [] });
    expect(r).toEqual({ ok: false, error: 'Britain must first decide: A tip' });
    // the other side is not held up
    g.move({ type: 'orders', side: 'ussr', orders: [] });
    expect(g.s.turn).toBe(2);
    // only the right side may answer, with a real option
    expect(g.try({ type: 'decide', side: 'ussr', event: 'tip', option: 'approve' }).ok).toBe(false);
    expect(g.try({ type: 'decide', side: 'britain', event: 'tip', option: 'maybe' })).toEqual({ ok: false, error: '"maybe" is not an option of "A tip"' });
    expect(g.try({ type: 'decide', side: 'britain', event: 'nope', option: 'approve' }).ok).toBe(false);
    const before = g.s;
    g.move({ type: 'decide', side: 'britain', event: 'tip', option: 'refuse' });
    expect(g.s.pending.britain).toEqual([]);
    expect(g.s.chosen[TIP]).toBe(1);
    expect(g.fig('pressure.diehards')).toBe(80);
    expect(newsSince(before, g.s).map(n => n.text)).toContain('Britain: Refuse.');
    // answered once only
    expect(g.try({ type: 'decide', side: 'britain', event: 'tip', option: 'approve' }).ok).toBe(false);
    g.move({ type: 'orders', side: 'britain', orders: [] });
    expect(g.s.turn).toBe(3);
  });
});
