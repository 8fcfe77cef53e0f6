// Branches are followed through (issue 10, item 3): in games by persona, historical and random
// players, no scripted event fires and no order is taken while what it presupposes is false, and no
// end report holds two outcomes that exclude each other. Each check names the case it guards.
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, makePlayer, nextMove, type PlayerKind, toMove } from '../../src/ai/index';
import { applyMove, type Compiled, canOffer, compile, createGame, dayOf, type GameState, SIDES, seatView } from '../../src/engine/index';
import type { Scenario } from '../../src/scenario/schema';
import { loadScenarioFile } from '../loadScenario';

const GAMES = 150;
const PAIRS: [PlayerKind, PlayerKind][] = [
  ['persona', 'persona'],
  ['historical', 'historical'],
  ['random', 'random'],
  ['persona', 'random'],
  ['random', 'persona'],
];

/**
 * What an event or order presupposes. An order is judged on the state it was given in (`pre`); an
 * event on the state after the move that fired it (`post`), since orders resolved earlier in the
 * same turn (a break, say) come before it; its own effects never touch what it is judged on.
 */
interface Check {
  kind: 'event' | 'action';
  id: string;
  holds: (c: Compiled, pre: GameState, post: GameState) => boolean;
  says: string;
}

const flag = (c: Compiled, s: GameState, f: string): boolean => s.flags[c.flagIndex.get(f)!]! >= 0;
const lead = (c: Compiled, s: GameState, side: 'britain' | 'ussr'): string => c.ministers[s.lead[side]]!.id;

/** Play one game move by move, calling `each` with the state before and after every move. */
function play(sc: Scenario, c: Compiled, seed: string, b: PlayerKind, u: PlayerKind, each: (pre: GameState, post: GameState) => void): GameState {
  const players = { britain: makePlayer(b, sc, 'britain'), ussr: makePlayer(u, sc, 'ussr') };
  const rngs = { britain: aiRng(seed, 'britain'), ussr: aiRng(seed, 'ussr') };
  let s = createGame(sc, seed, { record: false });
  for (let guard = 0; !s.ended && guard < 100000; guard++) {
    const side = SIDES.find(x => toMove(s, x));
    if (!side) throw new Error('no side can move');
    const m = nextMove(c, seatView(c, s, side, AI_VIEW), players[side], rngs[side])!;
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(r.error);
    each(s, r.value);
    s = r.value;
  }
  return s;
}

function run(year: string, checks: Check[], exclusive: [string, string][], implies: [string, string][] = []): void {
  const sc = loadScenarioFile(year);
  const c = compile(sc);
  const ev = new Map(c.events.map(e => [e.id, e.i]));
  const act = new Map(c.actions.map(a => [a.id, a.i]));
  for (const k of checks) expect((k.kind === 'event' ? ev : act).has(k.id), `${k.kind} ${k.id}`).toBe(true);
  const outcome = (id: string) => {
    const o = c.outcomes.find(x => x.id === id);
    if (!o) throw new Error(`no outcome ${id}`);
    return o;
  };
  const broken: string[] = [];
  const seen = new Map<string, number>();
  for (const [b, u] of PAIRS) {
    for (let g = 0; g < GAMES; g++) {
      const seed = `follow-${b}-${u}-${g}`;
      const end = play(sc, c, seed, b, u, (pre, post) => {
        for (const k of checks) {
          const i = (k.kind === 'event' ? ev : act).get(k.id)!;
          const before = k.kind === 'event' ? pre.fired[i] : pre.taken[i];
          const after = k.kind === 'event' ? post.fired[i] : post.taken[i];
          if (after === before) continue;
          seen.set(k.id, (seen.get(k.id) ?? 0) + 1);
          if (!k.holds(c, pre, post)) broken.push(`${seed}: ${k.kind} ${k.id} while not ${k.says}`);
        }
      });
      for (const [x, y] of exclusive) if (outcome(x).when(end) && outcome(y).when(end)) broken.push(`${seed}: end report holds both "${x}" and "${y}"`);
      for (const [x, y] of implies) if (outcome(x).when(end) && !outcome(y).when(end)) broken.push(`${seed}: end report holds "${x}" without "${y}"`);
    }
  }
  expect(broken.slice(0, 20)).toEqual([]);
  // The checks are not vacuous: each case is met in some game.
  for (const k of checks) expect(seen.get(k.id) ?? 0, `${k.id} never happened in ${PAIRS.length * GAMES} games`).toBeGreaterThan(0);
}

const noNewAgreement = (id: string): Check => ({
  kind: 'event',
  id,
  holds: (c, _pre, post) => !flag(c, post, 'newAgreement'),
  says: 'free of a new agreement',
});

describe('branches are followed through', () => {
  it('1932: no notice on an agreement just renewed; no Lena or herring order once settled or bought; no contradicting outcomes', () => {
    run(
      '1932',
      [
        ...['ctr-third-report', 'cabinet-8-june', 'cabinet-12-october', 'note-handed', 'officials-article21', 'macdonald-uneasy'].map(noNewAgreement),
        {
          kind: 'action',
          id: 'press-lena',
          holds: (c, pre) => !flag(c, pre, 'lenaSettled') && pre.agreed.lena !== 'settle' && pre.agreed.lena !== 'soviet-offer',
          says: 'the Lena claim unsettled',
        },
        {
          kind: 'action',
          id: 'herring-deal',
          holds: (c, pre) => !flag(c, pre, 'herringOrder'),
          says: 'the herring unbought',
        },
      ],
      [],
      [['new-agreement', 'talks-open']],
    );
    // Article 21 is a term of any new agreement: no note can be offered, and so no agreement made,
    // before Ottawa has produced the clause (18 August).
    const sc32 = loadScenarioFile('1932');
    const c32 = compile(sc32);
    const ottawa = dayOf('1932-08-18');
    let open = 0;
    for (let g = 0; g < GAMES; g++) {
      play(sc32, c32, `follow-ottawa-${g}`, 'persona', 'random', (_pre, post) => {
        if (post.ended || !(canOffer(c32, post, 'britain') || canOffer(c32, post, 'ussr'))) return;
        open++;
        expect(c32.days[post.turn]! >= ottawa, `seed follow-ottawa-${g}, turn ${post.turn}`).toBe(true);
      });
    }
    expect(open).toBeGreaterThan(0);
    // A new agreement before October and notice in October (of the 1930 agreement) exclude each other.
    const sc = loadScenarioFile('1932');
    const c = compile(sc);
    const o = (id: string) => c.outcomes.find(x => x.id === id)!;
    for (let g = 0; g < GAMES; g++) {
      const end = play(sc, c, `follow-x-${g}`, 'random', 'persona', () => {});
      expect(o('new-agreement-early').when(end) && o('notice-october').when(end), `seed follow-x-${g}`).toBe(false);
    }
  }, 600_000);

  it('1932: with a new agreement in force from the start (as a player may ratify one in May), no notice is ever given', () => {
    const sc = loadScenarioFile('1932');
    const c = compile(sc);
    const notices = ['ctr-third-report', 'cabinet-8-june', 'officials-article21', 'macdonald-uneasy', 'cabinet-12-october', 'cabinet-denunciation-again', 'note-handed', 'delayed-notice-cabinet'].map(
      id => c.events.find(e => e.id === id)!.i,
    );
    for (const [b, u] of PAIRS) {
      for (let g = 0; g < 30; g++) {
        const seed = `agreed-${b}-${u}-${g}`;
        const players = { britain: makePlayer(b, sc, 'britain'), ussr: makePlayer(u, sc, 'ussr') };
        const rngs = { britain: aiRng(seed, 'britain'), ussr: aiRng(seed, 'ussr') };
        let s = createGame(sc, seed, { record: false });
        s = { ...s, flags: s.flags.slice() };
        s.flags[c.flagIndex.get('newAgreement')!] = c.days[0]!;
        for (let guard = 0; !s.ended && guard < 100000; guard++) {
          const side = SIDES.find(x => toMove(s, x))!;
          const r = applyMove(sc, s, nextMove(c, seatView(c, s, side, AI_VIEW), players[side], rngs[side])!);
          if (!r.ok) throw new Error(r.error);
          s = r.value;
        }
        expect(
          notices.filter(i => s.fired[i]! >= 0).map(i => c.events[i]!.id),
          seed,
        ).toEqual([]);
        expect(flag(c, s, 'noticeGiven'), seed).toBe(false);
      }
    }
  }, 600_000);

  it('1927: the break is not spoken of while relations hold; Chamberlain refuses no talks he has opened; Jix only while in office', () => {
    run(
      '1927',
      [
        { kind: 'event', id: 'tuc-ends-arjc', holds: (c, _pre, post) => flag(c, post, 'ruptured'), says: 'relations broken' },
        { kind: 'event', id: 'emigre-plans', holds: (_c, _pre, post) => post.relations === 'ruptured' || post.relations === 'protecting', says: 'relations broken' },
        {
          kind: 'event',
          id: 'deadlock',
          holds: (c, pre) =>
            !flag(c, pre, 'talksOpened') && !flag(c, pre, 'exploreFormula') && !flag(c, pre, 'concreteTerms') && !flag(c, pre, 'agreement') && lead(c, pre, 'britain') === 'austen-chamberlain',
          says: 'talks unopened under Chamberlain',
        },
      ],
      [['deadlock', 'resumed']],
    );
    // Jix may resign: an order that stays on offer without him in office must not name him.
    const sc = loadScenarioFile('1927');
    for (const a of sc.actions) {
      if (JSON.stringify(a.when ?? null).includes('"inOffice":"joynson-hicks"')) continue;
      expect(`${a.label} ${a.description ?? ''}`, a.id).not.toMatch(/Jix|Joynson/);
    }
  }, 600_000);
  it('1927: no note asks to restore relations, or the 1921 Agreement, that are not broken or ended; notes are sent while relations hold', () => {
    const sc = loadScenarioFile('1927');
    const c = compile(sc);
    const restoring = ['settlement-first', 'parallel', 'protocol-first'];
    const broken: string[] = [];
    let whileFull = 0;
    for (const [b, u] of PAIRS.filter(([x, y]) => x !== 'historical' && y !== 'historical')) {
      for (let g = 0; g < 60; g++) {
        const seed = `notes-${b}-${u}-${g}`;
        play(sc, c, seed, b, u, (pre, post) => {
          for (const o of post.offers.slice(pre.offers.length)) {
            const full = pre.relations === 'full' || pre.relations === 'charge';
            if (full) whileFull++;
            if (full && restoring.includes(o.terms.order!)) broken.push(`${seed}: note ${o.n} offers "${o.terms.order}" while relations are ${pre.relations}`);
            if (o.terms.trade === 'restore-1921' && !flag(c, pre, 'ruptured')) broken.push(`${seed}: note ${o.n} restores the 1921 Agreement, which has not ended`);
            if (o.terms.trade === 'keep-1921' && flag(c, pre, 'ruptured')) broken.push(`${seed}: note ${o.n} keeps the 1921 Agreement, which has ended`);
          }
        });
      }
    }
    expect(broken.slice(0, 20)).toEqual([]);
    expect(whileFull).toBeGreaterThan(0);
  }, 600_000);

  it('1929: what Labour ministers say and do happens only under Labour; no text names Sokolnikov as ambassador once Kamenev was accepted', () => {
    const sc = loadScenarioFile('1929');
    const c = compile(sc);
    const election = dayOf('1929-05-30');
    const texts = (e: (typeof c.events)[number]) => [e.title, e.text, ...(e.decision?.options.flatMap(o => [o.label, o.text]) ?? [])].join(' ');
    // Events after the election whose words put Labour's ministers in office (or in the Cabinet's place).
    const labour = c.events.filter(e => (e.day === null || e.day >= election) && /\b(Henderson|Dalton|Snowden|MacDonald)\b/.test(texts(e))).map(e => e.i);
    // Events that name Sokolnikov as the Soviet ambassador (his nomination itself aside).
    const sokolnikov = c.events.filter(e => e.id !== 'sokolnikov-named' && /Sokolnikov/.test(texts(e))).map(e => e.i);
    expect(labour.length).toBeGreaterThan(10);
    expect(sokolnikov.length).toBeGreaterThan(0);
    const broken: string[] = [];
    let tory = 0,
      kamenev = 0;
    for (const [b, u] of PAIRS) {
      for (let g = 0; g < GAMES; g++) {
        const seed = `follow29-${b}-${u}-${g}`;
        const end = play(sc, c, seed, b, u, (pre, post) => {
          for (const i of labour) if (post.fired[i] !== pre.fired[i] && flag(c, post, 'toriesHold')) broken.push(`${seed}: ${c.events[i]!.id} fired under a Conservative government`);
          for (const i of sokolnikov) if (post.fired[i] !== pre.fired[i] && flag(c, post, 'kamenevAccepted')) broken.push(`${seed}: ${c.events[i]!.id} names Sokolnikov, but Kamenev was accepted`);
        });
        if (flag(c, end, 'toriesHold')) tory++;
        if (flag(c, end, 'kamenevAccepted')) kamenev++;
      }
    }
    expect(broken.slice(0, 20)).toEqual([]);
    // The cases are met: Conservative governments and Kamenev accepted both happen.
    expect(tory).toBeGreaterThan(0);
    expect(kamenev).toBeGreaterThan(0);
    // Orders too: a British order on offer under the Conservatives names no Labour minister.
    for (const a of sc.actions) {
      if (a.side !== 'britain' || /"lead":"henderson"|"flag":"labourWins"/.test(JSON.stringify(a.when ?? null))) continue;
      expect(`${a.label} ${a.description}`, a.id).not.toMatch(/\b(Henderson|Dalton|Snowden)\b/);
    }
  }, 600_000);
});
