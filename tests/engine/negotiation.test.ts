import { describe, expect, it } from 'vitest';
import { dayOf } from '../../src/engine/calendar';
import { answerable, canOffer, compile, createGame, SIDES, seatCommons, seatState, seatView } from '../../src/engine/index';
import { acceptance, packageValue } from '../../src/engine/negotiation';
import { commonsChance } from '../../src/engine/parliament';
import type { Order, Terms } from '../../src/engine/types';
import { loadScenarioFile } from '../loadScenario';
import { act, ledgerSince, newsSince, Play, quiet, withFigs, withinSigma } from './helpers';

const sc = quiet();
const c = compile(sc);
const PLEDGE: Terms = { propaganda: 'pledge' };
const NONE: Terms = { propaganda: 'none' };
const offer = (terms: Terms): Order => ({ kind: 'offer', terms });
const reply = (n: number, accept: boolean): Order => ({ kind: 'reply', offer: n, accept });

describe('notes in transit', () => {
  // Once a leak: a note was numbered by every note sent so far, the other side's unseen ones on their
  // way included, so the Soviet Union's first note, sent while Britain's was on its way, was "note 2".
  // Each side now numbers its own notes (old saves are renumbered: save.test.ts).
  it('a note numbers the same whether or not the other side has a note on its way', () => {
    const withTheirs = new Play(sc),
      without = new Play(sc);
    withTheirs.until('1927-05-11');
    without.until('1927-05-11');
    withTheirs.turn({ britain: [offer(NONE)], ussr: [offer(PLEDGE)] });
    without.turn({ ussr: [offer(PLEDGE)] });
    expect(withTheirs.s.offers.find(o => o.from === 'britain')!.status).toBe('sent');
    const view = (g: Play) => seatView(c, g.s, 'ussr');
    expect(view(withTheirs).offers).toEqual(view(without).offers);
    const said = (g: Play) => view(g).news.map(n => `${n.text} ${n.cause}`);
    expect(said(withTheirs)).toEqual(said(without));
  });

  it("numbers a note one past its sender's highest, so a search's world lacking a note it never received numbers none twice", () => {
    // As a British seat's world has it (sample.ts): Soviet note 1 lapsed on its way, never seen, so only Soviet note 2 is there.
    const g = new Play(sc);
    g.until('1927-05-11');
    g.s = { ...g.s, offers: [{ n: 2, from: 'ussr', terms: PLEDGE, sentDay: g.day - 21, arrivesDay: g.day - 14, status: 'rejected' }] };
    g.turn({ ussr: [offer(NONE)], britain: [offer(NONE)] });
    expect(g.s.offers.map(o => `${o.from} ${o.n}`)).toEqual(['ussr 2', 'britain 1', 'ussr 3']);
  });

  it('arrive after replyDays, and are hidden from the receiver until then', () => {
    const g = new Play(sc);
    g.until('1927-05-11');
    g.turn({ ussr: [offer(PLEDGE)] }); // sent 11 May, arrives 18 May
    expect(g.s.offers).toHaveLength(1);
    expect(g.s.offers[0]).toMatchObject({ n: 1, from: 'ussr', sentDay: dayOf('1927-05-11'), arrivesDay: dayOf('1927-05-18'), status: 'sent' });
    while (g.day < dayOf('1927-05-18')) {
      expect(seatView(c, g.s, 'britain').offers).toEqual([]);
      expect(seatView(c, g.s, 'ussr').offers).toHaveLength(1);
      expect(JSON.stringify(seatView(c, g.s, 'britain'))).not.toContain('pledge');
      expect(answerable(g.s, 'britain')).toEqual([]);
      expect(g.try({ type: 'orders', side: 'britain', orders: [reply(1, true)] })).toEqual({ ok: false, error: 'Soviet note 1 is not awaiting your answer' });
      g.turn();
    }
    // the first turn on or after 18 May: 30 May
    expect(g.day).toBe(dayOf('1927-05-30'));
    expect(g.s.offers[0]!.status).toBe('delivered');
    const v = seatView(c, g.s, 'britain');
    expect(v.offers.map(o => o.terms)).toEqual([PLEDGE]);
    expect(v.news.map(n => n.text)).toContain('Soviet note 1 arrives with proposals.');
    expect(seatView(c, g.s, 'ussr').news.map(n => n.text)).not.toContain('Soviet note 1 arrives with proposals.');
    expect(answerable(g.s, 'britain').map(o => o.n)).toEqual([1]);
    expect(answerable(g.s, 'ussr')).toEqual([]);
  });

  it('a note sent on a weekly turn arrives on the next turn, and costs offerCost capital', () => {
    const g = new Play(sc);
    const before = g.s;
    g.turn({ ussr: [offer(PLEDGE)] });
    const cost = ledgerSince(before, g.s).filter(e => e.cause === 'rule:offer');
    expect(cost).toHaveLength(1);
    expect(cost[0]).toMatchObject({ fig: c.side.ussr.iCapital, delta: -1 });
    expect(g.day).toBe(dayOf('1927-05-09'));
    expect(g.s.offers[0]!.status).toBe('delivered');
  });

  it('an offer must name a known option for every term, and only one a turn', () => {
    const g = new Play(sc);
    const bad = (terms: Terms) => g.try({ type: 'orders', side: 'britain', orders: [offer(terms)] });
    expect(bad({})).toEqual({ ok: false, error: 'the offer says nothing on "Propaganda"' });
    expect(bad({ propaganda: 'everything' })).toEqual({ ok: false, error: '"everything" is not an option for "Propaganda"' });
    expect(bad({ propaganda: 'none', debts: 'paid' })).toEqual({ ok: false, error: 'there is no term "debts"' });
    expect(g.try({ type: 'orders', side: 'britain', orders: [offer(NONE), offer(PLEDGE)] })).toEqual({ ok: false, error: 'only one offer a turn' });
  });
});

describe('one outstanding note a side', () => {
  it('a side with a note awaiting an answer may not send another; the other side may', () => {
    const g = new Play(sc);
    g.turn({ ussr: [offer(PLEDGE)] });
    expect(canOffer(c, g.s, 'ussr')).toBe(false);
    expect(canOffer(c, g.s, 'britain')).toBe(true);
    g.decideAll();
    expect(g.try({ type: 'orders', side: 'ussr', orders: [offer(NONE)] })).toEqual({ ok: false, error: 'a note of yours is still awaiting an answer' });
    g.turn({ britain: [offer(NONE)] });
    expect(g.s.offers.map(o => [o.from, o.status])).toEqual([
      ['ussr', 'delivered'],
      ['britain', 'sent'],
    ]);
  });

  it('once answered (here rejected), the sender may send again', () => {
    const g = new Play(sc);
    g.turn({ ussr: [offer(PLEDGE)] });
    const before = g.s;
    g.turn({ britain: [reply(1, false)] });
    expect(g.s.offers[0]!.status).toBe('rejected');
    expect(newsSince(before, g.s).map(n => n.text)).toContain('Britain rejects Soviet note 1.');
    expect(canOffer(c, g.s, 'ussr')).toBe(true);
    expect(g.try({ type: 'orders', side: 'britain', orders: [reply(1, true)] }).ok).toBe(false);
  });

  it('unanswered notes lapse after two reply periods', () => {
    const g = new Play(sc);
    g.turn({ ussr: [offer(PLEDGE)] }); // arrives 9 May
    g.until('1927-05-16');
    expect(g.s.offers[0]!.status).toBe('delivered');
    const before = g.s;
    g.turn(); // 16 May -> 30 May: past 9 + 14 = 23 May
    expect(g.s.offers[0]!.status).toBe('lapsed');
    expect(newsSince(before, g.s).map(n => n.text)).toContain('Soviet note 1 lapses unanswered.');
    expect(answerable(g.s, 'britain')).toEqual([]);
    expect(canOffer(c, g.s, 'ussr')).toBe(true);
  });

  it('no notes while the negotiation is closed', () => {
    const closed = quiet(raw => {
      raw.negotiation.when = { relations: ['ruptured'] };
    });
    const cc = compile(closed);
    const g = new Play(closed);
    expect(canOffer(cc, g.s, 'britain')).toBe(false);
    expect(g.try({ type: 'orders', side: 'britain', orders: [offer(NONE)] })).toEqual({ ok: false, error: 'there is no channel for negotiation now' });
  });
});

describe('acceptance', () => {
  const g = new Play(sc);
  const s0 = g.s;

  it("a minister accepts when the package's value less half his stance is at least 0", () => {
    expect(packageValue(c, PLEDGE, 'britain')).toBe(40);
    expect(packageValue(c, PLEDGE, 'ussr')).toBe(-10);
    // Britain, pledge (40): fs −30 → 55, hawk 80 → 0, swing 0 → 40: all accept
    expect(acceptance(c, s0, 'britain', PLEDGE).share).toBe(1);
    // Britain, none (−40): nobody
    expect(acceptance(c, s0, 'britain', NONE).share).toBe(0);
    // USSR, pledge (−10): dc 40 → −30 no; boss −20 → 0 yes (influence 9 of 14)
    expect(acceptance(c, s0, 'ussr', PLEDGE).share).toBeCloseTo(9 / 14, 12);
  });

  it("the share falls as a minister turns hawkish on his side's negotiation issue", () => {
    const hawkish = withFigs(c, s0, { 'stance.hawk.rupture': 100 });
    expect(acceptance(c, hawkish, 'britain', PLEDGE).share).toBeCloseTo(10 / 17, 12);
    expect(acceptance(c, hawkish, 'britain', PLEDGE).chance).toBeLessThan(acceptance(c, s0, 'britain', PLEDGE).chance);
    let last = 2;
    for (let st = -100; st <= 100; st += 20) {
      const share = acceptance(c, withFigs(c, s0, { 'stance.boss.conciliation': st, 'stance.dc.conciliation': st }), 'ussr', PLEDGE).share;
      expect(share).toBeLessThanOrEqual(last);
      last = share;
    }
    expect(last).toBe(0);
    // ...and a minister out of office has no say
    expect(acceptance(c, withFigs(c, hawkish, { 'inOffice.hawk': 0 }), 'britain', PLEDGE).share).toBe(1);
  });

  it("a term's pull is the package's share less the share were the term worth nothing to the side", () => {
    // Britain: fs (hardness −15), swing (0) and hawk (40, influence 7 of 17); a package worth 0 wins fs and swing.
    expect(acceptance(c, s0, 'britain', PLEDGE).terms).toEqual([{ term: 'propaganda', option: 'pledge', value: 40, pull: 7 / 17 }]);
    expect(acceptance(c, s0, 'britain', NONE).terms[0]!.pull).toBeCloseTo(-10 / 17, 12);
    // USSR, pledge (−10): the Deputy (hardness 20) refuses it even worth nothing, the Boss accepts either way: no vote turns on it.
    expect(acceptance(c, s0, 'ussr', PLEDGE).terms[0]!.pull).toBe(0);
  });

  it("no term's figure contradicts the package's: with the whole cabinet for it no term pulls against, with none for it none pulls for, and a term pulls only its value's way", () => {
    // Many terms at once (1932), where a share per term taken alone once read "0%" beside a package the whole cabinet backed.
    const sc32 = loadScenarioFile('1932');
    const c32 = compile(sc32);
    const s = createGame(sc32, 'pulls');
    let seen1 = 0;
    for (let k = 0; k < 400; k++) {
      const terms: Terms = {};
      c32.terms.forEach((t, j) => {
        terms[t.id] = t.options[(k * (j + 3) + j * j) % t.options.length]!.id;
      });
      for (const side of SIDES) {
        const a = acceptance(c32, s, side, terms);
        if (a.share === 1) seen1++;
        for (const t of a.terms) {
          if (a.share === 1) expect(t.pull).toBeGreaterThanOrEqual(0);
          if (a.share === 0) expect(t.pull).toBeLessThanOrEqual(0);
          if (t.value >= 0) expect(t.pull).toBeGreaterThanOrEqual(0);
          if (t.value <= 0) expect(t.pull).toBeLessThanOrEqual(0);
        }
      }
    }
    expect(seen1).toBeGreaterThan(0);
  });

  it('the Commons odds a seat is shown are the ones the engine rolls, with the party groups pressing against any agreement', () => {
    for (const side of SIDES) {
      const odds = seatCommons(c, seatState(seatView(c, s0, side)))!;
      expect(odds.chance).toBe(commonsChance(c, s0, c.issueIndex.get('rupture')!, -1));
      expect(odds.against.map(x => [c.groups[x.group]!.name, x.pressure])).toEqual([['Die-hards', 70]]);
    }
    const noVote = compile(quiet(raw => void (raw.negotiation.commonsVote = false)));
    expect(
      seatCommons(
        noVote,
        seatState(
          seatView(
            noVote,
            createGame(
              quiet(raw => void (raw.negotiation.commonsVote = false)),
              'x',
            ),
            'britain',
          ),
        ),
      ),
    ).toBeNull();
  });

  it('the chance to ratify is logistic(8 × (share − 0.5) + (standing − 50)/25)', () => {
    const a = acceptance(c, s0, 'ussr', PLEDGE);
    expect(a.chance).toBeCloseTo(1 / (1 + Math.exp(-(8 * (9 / 14 - 0.5) + (55 - 50) / 25))), 12);
    const high = acceptance(c, withFigs(c, s0, { 'standing.ussr': 90 }), 'ussr', PLEDGE).chance;
    expect(high).toBeGreaterThan(a.chance);
  });
});

describe('ratification', () => {
  it("an accepted note is ratified or fails by the cabinets' and the Commons' rolls, at the predicted rate", () => {
    const N = 400;
    let ratified = 0,
      failed = 0;
    const ps: number[] = [];
    for (let k = 0; k < N; k++) {
      const g = new Play(sc, `ratify-${k}`);
      g.turn({ ussr: [offer(PLEDGE)] });
      const s = g.s;
      ps.push(acceptance(c, s, 'ussr', PLEDGE).chance * acceptance(c, s, 'britain', PLEDGE).chance * commonsChance(c, s, c.issueIndex.get('rupture')!, -1));
      g.turn({ britain: [reply(1, true)] });
      const led = ledgerSince(s, g.s);
      const news = newsSince(s, g.s).map(n => n.text);
      const o = g.s.offers[0]!;
      if (o.status === 'ratified') {
        ratified++;
        expect(g.s.agreed).toEqual(PLEDGE);
        expect(g.s.flags[c.flagIndex.get('pledged')!]).toBe(dayOf('1927-05-09'));
        expect(
          led
            .filter(e => e.cause === 'rule:agreement')
            .map(e => [e.fig, e.delta])
            .sort(),
        ).toEqual(
          [
            [c.side.britain.iStanding, 5],
            [c.side.ussr.iStanding, 5],
          ].sort(),
        );
        expect(news.some(t => t.startsWith('Soviet note 1 is accepted') && t.endsWith('The agreement is binding.'))).toBe(true);
      } else {
        failed++;
        expect(o.status).toBe('failed');
        expect(g.s.agreed).toEqual({});
        expect(g.s.flags[c.flagIndex.get('pledged')!]).toBe(-1);
        expect(led.some(e => e.cause === 'rule:agreement')).toBe(false);
        const t = news.find(x => x.startsWith('Soviet note 1 is accepted'))!;
        expect(t.endsWith('It does not take effect.')).toBe(true);
        // a cabinet that refuses costs its lead 3; the Commons throwing it out costs none
        const refusals = (t.match(/refuses/g) ?? []).length;
        expect(led.filter(e => e.cause === 'rule:ratification-failed')).toHaveLength(refusals);
        for (const e of led.filter(x => x.cause === 'rule:ratification-failed')) expect(e.delta).toBe(-3);
        if (refusals === 0) expect(t).toContain('the Commons throws it out');
      }
    }
    expect(ratified).toBeGreaterThan(0);
    expect(failed).toBeGreaterThan(0);
    const w = withinSigma(ratified, ps);
    expect(w.ok, `ratified ${ratified}, expected ${w.expected.toFixed(1)} ± ${w.sd.toFixed(1)}`).toBe(true);
  });

  it('without a Commons vote, only the cabinets decide', () => {
    const noVote = quiet(raw => {
      raw.negotiation.commonsVote = false;
    });
    const cn = compile(noVote);
    let ok = 0;
    const ps: number[] = [];
    for (let k = 0; k < 300; k++) {
      const g = new Play(noVote, `nv-${k}`);
      g.turn({ ussr: [offer(PLEDGE)] });
      ps.push(acceptance(cn, g.s, 'ussr', PLEDGE).chance * acceptance(cn, g.s, 'britain', PLEDGE).chance);
      g.turn({ britain: [reply(1, true)] });
      if (g.s.offers[0]!.status === 'ratified') ok++;
    }
    expect(withinSigma(ok, ps).ok).toBe(true);
  });

  it("ratified terms' effects and onRatified apply: relations restored after a break", () => {
    const sc2 = quiet(raw => {
      raw.actions.find((a: { id: string }) => a.id === 'break').cabinet = false;
    });
    const c2 = compile(sc2);
    let done = false;
    for (let k = 0; k < 50 && !done; k++) {
      const g = new Play(sc2, `restore-${k}`);
      g.turn({ britain: act('raid') });
      g.turn({ britain: act('break'), ussr: [offer(PLEDGE)] });
      expect(g.s.relations).toBe('ruptured');
      g.until('1927-05-16'); // the note arrives
      expect(g.s.relations).toBe('ruptured');
      g.decideAll();
      g.turn({ britain: [reply(1, true)] });
      if (g.s.offers[0]!.status !== 'ratified') {
        expect(g.s.relations).toBe('ruptured');
        continue;
      }
      done = true;
      expect(g.s.relations).toBe('full');
      expect(g.s.agreed).toEqual(PLEDGE);
      expect(g.s.flags[c2.flagIndex.get('pledged')!]).toBeGreaterThanOrEqual(0);
    }
    expect(done).toBe(true);
  });
});
