// Students' ballots in the cabinet's votes: how much one vote weighs (a quarter to a half of the way
// from the minister's stance to the vote, by loyalty), that it can swing a close cabinet and cannot
// overturn a lopsided one, that games without ballots are unchanged, that ballots replay from a
// save, and that a bad ballot is refused with its reason.
import { describe, expect, it } from 'vitest';
import { approvalChance, support, tally, VOTE_PULL_MAX, VOTE_PULL_MIN, votedLean, votePull } from '../../src/engine/cabinet';
import { applyMove, type Ballot, compile, createGame, type GameState, loadSave, type Move, makeSave, type Order, stateHash } from '../../src/engine/index';
import { acceptanceShare } from '../../src/engine/negotiation';
import { loadScenarioFile } from '../loadScenario';
import { type RawJson, variant, withFigs } from './helpers';

const OBJ = [{ id: 'aim', label: 'Stay in office', weight: 1, when: { inOffice: 'hawk' } }];
const ROLES = [
  { id: 'r-fs', side: 'britain', minister: 'fs', briefing: 'Lead.', secretAim: 'Lead well.', objectives: OBJ, sources: ['test'] },
  { id: 'r-hawk', side: 'britain', minister: 'hawk', briefing: 'Hawk.', secretAim: 'Break.', objectives: OBJ, sources: ['test'] },
  { id: 'r-swing', side: 'britain', minister: 'swing', briefing: 'Swing.', secretAim: 'Sway.', objectives: OBJ, sources: ['test'] },
  { id: 'r-dc', side: 'ussr', minister: 'dc', briefing: 'Diplomat.', secretAim: 'Talk.', objectives: OBJ, sources: ['test'] },
  { id: 'whip', side: 'britain', name: 'A. Whip', office: 'Chief whip of the die-hards', group: 'diehards', briefing: 'Whip.', secretAim: 'Count.', objectives: OBJ, sources: ['test'] },
];
/** The mini scenario with roles, a cabinet vote on "break" open from the start, and one on the tip-off's "approve". */
const sc = variant((raw: RawJson) => {
  raw.roles = ROLES;
  delete raw.actions.find((a: { id: string }) => a.id === 'break').when;
  raw.events = raw.events.filter((e: { id: string }) => e.id !== 'comintern');
  Object.assign(raw.events.find((e: { id: string }) => e.id === 'tip').decision.options[0], { cabinet: true, issue: 'rupture', direction: 1 });
});
const c = compile(sc);
const RUPTURE = c.issueIndex.get('rupture')!;
const BREAK = c.actions[c.actionIndex.get('break')!]!.vote!;
const minister = (id: string) => c.ministers.findIndex(m => m.id === id);

/** A start state with every British stance on rupture at `x`, standing 50, the given moods. */
const cabinet = (x: number, moods: Record<string, number> = {}): GameState =>
  withFigs(c, createGame(sc, 'ballots'), {
    'stance.fs.rupture': x,
    'stance.hawk.rupture': x,
    'stance.swing.rupture': x,
    'standing.britain': 50,
    ...Object.fromEntries(Object.entries(moods).map(([k, v]) => [`mood.${k}`, v])),
  });

const breakOrders = (votes?: Ballot[]) => ({ type: 'orders' as const, side: 'britain' as const, orders: [{ kind: 'action' as const, id: 'break' }], ...(votes ? { votes } : {}) });
/** Whether "break" passes from state s with these ballots (the USSR's empty orders resolve the turn). */
function passes(s: GameState, votes?: Ballot[]): boolean {
  const a = applyMove(sc, s, breakOrders(votes));
  if (!a.ok) throw new Error(a.error);
  const b = applyMove(sc, a.value, { type: 'orders', side: 'ussr', orders: [] });
  if (!b.ok) throw new Error(b.error);
  return b.value.taken[c.actionIndex.get('break')!]! >= 0;
}

describe("a student's vote", () => {
  it('moves the minister a quarter to a half of the way from stance to vote, more when it goes with his loyalty', () => {
    expect(votePull(100, 1)).toBe(VOTE_PULL_MAX);
    expect(votePull(100, -1)).toBe(VOTE_PULL_MIN);
    expect(votePull(0, -1)).toBe(VOTE_PULL_MAX);
    expect(votePull(0, 1)).toBe(VOTE_PULL_MIN);
    expect(votePull(50, 1)).toBeCloseTo(0.375, 12);
    expect(votePull(50, -1)).toBeCloseTo(0.375, 12);
    // A minister dead against (lean -1), content (mood 100), voting for: half way, to 0.
    expect(votedLean(-1, 100, 1)).toBeCloseTo(0, 12);
    // Sore (mood 0) and voting for: a quarter of the way.
    expect(votedLean(-1, 0, 1)).toBeCloseTo(-0.5, 12);
    // A vote with the stance changes nothing when the stance is already all the way.
    expect(votedLean(1, 30, 1)).toBe(1);
  });

  it("shifts support by the minister's influence share times the pull", () => {
    const s = cabinet(0, { hawk: 100 });
    const votes = new Map([[minister('hawk'), 1 as const]]);
    expect(support(c, s, 'britain', RUPTURE, 1)).toBe(0);
    // hawk: influence 7 of 17, lean 0 -> 0.5.
    expect(support(c, s, 'britain', RUPTURE, 1, votes)).toBeCloseTo((7 * 0.5) / 17, 12);
  });

  it('swings a close cabinet: the odds cross an even chance, and some rolls the vote decides', () => {
    const s = cabinet(0);
    expect(approvalChance(c, s, 'britain', BREAK)).toBeCloseTo(0.5, 12);
    const hawkFor: Ballot[] = [{ role: 'r-hawk', item: 'action:break', vote: 1 }];
    const hawkAgainst: Ballot[] = [{ role: 'r-hawk', item: 'action:break', vote: -1 }];
    expect(approvalChance(c, s, 'britain', BREAK, new Map([[minister('hawk'), 1]]))).toBeGreaterThan(0.65);
    expect(approvalChance(c, s, 'britain', BREAK, new Map([[minister('hawk'), -1]]))).toBeLessThan(0.35);
    // The same dice with and without the vote: the vote never turns a pass into a failure the other way,
    // and over many seeds it decides some.
    let swung = 0;
    for (let k = 0; k < 60; k++) {
      const sk = withFigs(c, { ...createGame(sc, `close-${k}`) }, {});
      const base = { ...s, rng: sk.rng };
      const none = passes(base),
        yes = passes(base, hawkFor),
        no = passes(base, hawkAgainst);
      if (no) expect(none).toBe(true);
      if (none) expect(yes).toBe(true);
      if (yes !== no) swung++;
    }
    expect(swung).toBeGreaterThan(10);
  });

  it('cannot overturn a lopsided cabinet: one vote against leaves approval likely, and all the students together only bring it toward a toss-up', () => {
    const s = cabinet(100, { hawk: 0, swing: 0, fs: 0 });
    const p0 = approvalChance(c, s, 'britain', BREAK);
    expect(p0).toBeGreaterThan(0.99);
    const one = approvalChance(c, s, 'britain', BREAK, new Map([[minister('hawk'), -1]]));
    expect(one).toBeLessThan(p0);
    expect(one).toBeGreaterThan(0.9);
    const all = approvalChance(
      c,
      s,
      'britain',
      BREAK,
      new Map([
        [minister('hawk'), -1],
        [minister('swing'), -1],
        [minister('fs'), -1],
      ]),
    );
    expect(all).toBeGreaterThanOrEqual(0.5 - 1e-12);
  });

  it('weighs in ratification: a student can move his minister toward accepting a note', () => {
    const s = createGame(sc, 'ratify');
    const terms = { propaganda: 'none' };
    const before = acceptanceShare(c, s, 'britain', terms);
    const after = acceptanceShare(c, s, 'britain', terms, new Map([[minister('hawk'), 1]]));
    expect(after).toBeGreaterThan(before);
    expect(acceptanceShare(c, s, 'britain', terms, new Map())).toBe(before);
  });
});

describe('ballots in moves', () => {
  const s0 = cabinet(0);
  const hawkFor: Ballot[] = [{ role: 'r-hawk', item: 'action:break', vote: 1 }];

  it('leave a game without ballots exactly as before: an empty list changes nothing', () => {
    const a = applyMove(sc, s0, breakOrders());
    const b = applyMove(sc, s0, breakOrders([]));
    if (!a.ok || !b.ok) throw new Error('refused');
    expect(stateHash(b.value)).toBe(stateHash(a.value));
    expect('ballots' in a.value).toBe(false);
  });

  it('are sealed with the orders, then cleared when the turn resolves; the side hears the tally', () => {
    const a = applyMove(sc, s0, breakOrders(hawkFor));
    if (!a.ok) throw new Error(a.error);
    expect(a.value.ballots?.britain).toEqual(hawkFor);
    const b = applyMove(sc, a.value, { type: 'orders', side: 'ussr', orders: [] });
    if (!b.ok) throw new Error(b.error);
    expect(b.value.ballots).toBeUndefined();
    const texts: string[] = [];
    for (let n = b.value.news; n; n = n.n) if (n.e.side === 'britain') texts.push(n.e.text);
    expect(texts.some(t => t.includes("ministers' votes 1 for, 0 against"))).toBe(true);
  });

  it('count in a decision that goes to the cabinet', () => {
    const g = createGame(sc, 'tip');
    let s = g;
    // Play empty turns until the tip-off is put to Britain.
    while (!s.pending.britain.length) {
      for (const side of ['britain', 'ussr'] as const) {
        const r = applyMove(sc, s, { type: 'orders', side, orders: [] });
        if (!r.ok) throw new Error(r.error);
        s = r.value;
      }
    }
    const ok = applyMove(sc, s, { type: 'decide', side: 'britain', event: 'tip', option: 'approve', votes: [{ role: 'r-swing', item: 'option:tip.approve', vote: -1 }] });
    expect(ok.ok).toBe(true);
    const bad = applyMove(sc, s, { type: 'decide', side: 'britain', event: 'tip', option: 'refuse', votes: [{ role: 'r-swing', item: 'option:tip.refuse', vote: -1 }] });
    expect(bad.ok ? '' : bad.error).toContain('does not go to a cabinet vote');
  });

  it('replay from a save to the same hash; a save with a ballot of an unknown role is refused', () => {
    const moves = [breakOrders(hawkFor), { type: 'orders' as const, side: 'ussr' as const, orders: [] }];
    let s = createGame(sc, 'save');
    for (const m of moves) {
      const r = applyMove(sc, s, m);
      if (!r.ok) throw new Error(r.error);
      s = r.value;
    }
    const save = makeSave(sc, 'save', moves, s);
    const back = loadSave(sc, JSON.parse(JSON.stringify(save)));
    expect(back.ok).toBe(true);
    expect(back.ok && back.value.save.moves[0]!.votes).toEqual(hawkFor);
    // A save whose ballot was edited to name a role the scenario lacks is refused, with the move and the reason.
    const edited = JSON.parse(JSON.stringify(save));
    edited.moves[0].votes[0].role = 'stranger';
    const r = loadSave(sc, edited);
    expect(r.ok ? '' : r.error).toContain('move 1 (orders by Britain) is illegal: there is no role "stranger"');
  });

  const refused: [string, Ballot[] | unknown, string][] = [
    ['an unknown role', [{ role: 'nobody', item: 'action:break', vote: 1 }], 'there is no role "nobody"'],
    ["the other side's role", [{ role: 'r-dc', item: 'action:break', vote: 1 }], 'plays for the USSR, not Britain'],
    ['a role that is not a minister', [{ role: 'whip', item: 'action:break', vote: 1 }], 'is not a minister and has no vote'],
    ['a vote that is neither for nor against', [{ role: 'r-hawk', item: 'action:break', vote: 0 }], 'must vote 1 (for) or -1 (against)'],
    ['two votes of one minister on one item', [...hawkFor, ...hawkFor], 'votes twice'],
    ['an item not ordered', [{ role: 'r-hawk', item: 'action:raid', vote: 1 }], 'does not go to a cabinet vote'],
    ['an item that names nothing', [{ role: 'r-hawk', item: 'break', vote: 1 }], 'names no item'],
    ['a ratification of a note neither accepted nor its own', [{ role: 'r-hawk', item: 'offer:britain:1', vote: 1 }], 'neither accepted in these orders nor'],
    ['a note named without its sender (the numbering before each side numbered its own)', [{ role: 'r-hawk', item: 'offer:1', vote: 1 }], 'names no note'],
    ['not a list', { role: 'r-hawk' }, 'votes must be a list'],
  ];
  it.each(refused)('refuse %s, with the reason', (_what, votes, reason) => {
    const r = applyMove(sc, s0, { ...breakOrders(), votes: votes as Ballot[] });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toContain(reason);
  });

  it('refuse the vote of a minister out of office', () => {
    const s = withFigs(c, s0, { 'inOffice.hawk': 0 });
    const r = applyMove(sc, s, breakOrders(hawkFor));
    expect(r.ok ? '' : r.error).toContain('is not in office');
  });
});

describe("the sending side's ballots on its own note", () => {
  const orders = (side: 'britain' | 'ussr', os: Order[], votes?: Ballot[]): Move => ({ type: 'orders', side, orders: os, ...(votes ? { votes } : {}) });
  /** A British note on the way (sent this turn, delivered the next), from a start with every stance at x. */
  function noteDelivered(seed: string): GameState {
    let s = { ...cabinet(0), rng: createGame(sc, seed).rng };
    for (const m of [orders('britain', [{ kind: 'offer', terms: { propaganda: 'none' } }]), orders('ussr', [])]) {
      const r = applyMove(sc, s, m);
      if (!r.ok) throw new Error(r.error);
      s = r.value;
    }
    return s;
  }
  /** The note's fate when the USSR accepts it and Britain's hawk votes `vote` on ratifying it (or casts no ballot). */
  function fate(seed: string, vote?: 1 | -1): string {
    const s = noteDelivered(seed);
    const n = s.offers[0]!.n;
    const a = applyMove(sc, s, orders('britain', [], vote ? [{ role: 'r-hawk', item: `offer:britain:${n}`, vote }] : undefined));
    if (!a.ok) throw new Error(a.error);
    const b = applyMove(sc, a.value, orders('ussr', [{ kind: 'reply', offer: n, accept: true }]));
    if (!b.ok) throw new Error(b.error);
    return b.value.offers.find(o => o.n === n)!.status;
  }

  it('are accepted while the note awaits an answer, and refused once it has none to await', () => {
    const s = noteDelivered('own');
    expect(s.offers[0]!.status).toBe('delivered');
    expect(applyMove(sc, s, orders('britain', [], [{ role: 'r-hawk', item: 'offer:britain:1', vote: 1 }])).ok).toBe(true);
    // The Soviet side cannot vote in advance on a note it did not send.
    const r = applyMove(sc, s, orders('ussr', [], [{ role: 'r-dc', item: 'offer:britain:1', vote: 1 }]));
    expect(r.ok ? '' : r.error).toContain('neither accepted in these orders nor');
  });

  it("count in the sending cabinet's ratification when the other side accepts: some seeds turn on the vote, none the wrong way", () => {
    // The sending cabinet's chance is 2-6% here, so it takes many seeds for some to fall between.
    let swung = 0;
    for (let k = 0; k < 200; k++) {
      const none = fate(`own-${k}`);
      const yes = fate(`own-${k}`, 1);
      const no = fate(`own-${k}`, -1);
      if (no === 'ratified') expect(none).toBe('ratified');
      if (none === 'ratified') expect(yes).toBe('ratified');
      if (yes !== no) swung++;
    }
    expect(swung).toBeGreaterThan(0);
  });
});

describe('votes and advice', () => {
  // 1927: Stalin and Rykov sit in the Politburo; Chicherin, the Commissar, does not (member: false).
  const sc27 = loadScenarioFile('1927');
  const c27 = compile(sc27);
  const at = (id: string) => c27.ministers.findIndex(m => m.id === id);

  it("the news counts the members' votes and the advice of those outside the body apart", () => {
    expect(
      tally(
        c27,
        new Map([
          [at('stalin'), 1],
          [at('rykov'), -1],
        ]),
      ),
    ).toBe("ministers' votes 1 for, 1 against");
    expect(
      tally(
        c27,
        new Map([
          [at('stalin'), 1],
          [at('chicherin'), 1],
        ]),
      ),
    ).toBe("ministers' votes 1 for, 0 against; advice 1 for, 0 against");
    expect(tally(c27, new Map([[at('chicherin'), -1]]))).toBe('advice 0 for, 1 against');
  });

  it('advice weighs in the decision as a vote does: membership changes no weight', () => {
    const asMembers = compile({ ...sc27, ministers: sc27.ministers.map(({ member: _, ...m }) => (m.body === 'narkomindel' ? { ...m, body: 'politburo' as const } : m)) });
    expect(asMembers.ministers[at('chicherin')]!.member).toBe(true);
    const s = createGame(sc27, 'advice');
    const votes = new Map<number, 1 | -1>([[at('chicherin'), -1]]);
    for (let issue = 0; issue < c27.issues.length; issue++) expect(support(c27, s, 'ussr', issue, 1, votes)).toBe(support(asMembers, s, 'ussr', issue, 1, votes));
  });
});
