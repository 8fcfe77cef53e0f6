// 1932 version 9: once a new agreement is binding (the negotiation's `newAgreement` flag, set when a
// note is ratified) the game stops treating the 1930 agreement as the one in force.
// - Every note carries a credit term, which sets the credit figure (creditMonths). No order moves the
//   figure afterwards (lengthen-credit, shorten-credit, revolving-credit), nor do the Cabinet's credit
//   decisions of 5 September (credit-waiver) and 21 December (revolving-credit-cabinet): an agreed
//   two-year term stays two years, and Moscow's "Obtain two-year credit" scores in full. A playtest
//   of version 8 took an agreed 24 months to 12 with two uses of shorten-credit (the objective at 0).
//   Each credit term sets the figure to its own length: eighteen months did so only from below, so
//   an agreed eighteen left 24 or more standing (and the objective in full) if Britain had lengthened.
// - Litvinov's weighing of the British hints of denunciation (litvinov-threat), and Sokolnikov's
//   farewell question about denunciation that schedules it (sokolnikov-farewell), no longer come.
// - What players read after it (the issue's stance labels on the ministers' cards, orders and
//   options open to them, events that fire, the objectives) does not call the 1930 agreement the one
//   in force.
// The agreement is reached in play: Britain plays history's orders and decisions until the channel
// opens, then sends a note with two years' credit, which Moscow accepts; after ratification Britain
// gives shorten-credit, lengthen-credit or revolving-credit whenever its desk offers them.
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, makePlayer, nextMove, type Player, toMove } from '../../src/ai/index';
import { applyMove, compile, createGame, type GameState, isoOf, type Order, SIDES, score, seatView } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1932');
const c = compile(sc);
const TERMS = {
  balance: 'four-years',
  credit: 'twentyfour',
  mfn: 'modified',
  article21: 'price-undertaking',
  lena: 'settle',
  propaganda: 'pledge-1929',
  shipping: 'british-ships',
};
const CREDIT_ORDERS = ['lengthen-credit', 'shorten-credit', 'revolving-credit'];
const flagOn = (s: { flags: readonly number[] }, f: string) => s.flags[c.flagIndex.get(f)!]! >= 0;
const fig = (s: GameState, f: string) => s.fig[c.figIndex.get(f)!]!;
const ev = (id: string) => c.events.find(e => e.id === id)!;

function britain(terms: Record<string, string> = TERMS, lengthenFirst = false): Player {
  const h = makePlayer('historical', sc, 'britain');
  return {
    kind: 'agree-then-move-credit',
    decide: (ctx, e) => h.decide(ctx, e),
    orders: ctx => {
      const v = ctx.view;
      if (flagOn(v, 'newAgreement')) {
        const credit = v.available.map(i => c.actions[i]!).filter(a => CREDIT_ORDERS.includes(a.id));
        return credit.length ? [{ kind: 'action', id: credit[0]!.id }] : h.orders(ctx);
      }
      const waiting = v.offers.some(o => o.from === 'britain' && (o.status === 'sent' || o.status === 'delivered' || o.status === 'accepted'));
      if (v.canOffer && !waiting) return [{ kind: 'offer', terms }];
      const lengthen = c.actions.find(a => a.id === 'lengthen-credit')!;
      if (lengthenFirst && !waiting && v.available.includes(lengthen.i) && v.figures[c.figIndex.get('creditMonths')!]! < 24) return [{ kind: 'action', id: lengthen.id }];
      return h.orders(ctx);
    },
  };
}

function ussr(): Player {
  const h = makePlayer('historical', sc, 'ussr');
  return {
    kind: 'accepts-any-note',
    decide: (ctx, e) => h.decide(ctx, e),
    orders: ctx => {
      const note = ctx.view.offers.find(o => o.from === 'britain' && o.status === 'delivered');
      const reply: Order[] = note ? [{ kind: 'reply', offer: note.n, accept: true }] : [];
      return [...reply, ...h.orders(ctx).filter(o => o.kind === 'action')];
    },
  };
}

interface Played {
  seed: string;
  end: GameState;
  agreedDay: number;
  /** The credit figure before the move that made the agreement binding. */
  creditAtAgreement: number;
  /** Credit orders open to Britain, and credit events fired, once the agreement was binding. */
  opened: string[];
  /** What the seats read, once the agreement was binding, that names the 1930 agreement. */
  texts: string[];
}

function play(seed: string, terms: Record<string, string> = TERMS, lengthenFirst = false): Played {
  const players = { britain: britain(terms, lengthenFirst), ussr: ussr() };
  const rngs = { britain: aiRng(seed, 'britain'), ussr: aiRng(seed, 'ussr') };
  let s = createGame(sc, seed, { record: false });
  let agreedDay = -1;
  let creditAtAgreement = -1;
  const opened: string[] = [];
  const texts = new Set<string>();
  const read = (where: string, t: string | undefined) => {
    if (t && /1930 agreement|temporary commercial agreement|agreement of 1930/i.test(t)) texts.add(`${where}: ${t}`);
  };
  for (let guard = 0; !s.ended && guard < 100000; guard++) {
    const side = SIDES.find(x => toMove(s, x))!;
    const view = seatView(c, s, side, AI_VIEW);
    if (agreedDay >= 0) {
      for (const i of view.available) {
        const a = c.actions[i]!;
        if (CREDIT_ORDERS.includes(a.id)) opened.push(`${isoOf(c.days[s.turn]!)} ${side} may order ${a.id}`);
        read(`order ${a.id}`, a.label);
        read(`order ${a.id}`, a.description);
      }
      for (const i of view.pending) {
        const e = c.events[i]!;
        read(`event ${e.id}`, e.title);
        read(`event ${e.id}`, e.text);
        read(`event ${e.id}`, e.decision?.prompt);
        for (const o of e.decision?.options ?? []) {
          read(`event ${e.id}`, o.label);
          read(`event ${e.id}`, o.text);
        }
      }
      for (const n of view.news) if (n.day >= agreedDay) read('news', n.text);
    }
    const r = applyMove(sc, s, nextMove(c, view, players[side], rngs[side])!);
    if (!r.ok) throw new Error(`${seed}: ${r.error}`);
    const next = r.value;
    if (agreedDay < 0 && flagOn(next, 'newAgreement')) {
      agreedDay = c.days[next.turn]!;
      creditAtAgreement = fig(s, 'creditMonths');
    } else if (agreedDay >= 0)
      for (const id of ['credit-waiver', 'revolving-credit-cabinet', 'litvinov-threat', 'sokolnikov-farewell']) {
        const i = ev(id).i;
        if (next.fired[i] !== s.fired[i]) opened.push(`${isoOf(c.days[next.turn]!)} ${id} fires`);
      }
    s = next;
  }
  return { seed, end: s, agreedDay, creditAtAgreement, opened, texts: [...texts] };
}

// Seeds whose note is ratified (the Commons may turn one down), found once and kept.
const GAMES = ['agree-0', 'agree-1', 'agree-2', 'agree-3', 'agree-4', 'agree-5'].map(seed => play(seed)).filter(g => g.agreedDay >= 0);
// Britain lengthens the credit to two years (as its Cabinet allows) before the talks, then agrees eighteen months.
const EIGHTEEN = ['longer-0', 'longer-1', 'longer-2', 'longer-3', 'longer-4', 'longer-5']
  .map(seed => play(seed, { ...TERMS, credit: 'eighteen', lena: 'reserved', shipping: 'none' }, true))
  .filter(g => g.agreedDay >= 0);

describe('1932: a new agreement binding', () => {
  it('is reached in some of the games, with the two-year credit term', () => {
    expect(GAMES.length).toBeGreaterThanOrEqual(2);
    for (const g of GAMES) expect(g.end.agreed.credit, g.seed).toBe('twentyfour');
  });

  it('closes the orders and Cabinet decisions that move the credit figure: an agreed two years stays two years', () => {
    for (const g of GAMES) {
      expect(
        g.opened.filter(o => !/litvinov|sokolnikov/.test(o)),
        g.seed,
      ).toEqual([]);
      if (flagOn(g.end, 'sovietDefault')) continue; // a default cuts credit whatever was agreed
      expect(fig(g.end, 'creditMonths'), g.seed).toBe(24);
      const credit = score(c, g.end, 'ussr').objectives.find(o => o.id === 'credit')!;
      expect(credit.label).toBe('Obtain two-year credit');
      expect(credit.achieved, g.seed).toBe(1);
    }
  });

  it('holds the credit to an agreed eighteen months, however long it was before (every term sets the figure)', () => {
    expect(EIGHTEEN.length).toBeGreaterThanOrEqual(2);
    const before = EIGHTEEN.filter(g => g.creditAtAgreement > 18);
    expect(before.length, 'games in which the credit ran beyond eighteen months before the agreement').toBeGreaterThan(0);
    for (const g of EIGHTEEN) {
      expect(g.end.agreed.credit, g.seed).toBe('eighteen');
      expect(
        g.opened.filter(o => !/litvinov|sokolnikov/.test(o)),
        g.seed,
      ).toEqual([]);
      if (!flagOn(g.end, 'sovietDefault')) expect(fig(g.end, 'creditMonths'), g.seed).toBe(18);
    }
  });

  it("brings no more of Litvinov's weighing of the hints of denunciation, nor Sokolnikov's question that leads to it", () => {
    for (const g of GAMES) {
      expect(
        g.opened.filter(o => /litvinov|sokolnikov/.test(o)),
        g.seed,
      ).toEqual([]);
      expect(g.end.fired[ev('litvinov-threat').i]!, g.seed).toBeLessThan(g.agreedDay);
    }
    // Each is closed by the agreement alone, whoever schedules it.
    const s = createGame(sc, 'closed', { record: false });
    const agreed = { ...s, flags: s.flags.slice() };
    agreed.flags[c.flagIndex.get('newAgreement')!] = c.days[0]!;
    for (const id of ['litvinov-threat', 'sokolnikov-farewell', 'credit-waiver', 'revolving-credit-cabinet']) {
      const e = ev(id);
      expect(e.when === null || e.when(agreed), id).toBe(false);
    }
  });

  it('is not contradicted by what the players read after it: the 1930 agreement is not the one in force', () => {
    for (const g of GAMES) expect(g.texts, g.seed).toEqual([]);
    // Texts read all game long: the stance bars on the ministers' cards, the objectives, the aims.
    const issue = sc.issues.find(i => i.id === 'denounce')!;
    expect([issue.label, issue.low, issue.high].join(' | ')).not.toMatch(/1930/);
    const noNotice = sc.objectives.ussr.find(o => o.id === 'no-notice')!;
    expect(noNotice.label).not.toMatch(/^Keep the 1930 agreement/);
    expect(noNotice.description).toMatch(/until a new one replaces it/);
    for (const m of sc.ministers) expect(m.motives, m.id).not.toMatch(/holds that the 1930 agreement/);
    for (const r of sc.roles ?? []) expect(r.secretAim ?? '', r.id).not.toMatch(/Keep the 1930 agreement/);
  });
});
