import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvalChance, approvalOdds, logistic, logisticRange, support } from '../../src/engine/cabinet';
import { actionAvailable, compile, createGame } from '../../src/engine/index';
import { act, ledgerSince, mini, newsOf, newsSince, Play, quiet, variant, withFigs, withinSigma } from './helpers';

const sc = mini();
const c = compile(sc);
const s0 = createGame(sc, 'cabinet');
const RUPTURE = c.issueIndex.get('rupture')!;
const vote = (difficulty = 0, direction: 1 | -1 = 1) => ({ issue: RUPTURE, direction, cabinet: true, difficulty, roll: 0, onFail: [], onFailLinked: [] });

describe('support and approval chance', () => {
  it('support is the influence-weighted mean stance of ministers in office, signed by direction', () => {
    // fs -30 (6), hawk 80 (7), swing 0 (4)
    const want = (-30 * 6 + 80 * 7 + 0 * 4) / 17 / 100;
    expect(support(c, s0, 'britain', RUPTURE, 1)).toBeCloseTo(want, 12);
    expect(support(c, s0, 'britain', RUPTURE, -1)).toBeCloseTo(-want, 12);
  });

  it('the chance is the logistic curve of approvalOdds, which logisticRange bounds without the exp', () => {
    const out = new Float64Array(2);
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: -50, max: 150 }), (a, b, st, diff) => {
        const s = withFigs(c, s0, { 'stance.fs.rupture': a, 'stance.hawk.rupture': b, 'standing.britain': st });
        const x = approvalOdds(c, s, 'britain', vote(diff));
        const p = approvalChance(c, s, 'britain', vote(diff));
        expect(p).toBe(logistic(x));
        logisticRange(x, out);
        expect(out[0]).toBeLessThanOrEqual(p);
        expect(out[1]).toBeGreaterThanOrEqual(p);
        // Near enough to tell most chances apart: a 1e-5 band of the odds' exp at most.
        expect(out[1]! - out[0]!).toBeLessThanOrEqual(1e-5);
      }),
    );
    // Odds of any size (every reduction of the exp), and beyond the range logisticRange knows.
    for (let x = -60; x <= 60; x += 0.00731) {
      logisticRange(x, out);
      expect(out[0]! <= logistic(x) && logistic(x) <= out[1]!, `x ${x}`).toBe(true);
    }
    logisticRange(-700, out);
    expect([out[0], out[1]]).toEqual([0, 1]);
  });

  it('support 0, standing 50 and difficulty 0 is an even chance', () => {
    const s = withFigs(c, s0, { 'stance.fs.rupture': 0, 'stance.hawk.rupture': 0, 'standing.britain': 50 });
    expect(approvalChance(c, s, 'britain', vote())).toBeCloseTo(0.5, 12);
  });

  it("support and approval rise with any minister's stance for the move, and fall for the opposite move", () => {
    const stance = fc.integer({ min: -100, max: 100 });
    fc.assert(
      fc.property(stance, stance, stance, fc.constantFrom('fs', 'hawk', 'swing'), fc.integer({ min: 1, max: 100 }), (a, b, x, who, bump) => {
        const base = withFigs(c, s0, { 'stance.fs.rupture': a, 'stance.hawk.rupture': b, 'stance.swing.rupture': x });
        const key = `stance.${who}.rupture`;
        const before = c.figIndex.get(key)!;
        const up = withFigs(c, base, { [key]: Math.min(100, base.fig[before]! + bump) });
        expect(support(c, up, 'britain', RUPTURE, 1)).toBeGreaterThanOrEqual(support(c, base, 'britain', RUPTURE, 1));
        expect(approvalChance(c, up, 'britain', vote())).toBeGreaterThanOrEqual(approvalChance(c, base, 'britain', vote()));
        expect(approvalChance(c, up, 'britain', vote(0, -1))).toBeLessThanOrEqual(approvalChance(c, base, 'britain', vote(0, -1)));
      }),
      { numRuns: 300 },
    );
  });

  it("approval rises strictly with the lead's standing and falls with difficulty", () => {
    let last = -1;
    for (let st = 0; st <= 100; st += 5) {
      const p = approvalChance(c, withFigs(c, s0, { 'standing.britain': st }), 'britain', vote());
      expect(p).toBeGreaterThan(last);
      last = p;
    }
    let prev = 2;
    for (let diff = -100; diff <= 100; diff += 10) {
      const p = approvalChance(c, s0, 'britain', vote(diff));
      expect(p).toBeLessThan(prev);
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
      prev = p;
    }
  });

  it('a resigned minister no longer counts', () => {
    const out = withFigs(c, s0, { 'inOffice.hawk': 0 });
    expect(support(c, out, 'britain', RUPTURE, 1)).toBeCloseTo((-30 * 6) / 10 / 100, 12);
    expect(approvalChance(c, out, 'britain', vote())).toBeLessThan(approvalChance(c, s0, 'britain', vote()));
    // his stance no longer matters at all
    const changed = withFigs(c, out, { 'stance.hawk.rupture': -100 });
    expect(support(c, changed, 'britain', RUPTURE, 1)).toBe(support(c, out, 'britain', RUPTURE, 1));
  });
});

describe('cabinet votes in play', () => {
  // Break relations needs a vote; difficulty 27 makes it close to a coin toss.
  const coin = quiet(raw => {
    raw.actions.find((a: { id: string }) => a.id === 'break').difficulty = 27;
    raw.actions.find((a: { id: string }) => a.id === 'break').onFail = [{ setFlag: 'breakFailed' }, { news: 'The break is shelved.' }];
  });
  const cc = compile(coin);

  it('can fail: over many seeds both outcomes happen, at the predicted frequency', () => {
    const N = 400;
    let passed = 0;
    const ps: number[] = [];
    for (let k = 0; k < N; k++) {
      const g = new Play(coin, `vote-${k}`);
      g.turn({ britain: act('raid') });
      const p = approvalChance(cc, g.s, 'britain', cc.actions[cc.actionIndex.get('break')!]!.vote!);
      ps.push(p);
      const before = g.s;
      g.turn({ britain: act('break') });
      const news = newsSince(before, g.s).map(n => n.text);
      const led = ledgerSince(before, g.s);
      if (g.s.relations === 'ruptured') {
        passed++;
        expect(news.some(t => t.startsWith('The Cabinet approves: Break relations'))).toBe(true);
        expect(g.s.taken[cc.actionIndex.get('break')!]).toBe(cc.days[before.turn]);
        expect(led.some(e => e.cause === 'rule:cabinet-defeat')).toBe(false);
      } else {
        // a defeat: standing -4, onFail applied, the action not taken and still available
        expect(news.some(t => t.startsWith('The Cabinet rejects: Break relations'))).toBe(true);
        expect(news).toContain('The break is shelved.');
        expect(g.s.flags[cc.flagIndex.get('breakFailed')!]).toBeGreaterThanOrEqual(0);
        const defeat = led.filter(e => e.cause === 'rule:cabinet-defeat');
        expect(defeat).toHaveLength(1);
        expect(defeat[0]!.fig).toBe(cc.side.britain.iStanding);
        expect(defeat[0]!.delta).toBeCloseTo(-4, 9);
        expect(g.s.taken[cc.actionIndex.get('break')!]).toBe(-1);
      }
    }
    expect(ps[0]).toBeGreaterThan(0.3);
    expect(ps[0]).toBeLessThan(0.7);
    expect(passed).toBeGreaterThan(0);
    expect(passed).toBeLessThan(N);
    const w = withinSigma(passed, ps);
    expect(w.ok, `passed ${passed}, expected ${w.expected.toFixed(1)} ± ${w.sd.toFixed(1)}`).toBe(true);
  });
});

describe('after a defeat', () => {
  it('the cabinet will not hear the item again for 7 days (or its cooldown, if longer)', () => {
    const hard = (cooldown: number) =>
      quiet(raw => {
        const b = raw.actions.find((a: { id: string }) => a.id === 'break');
        b.difficulty = 100;
        b.cooldownDays = cooldown;
        b.once = false;
      });
    for (const [cooldown, rest] of [
      [0, 7],
      [14, 14],
    ] as const) {
      const sc2 = hard(cooldown);
      const c2 = compile(sc2);
      const B = c2.actions[c2.actionIndex.get('break')!]!;
      let found = false;
      for (let k = 0; k < 30 && !found; k++) {
        const g = new Play(sc2, `rest-${k}`);
        g.turn({ britain: act('raid') });
        g.until('1927-05-11');
        const failedOn = g.day;
        g.turn({ britain: act('break') });
        if (g.s.taken[B.i]! >= 0) continue; // it passed after all
        found = true;
        expect(g.s.failed[B.i]).toBe(failedOn);
        while (!g.s.ended && g.day < failedOn + rest) {
          expect(actionAvailable(c2, g.s, 'britain', B), `day ${g.day - failedOn}`).toBe(false);
          expect(g.try({ type: 'orders', side: 'britain', orders: act('break') })).toEqual({ ok: false, error: '"Break relations" is not available to Britain now' });
          g.turn();
        }
        expect(g.day - failedOn).toBeGreaterThanOrEqual(rest);
        expect(actionAvailable(c2, g.s, 'britain', B)).toBe(true);
      }
      expect(found).toBe(true);
    }
  });
});

describe('moods and resignations', () => {
  // A conciliatory British order: against the hawk's stance.
  const soft = quiet(raw => {
    raw.actions.push({ id: 'conciliate', side: 'britain', label: 'Conciliate', description: 'd', category: 'diplomacy', cost: 0, issue: 'rupture', direction: -1, effects: [], sources: ['test'] });
  });
  const cs = compile(soft);

  it('ministers grow content or sore by 10 × stance/100 × direction after a decision', () => {
    const g = new Play(soft);
    const before = g.s;
    g.turn({ britain: act('conciliate') });
    expect(g.fig('mood.hawk')).toBeCloseTo(50 - 8, 9);
    expect(g.fig('mood.fs')).toBeCloseTo(60 + 3, 9);
    expect(g.fig('mood.swing')).toBe(50);
    const moods = ledgerSince(before, g.s).filter(e => e.cause === 'rule:cabinet-mood');
    expect(moods.map(e => cs.figs[e.fig]!.id).sort()).toEqual(['mood.fs', 'mood.hawk']);
    // the other way round for a hawkish order
    const h = new Play(soft);
    h.turn({ britain: act('raid') });
    expect(h.fig('mood.hawk')).toBeCloseTo(58, 9);
    expect(h.fig('mood.fs')).toBeCloseTo(57, 9);
  });

  it('a minister who may resign does so below resignBelow, and the lead loses 6 standing', () => {
    const g = new Play(soft);
    g.turn({ britain: act('conciliate') });
    expect(g.fig('inOffice.hawk')).toBe(1); // 42 ≥ 40
    const before = g.s;
    g.turn({ britain: act('conciliate') });
    expect(g.fig('mood.hawk')).toBeLessThan(40);
    expect(g.fig('inOffice.hawk')).toBe(0);
    expect(newsSince(before, g.s).map(n => n.text)).toContain('Hawk (Home Secretary) resigns.');
    const cost = ledgerSince(before, g.s).filter(e => e.cause === 'rule:resignation' && e.fig === cs.side.britain.iStanding);
    expect(cost).toHaveLength(1);
    expect(cost[0]!.delta).toBeCloseTo(-6, 9);
    // once out, he no longer counts, and his mood no longer moves
    expect(support(cs, g.s, 'britain', RUPTURE, 1)).toBeCloseTo(-180 / 10 / 100, 12);
    const mood = g.fig('mood.hawk');
    g.turn({ britain: act('conciliate') });
    expect(g.fig('mood.hawk')).toBe(mood);
    expect(g.s.ended).toBeNull();
  });

  it('a mood pushed below the line by an effect also leads to resignation, at the party-reaction stage', () => {
    const sc2 = quiet(raw => {
      raw.actions.push({ id: 'snub', side: 'britain', label: 'Snub', description: 'd', category: 'press', cost: 0, effects: [{ fig: 'mood.hawk', add: -30 }], sources: ['test'] });
    });
    const c2 = compile(sc2);
    const g = new Play(sc2);
    const before = g.s;
    g.turn({ britain: act('snub') });
    expect(g.fig('inOffice.hawk')).toBe(0);
    const led = ledgerSince(before, g.s);
    expect(led.find(e => e.fig === c2.figIndex.get('inOffice.hawk'))!.cause).toBe('rule:resignation');
    expect(led.find(e => e.cause === 'rule:resignation' && e.fig === c2.side.britain.iStanding)!.delta).toBeCloseTo(-6, 9);
  });

  it('a minister who may not resign stays however sore', () => {
    const g = new Play(
      variant(raw => {
        raw.events = raw.events.filter((e: { id: string }) => e.id !== 'comintern');
        raw.ministers.find((m: { id: string }) => m.id === 'fs').mood = 2; // canResign not set
      }),
    );
    g.turn({ britain: act('raid') });
    expect(g.fig('mood.fs')).toBe(0);
    expect(g.fig('inOffice.fs')).toBe(1);
    expect(g.s.ended).toBeNull();
  });

  it("the lead's own resignation ends the game", () => {
    const g = new Play(
      quiet(raw => {
        const fs = raw.ministers.find((m: { id: string }) => m.id === 'fs');
        fs.canResign = true;
        fs.resignBelow = 58;
      }),
    );
    g.turn({ britain: act('raid') });
    expect(g.fig('inOffice.fs')).toBe(0);
    expect(g.s.ended?.reason).toBe('Foreign Sec resigned');
    expect(g.try({ type: 'orders', side: 'britain', orders: [] }).ok).toBe(false);
  });
});

describe('forced agenda items', () => {
  const hot = quiet(raw => {
    raw.groups.find((g: { id: string }) => g.id === 'diehards').pressure = 95;
  });
  const ch = compile(hot);
  const RAID = ch.actionIndex.get('raid')!;

  it('when a demand holds, the action is carried out without the lead ordering it, at no capital cost', () => {
    const g = new Play(hot);
    const before = g.s;
    g.turn();
    expect(g.s.taken[RAID]).toBe(ch.days[0]);
    expect(g.s.flags[ch.flagIndex.get('raided')!]).toBe(ch.days[0]);
    const texts = newsSince(before, g.s).map(n => n.text);
    expect(texts).toContain('Hawk forces "Raid" onto the agenda.');
    const led = ledgerSince(before, g.s);
    expect(led.some(e => e.fig === ch.side.britain.iCapital && e.cause === 'action:raid')).toBe(false);
    // capital: 3 at the start, nothing spent, +3 renewed (max 6)
    expect(g.fig('capital.britain')).toBe(6);
  });

  it('the forced item comes before the orders as given', () => {
    const g = new Play(hot);
    const before = g.s;
    g.turn({ britain: act('press') });
    const texts = newsSince(before, g.s).map(n => n.text);
    const forced = texts.indexOf('Hawk forces "Raid" onto the agenda.');
    const raid = texts.indexOf('Britain: Raid.');
    const press = texts.indexOf('Britain: Brief the press.');
    expect(forced).toBeGreaterThanOrEqual(0);
    expect(forced).toBeLessThan(raid);
    expect(raid).toBeLessThan(press);
  });

  it('if the lead orders the demanded action himself, it is carried out once and paid for', () => {
    const g = new Play(hot);
    const before = g.s;
    g.turn({ britain: act('raid') });
    const texts = newsSince(before, g.s).map(n => n.text);
    expect(texts.filter(t => t === 'Britain: Raid.')).toHaveLength(1);
    expect(texts.some(t => t.includes('forces'))).toBe(false);
    expect(ledgerSince(before, g.s).filter(e => e.fig === ch.side.britain.iCapital && e.cause === 'action:raid')).toHaveLength(1);
  });

  it('no forcing while the demand does not hold, or once the minister is out of office', () => {
    const calm = new Play(quiet());
    calm.turn();
    expect(calm.s.taken[compile(calm.sc).actionIndex.get('raid')!]).toBe(-1);
    const g = new Play(hot);
    g.s = withFigs(ch, g.s, { 'inOffice.hawk': 0 });
    g.turn();
    expect(g.s.taken[RAID]).toBe(-1);
  });

  it("a group's demand forces a cabinet item to a vote", () => {
    const sc2 = quiet(raw => {
      raw.groups.find((g: { id: string }) => g.id === 'diehards').demands = [{ action: 'break', when: { flag: 'raided' } }];
    });
    const c2 = compile(sc2);
    let votes = 0;
    for (let k = 0; k < 10; k++) {
      const g = new Play(sc2, `group-${k}`);
      g.turn({ britain: act('raid') });
      const before = g.s;
      g.turn();
      const texts = newsSince(before, g.s).map(n => n.text);
      expect(texts).toContain('Die-hards forces "Break relations" onto the agenda.');
      if (texts.some(t => /^The Cabinet (approves|rejects): Break relations/.test(t))) votes++;
      expect(ledgerSince(before, g.s).some(e => e.fig === c2.side.britain.iCapital && e.cause === 'action:break')).toBe(false);
    }
    expect(votes).toBe(10);
  });

  it("news of a forced item is the side's own: the agenda is cabinet business", () => {
    const g = new Play(hot);
    g.turn();
    expect(newsOf(g.s).find(n => n.text.includes('forces'))!.side).toBe('britain');
  });
});
