// A classroom group without the network: seating, the teacher's controls and what they refuse, the
// turn deadline with its missed-orders policy (on a fake clock), and taking a group back up from its
// log, refusing a log that does not check out.

import { describe, expect, it } from 'vitest';
import { barLines, type SeatMessage } from '../../src/class/protocol';
import { compile } from '../../src/engine/index';
import { type Clock, Group, MISSED_ORDERS_POLICY } from '../../src/server/group';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1927');
const c = compile(sc);

class FakeClock implements Clock {
  t = 1_000_000;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private next = 1;
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  };
  clearTimeout = (h: unknown) => {
    this.timers = this.timers.filter(x => x.id !== h);
  };
  /** Move time on, firing what falls due. */
  advance(ms: number): void {
    this.t += ms;
    const due = this.timers.filter(x => x.at <= this.t);
    this.timers = this.timers.filter(x => x.at > this.t);
    for (const x of due) x.fn();
  }
  get pending(): number {
    return this.timers.length;
  }
}

function group(clock = new FakeClock(), seating: 'assign' | 'pick' = 'assign') {
  const g = Group.create(sc, { code: 'TEST1', classId: 'c1', teacherKey: 'k', seed: 'group-test', seating, paceSeconds: 0 }, clock);
  if (!g.ok) throw new Error(g.error);
  return { g: g.value, clock };
}

const settle = () => new Promise(r => setTimeout(r, 0));

describe('a classroom group', () => {
  it('deals the leads first, then the roles of both sides, then pairs students once every seat is taken', () => {
    const { g } = group();
    const seats = g.info().roster.length;
    expect(seats).toBe(sc.roles!.length); // each lead's own role is the lead seat
    expect(g.info().roster.map(r => r.role)).toContain('trotsky'); // a role that is not a minister has a seat too
    const names = Array.from({ length: seats + 2 }, (_, k) => `Student ${k}`);
    const got = names.map(name => {
      const r = g.join({ name });
      if (!r.ok) throw new Error(r.error);
      return r.value.seat;
    });
    expect(got[0]).toEqual({ side: 'britain', role: 'lead' });
    expect(got[1]).toEqual({ side: 'ussr', role: 'lead' });
    expect(got.slice(2, 4).map(s => s.side)).toEqual(['britain', 'ussr']);
    // Every seat has someone before anyone shares; then the leads are shared first.
    expect(g.info().roster.every(r => r.students.length >= 1)).toBe(true);
    expect(got[seats]).toEqual({ side: 'britain', role: 'lead' });
  });

  it('refuses a bad name, a taken name and, when students pick, a taken seat while others are free', () => {
    const { g } = group(new FakeClock(), 'pick');
    expect(g.join({ name: '' })).toMatchObject({ ok: false, error: expect.stringContaining('name') });
    expect(g.join({ name: '<script>' }).ok).toBe(false);
    expect(g.join({ name: 'Ada', seat: 'britain:lead' }).ok).toBe(true);
    expect(g.join({ name: 'ada', seat: 'ussr:lead' })).toMatchObject({ ok: false, error: expect.stringContaining('connected now') });
    expect(g.join({ name: 'Bea', seat: 'britain:lead' })).toMatchObject({ ok: false, error: expect.stringContaining('is taken') });
    expect(g.join({ name: 'Bea', seat: 'mars:lead' })).toMatchObject({ ok: false, error: expect.stringContaining('no seat') });
  });

  it('takes a student back to their seat by token, and refuses a token from elsewhere', () => {
    const { g } = group();
    const a = g.join({ name: 'Ada' });
    if (!a.ok) throw new Error(a.error);
    g.setConnected(a.value.seatToken, false);
    expect(g.info().roster[0]!.connected).toEqual([]);
    const back = g.join({ seatToken: a.value.seatToken });
    expect(back).toMatchObject({ ok: true, value: { seat: a.value.seat, name: 'Ada' } });
    expect(g.info().roster[0]!.connected).toEqual(['Ada']);
    expect(g.join({ seatToken: 'not-a-token' }).ok).toBe(false);
  });

  it('gives a seat back by name to a student whose token is lost, only while nobody holds it, and tells everyone', async () => {
    const { g } = group();
    g.join({ name: 'Ada' });
    g.join({ name: 'Boris' });
    const cecil = g.join({ name: 'Cecil' });
    if (!cecil.ok) throw new Error(cecil.error);
    expect(g.control({ do: 'start' }).ok).toBe(true);
    await settle();
    const before = g.seatMessage(cecil.value.seat)!;
    // Connected: the name stays refused, saying what to do.
    expect(g.join({ name: 'cecil' })).toMatchObject({ ok: false, error: expect.stringMatching(/Cecil is in this group and connected now.*release/) });
    // Away (Title pressed, another device): the same seat, role, brief and aims, with the same token.
    g.setConnected(cecil.value.seatToken, false);
    const back = g.join({ name: 'cecil' });
    expect(back).toEqual({ ok: true, value: cecil.value });
    expect(g.seatMessage(cecil.value.seat)).toEqual(before);
    expect(g.info().roster.find(r => r.students.includes('Cecil'))!.connected).toEqual(['Cecil']);
    expect(g.info().announcements.at(-1)!.text).toMatch(/^Cecil has taken back the seat of .+ by name\.$/);
    // Taken back: the name is refused again while Cecil is here.
    expect(g.join({ name: 'Cecil' }).ok).toBe(false);
  });

  it("lets the teacher release a seat in play: its token stops working and the student's name takes it back", async () => {
    const { g } = group();
    const ada = g.join({ name: 'Ada' });
    g.join({ name: 'Boris' });
    if (!ada.ok) throw new Error(ada.error);
    expect(g.control({ do: 'start' }).ok).toBe(true);
    await settle();
    expect(g.control({ do: 'release', student: 'Zed' })).toMatchObject({ ok: false, error: expect.stringContaining('no student called Zed') });
    expect(g.control({ do: 'release', student: 'ada' }).ok).toBe(true);
    // Whoever held it (a classmate who typed Ada's name) is out: the old token holds nothing.
    expect(g.seatOf(ada.value.seatToken)).toBeNull();
    expect(g.join({ seatToken: ada.value.seatToken }).ok).toBe(false);
    expect(g.info().roster[0]!.connected).toEqual([]);
    const back = g.join({ name: 'Ada' });
    expect(back).toMatchObject({ ok: true, value: { seat: ada.value.seat, name: 'Ada' } });
    expect(back.ok && back.value.seatToken).not.toBe(ada.value.seatToken);
    // The new token is in the log, so it survives a restart.
    const restored = await Group.restore(sc, JSON.parse(JSON.stringify(g.toLog())), new FakeClock());
    expect(restored.ok && back.ok && restored.value.seatOf(back.value.seatToken)).toEqual(ada.value.seat);
  });

  it('refuses controls out of order, and moves while paused, before the start or from a minister', async () => {
    const { g } = group();
    const lead = g.join({ name: 'Ada' });
    g.join({ name: 'Boris' });
    const minister = g.join({ name: 'Cecil' });
    if (!lead.ok || !minister.ok) throw new Error('join');
    const orders = { type: 'orders', side: 'britain', orders: [] };
    expect(await g.move(lead.value.seatToken, orders)).toMatchObject({ ok: false, error: 'the game has not started' });
    expect(g.control({ do: 'pause' }).ok).toBe(false);
    expect(g.control({ do: 'pace', seconds: -5 })).toMatchObject({ ok: false, error: expect.stringContaining('pace') });
    expect(g.control({ do: 'start' }).ok).toBe(true);
    expect(g.control({ do: 'start' }).ok).toBe(false);
    expect(g.control({ do: 'seat', student: 'Ada', seat: 'ussr:lead' })).toMatchObject({ ok: false, error: expect.stringContaining('before the game starts') });
    expect(await g.move(minister.value.seatToken, orders)).toMatchObject({ ok: false, error: expect.stringContaining('only the lead') });
    expect(g.control({ do: 'pause' }).ok).toBe(true);
    expect(await g.move(lead.value.seatToken, orders)).toMatchObject({ ok: false, error: 'the game is paused' });
    expect(g.control({ do: 'resume' }).ok).toBe(true);
    expect(await g.move(lead.value.seatToken, { type: 'orders', side: 'ussr', orders: [] })).toMatchObject({ ok: false, error: expect.stringContaining('cannot move for') });
    expect(g.control({ do: 'end' }).ok).toBe(true);
    expect(await g.move(lead.value.seatToken, orders)).toMatchObject({ ok: false, error: 'the game has ended' });
    expect(
      g
        .info()
        .announcements.map(a => a.text)
        .join(' '),
    ).toMatch(/paused.*resumed.*ended/);
  });

  it("keeps the teacher's words apart from its notices: a pause does not push them off a student's bar", () => {
    const { g } = group();
    g.join({ name: 'Ada' });
    g.join({ name: 'Boris' });
    expect(g.control({ do: 'start' }).ok).toBe(true);
    for (const text of ['One', 'Ten minutes left.', 'Read the note again.', 'Send now.']) expect(g.control({ do: 'announce', text }).ok).toBe(true);
    expect(g.control({ do: 'pause' }).ok).toBe(true);
    const all = g.info().announcements;
    expect(all.filter(a => a.teacher).map(a => a.text)).toEqual(['Teacher: One', 'Teacher: Ten minutes left.', 'Teacher: Read the note again.', 'Teacher: Send now.']);
    const bar = barLines(all);
    expect(bar.notice?.text).toBe('The teacher has paused the game: no moves until it resumes.');
    expect(bar.teacher.map(a => a.text)).toEqual(['Teacher: Ten minutes left.', 'Teacher: Read the note again.', 'Teacher: Send now.']);
  });

  it('at the deadline, gives the orders a lead has not sent, and tells everyone', async () => {
    const { g, clock } = group();
    const a = g.join({ name: 'Ada' });
    const b = g.join({ name: 'Boris' });
    if (!a.ok || !b.ok) throw new Error('join');
    expect(g.control({ do: 'pace', seconds: 120 }).ok).toBe(true);
    expect(g.control({ do: 'start' }).ok).toBe(true);
    await settle();
    expect(g.info().deadline).toBe(clock.now() + 120_000);
    expect(g.info().policy).toBe(MISSED_ORDERS_POLICY);
    const before = g.seatMessage({ side: 'britain', role: 'lead' })!;
    expect(before.view.turn).toBe(0);
    // Britain's lead decides and sends orders from the view; the Soviet lead sends nothing.
    await playOut(g, a.value.seatToken, 'britain');
    expect(g.seatMessage({ side: 'britain', role: 'lead' })!.view.turn).toBe(0);
    clock.advance(119_000);
    await settle();
    expect(g.seatMessage({ side: 'britain', role: 'lead' })!.view.turn).toBe(0);
    clock.advance(1_000);
    for (let k = 0; k < 50 && g.seatMessage({ side: 'britain', role: 'lead' })!.view.turn === 0; k++) await settle();
    expect(g.seatMessage({ side: 'britain', role: 'lead' })!.view.turn).toBe(1);
    const said = g.info().announcements.find(x => x.text.startsWith('Time is up'))?.text ?? '';
    expect(said).toContain('Time is up');
    expect(said).toContain('Soviet');
    expect(said).not.toContain('Britain');
    // A new turn, a new deadline.
    expect(g.info().deadline).toBe(clock.now() + 120_000);
  });

  it('a deadline plays only the turn whose time ran out: the new turn waits for its own deadline', async () => {
    const { g, clock } = group();
    g.join({ name: 'Ada' });
    g.join({ name: 'Boris' });
    g.control({ do: 'pace', seconds: 300 });
    g.control({ do: 'start' });
    await settle();
    const turn = () => g.seatMessage({ side: 'britain', role: 'lead' })!.view.turn;
    const settleAll = async () => {
      for (let k = 0; k < 50; k++) await settle();
    };
    // Both leads idle: each deadline moves the game on by exactly one turn, and plays nothing of
    // the new turn for anyone before they could see it.
    let wait = 300_000;
    for (const expected of [1, 2, 3]) {
      clock.advance(wait);
      await settleAll();
      expect(turn()).toBe(expected);
      const moves = g.moves;
      clock.advance(299_000);
      await settleAll();
      expect(g.moves).toBe(moves);
      expect(g.info().deadline).toBe(clock.now() + 1_000);
      wait = 1_000;
    }
    // Ending the turn early leaves no earlier timer behind to end the next one too.
    await g.expireNow();
    expect(turn()).toBe(4);
    expect(clock.pending).toBe(1);
  });

  it('a deadline that falls due while the turn’s last orders are being taken plays nothing of the next turn', async () => {
    const { g, clock } = group();
    const a = g.join({ name: 'Ada' });
    const b = g.join({ name: 'Boris' });
    if (!a.ok || !b.ok) throw new Error('join');
    g.control({ do: 'pace', seconds: 300 });
    g.control({ do: 'start' });
    await settle();
    await playOut(g, a.value.seatToken, 'britain');
    await playOut(g, b.value.seatToken, 'ussr', { holdOrders: true });
    // The Soviet orders end the turn; the deadline's timer fires while they wait in the queue.
    const sent = g.move(b.value.seatToken, { type: 'orders', side: 'ussr', orders: [] });
    clock.advance(300_000);
    expect(await sent).toMatchObject({ ok: true });
    const moves = g.moves;
    for (let k = 0; k < 50; k++) await settle();
    expect(g.seatMessage({ side: 'britain', role: 'lead' })!.view.turn).toBe(1);
    expect(g.moves).toBe(moves);
    expect(g.info().announcements.some(x => x.text.startsWith('Time is up'))).toBe(false);
    expect(g.info().deadline).toBe(clock.now() + 300_000);
  });

  it('pausing stops the clock and resuming gives back the time that was left', async () => {
    const { g, clock } = group();
    g.join({ name: 'Ada' });
    g.control({ do: 'pace', seconds: 300 });
    g.control({ do: 'start' });
    clock.advance(100_000);
    g.control({ do: 'pause' });
    expect(g.info()).toMatchObject({ phase: 'paused', deadline: null, remainingMs: 200_000 });
    expect(clock.pending).toBe(0);
    clock.advance(1_000_000);
    g.control({ do: 'resume' });
    expect(g.info().deadline).toBe(clock.now() + 200_000);
  });

  it('refuses moves that break the teacher’s locks, and keeps the computer’s stand-in within them', async () => {
    const { g, clock } = group();
    const a = g.join({ name: 'Ada' });
    g.join({ name: 'Boris' });
    if (!a.ok) throw new Error(a.error);
    expect(g.control({ do: 'lock', target: 'action:nothing' })).toMatchObject({ ok: false, error: expect.stringContaining('not an order') });
    expect(g.control({ do: 'pace', seconds: 60 }).ok).toBe(true);
    expect(g.control({ do: 'start' }).ok).toBe(true);
    await settle();
    // Lock every decision now pending for Britain to history's choice, and the first order it may give.
    let m = g.seatMessage({ side: 'britain', role: 'lead' })!;
    for (let k = 0; k < 20 && m.duty === 'decide'; k++) {
      const ev = c.events[m.view.pending[0]!]!;
      expect(g.control({ do: 'lock', target: `event:${ev.id}` }).ok).toBe(true);
      const wrong = ev.decision!.options.find(o => !o.historical);
      if (wrong)
        expect(await g.move(a.value.seatToken, { type: 'decide', side: 'britain', event: ev.id, option: wrong.id })).toMatchObject({ ok: false, error: expect.stringContaining('history’s choice') });
      const right = ev.decision!.options.find(o => o.historical) ?? ev.decision!.options[0]!;
      expect((await g.move(a.value.seatToken, { type: 'decide', side: 'britain', event: ev.id, option: right.id })).ok).toBe(true);
      m = g.seatMessage({ side: 'britain', role: 'lead' })!;
    }
    expect(m.duty).toBe('orders');
    const action = c.actions[m.view.available[0]!]!;
    expect(g.control({ do: 'lock', target: `action:${action.id}` }).ok).toBe(true);
    expect(g.control({ do: 'lock', target: `action:${action.id}` })).toMatchObject({ ok: false, error: expect.stringContaining('already locked') });
    expect(await g.move(a.value.seatToken, { type: 'orders', side: 'britain', orders: [{ kind: 'action', id: action.id }] })).toMatchObject({ ok: false, error: expect.stringContaining('locked') });
    expect(g.info().locked.map(l => l.target)).toContain(`action:${action.id}`);
    expect(g.info().announcements.some(x => x.text.includes('locked an order'))).toBe(true);
    // The deadline: the computer gives both sides' orders, never the locked one.
    clock.advance(60_000);
    for (let k = 0; k < 50 && g.seatMessage({ side: 'britain', role: 'lead' })!.view.turn === 0; k++) await settle();
    const moves = g.toLog().game!.moves;
    expect(moves.some(mv => mv.type === 'orders' && mv.orders.some(o => o.kind === 'action' && o.id === action.id))).toBe(false);
    expect(g.toLog().locked).toContain(`action:${action.id}`);
    expect(g.control({ do: 'unlock', target: `action:${action.id}` }).ok).toBe(true);
    expect(g.control({ do: 'unlock', target: `action:${action.id}` })).toMatchObject({ ok: false, error: expect.stringContaining('not locked') });
  });

  it('comes back from its log the same, and refuses a log that does not check out', async () => {
    const { g, clock } = group();
    const a = g.join({ name: 'Ada' });
    if (!a.ok) throw new Error(a.error);
    g.control({ do: 'start' });
    await playOut(g, a.value.seatToken, 'britain');
    const log = g.toLog();
    const back = await Group.restore(sc, JSON.parse(JSON.stringify(log)), clock);
    if (!back.ok) throw new Error(back.error);
    expect(back.value.seatMessage({ side: 'britain', role: 'lead' })).toEqual(g.seatMessage({ side: 'britain', role: 'lead' }));
    expect(back.value.seatOf(a.value.seatToken)).toEqual({ side: 'britain', role: 'lead' });
    const bad = (change: (l: typeof log) => void) => {
      const l = JSON.parse(JSON.stringify(log)) as typeof log;
      change(l);
      return Group.restore(sc, l, clock);
    };
    expect(await bad(l => (l.format = 'x' as never))).toMatchObject({ ok: false, error: expect.stringContaining('not a group log') });
    expect(await bad(l => (l.game!.moves[0] = { ...l.game!.moves[0]!, side: 'ussr' }))).toMatchObject({ ok: false, error: expect.stringContaining('does not check out') });
    expect(await bad(l => (l.seats[0]!.seat = 'britain:nobody'))).toMatchObject({ ok: false, error: expect.stringContaining('britain:nobody') });
    expect(await bad(l => (l.game = null))).toMatchObject({ ok: false, error: expect.stringContaining('holds no game') });
    // A log from when seats were ministers' ids takes its students to the seat of that minister's role.
    const old = JSON.parse(JSON.stringify(log)) as typeof log;
    old.seats.push({ seat: 'britain:joynson-hicks', students: [{ name: 'Jo', token: 'jo-token' }] });
    const taken = await Group.restore(sc, old, clock);
    if (!taken.ok) throw new Error(taken.error);
    expect(taken.value.seatOf('jo-token')).toEqual({ side: 'britain', role: 'jix' });
    expect(await Group.restore(sc, 'garbage', clock)).toMatchObject({ ok: false });
  });
});

describe('roles and votes in a group', () => {
  /** Four students (both leads, Britain's first role, the USSR's first role), the game started. */
  async function started(clock = new FakeClock()) {
    const { g } = group(clock);
    const [lb, lu, mb, mu] = ['Ada', 'Boris', 'Cecil', 'Dora'].map(name => {
      const r = g.join({ name });
      if (!r.ok) throw new Error(r.error);
      return r.value;
    });
    expect(g.control({ do: 'start' }).ok).toBe(true);
    await settle();
    return { g, lb: lb!, lu: lu!, mb: mb!, mu: mu! };
  }

  it('gives each seat its own role card and no one else’s', async () => {
    const { g, mb, mu } = await started();
    const lead = g.seatMessage({ side: 'britain', role: 'lead' })!;
    expect(lead.view.role?.id).toBe('chamberlain'); // the lead minister's role
    const m = g.seatMessage(mb.seat)!;
    expect(m.view.role?.id).toBe(mb.seat.role);
    expect(m.view.role?.secretAim).toBe(sc.roles!.find(r => r.id === mb.seat.role)!.secretAim);
    const text = JSON.stringify(m);
    for (const r of sc.roles!) if (r.id !== mb.seat.role) expect(text).not.toContain(r.secretAim);
    expect(g.seatMessage(mu.seat)!.view.role?.side).toBe('ussr');
  });

  it('puts a minister’s vote into the lead’s sealed orders, only on items the move puts to the cabinet', async () => {
    const { g, lu, mu } = await started();
    const panel = g.seatMessage(mu.seat)!.cabinet!;
    expect(panel.votes).toBe(true);
    expect(panel.items.map(i => i.item)).toContain('action:restrain-comintern');
    expect(g.vote(mu.seatToken, { item: 'action:restrain-comintern', vote: -1 }).ok).toBe(true);
    expect(g.seatMessage(mu.seat)!.cabinet!.mine).toEqual({ 'action:restrain-comintern': -1 });
    // The seat is Chicherin's, who is not in the Politburo: he advises, and the panel says so.
    expect(c.roles[c.roleIndex.get(mu.seat.role)!]!.name).toBe('Georgy Chicherin');
    expect(panel.advises).toBe(true);
    expect(panel.note).toMatch(/not a member of the Politburo: you advise rather than vote/);
    // The lead sees the tally before sending, his advice apart from the members' votes.
    const tally = g.seatMessage(lu.seat)!.cabinet!.tally!.find(t => t.item === 'action:restrain-comintern')!;
    expect(tally).toMatchObject({ for: [], against: [], advice: { for: [], against: ['Georgy Chicherin'] } });
    // Refusals, with reasons.
    expect(g.vote(lu.seatToken, { item: 'action:restrain-comintern', vote: 1 })).toMatchObject({ ok: false, error: expect.stringContaining('ministers vote') });
    expect(g.vote(mu.seatToken, { item: 'action:break-relations', vote: 1 })).toMatchObject({ ok: false, error: expect.stringContaining('not before') });
    expect(g.vote(mu.seatToken, { item: 'action:restrain-comintern', vote: 2 })).toMatchObject({ ok: false, error: expect.stringContaining('votes 1') });
    // The Soviet lead orders it: the sealed move carries the ballot, and the minister is told it counted.
    expect((await g.move(lu.seatToken, { type: 'orders', side: 'ussr', orders: [{ kind: 'action', id: 'restrain-comintern' }] })).ok).toBe(true);
    const sealed = g
      .toLog()
      .game!.moves.filter(mv => mv.side === 'ussr')
      .at(-1)!;
    expect(sealed.votes).toEqual([{ role: mu.seat.role, item: 'action:restrain-comintern', vote: -1 }]);
    expect(g.seatMessage(mu.seat)!.cabinet!.counted).toMatchObject([{ item: 'action:restrain-comintern', vote: -1, advice: true }]);
  });

  it('drops a ballot on an item the lead did not order, and survives a restart with the ballots cast', async () => {
    const { g, lu, mu } = await started();
    expect(g.vote(mu.seatToken, { item: 'action:restrain-comintern', vote: 1 }).ok).toBe(true);
    const back = await Group.restore(sc, JSON.parse(JSON.stringify(g.toLog())), new FakeClock());
    if (!back.ok) throw new Error(back.error);
    expect(back.value.seatMessage(mu.seat)!.cabinet!.mine).toEqual({ 'action:restrain-comintern': 1 });
    expect((await back.value.move(lu.seatToken, { type: 'orders', side: 'ussr', orders: [] })).ok).toBe(true);
    expect(
      back.value
        .toLog()
        .game!.moves.filter(mv => mv.side === 'ussr')
        .at(-1)!.votes,
    ).toBeUndefined();
    back.value.dispose();
  });

  it('counts the ballots in the computer’s stand-in at the deadline', async () => {
    const { g, mb, mu } = await started();
    let carried = 0;
    // Each turn both ministers vote For on everything before their cabinets; nobody leads, so the
    // deadline passes and the computer stands in. What it put to a cabinet carries the votes.
    for (let turn = 0; turn < 8 && !carried; turn++) {
      const open = { britain: g.seatMessage(mb.seat)!.cabinet!.items, ussr: g.seatMessage(mu.seat)!.cabinet!.items };
      for (const i of open.britain) expect(g.vote(mb.seatToken, { item: i.item, vote: 1 }).ok).toBe(true);
      for (const i of open.ussr) expect(g.vote(mu.seatToken, { item: i.item, vote: 1 }).ok).toBe(true);
      const before = g.toLog().game!.moves.length;
      await g.expireNow();
      for (const mv of g.toLog().game!.moves.slice(before)) {
        const put =
          mv.type === 'orders'
            ? mv.orders.flatMap(o => (o.kind === 'action' ? [`action:${o.id}`] : []))
            : [c.events[c.eventIndex.get(mv.event)!]!.decision!.options.find(o => o.id === mv.option)!.cause];
        const voted = open[mv.side].filter(i => put.includes(i.item) || (mv.type === 'orders' && i.forcedBy)).map(i => i.item);
        expect((mv.votes ?? []).map(b => b.item).sort()).toEqual(voted.sort());
        carried += mv.votes?.length ?? 0;
      }
    }
    expect(carried).toBeGreaterThan(0);
  });

  it('scores each seat’s role when the game ends, and takes no more votes', async () => {
    const { g, lb, mu } = await started();
    expect(g.seatMessage(mu.seat)!.cabinet!.score).toBeNull();
    expect(g.control({ do: 'end' }).ok).toBe(true);
    const score = g.seatMessage(mu.seat)!.cabinet!.score!;
    const role = sc.roles!.find(r => r.id === mu.seat.role)!;
    expect(score).toMatchObject({ role: role.id, side: 'ussr' });
    expect(score.objectives.map(o => o.id)).toEqual(role.objectives.map(o => o.id));
    expect(score.total).toBeGreaterThanOrEqual(0);
    expect(g.seatMessage(lb.seat)!.cabinet!.score!.role).toBe('chamberlain');
    expect(g.vote(mu.seatToken, { item: 'action:restrain-comintern', vote: 1 })).toMatchObject({ ok: false, error: 'the game has ended' });
  });

  it('refuses a vote from a role with no seat in the cabinet, saying why', async () => {
    const { g } = group();
    const seats = g.info().roster.length;
    const joined = Array.from({ length: seats }, (_, k) => g.join({ name: `S${k}` }));
    expect(g.control({ do: 'start' }).ok).toBe(true);
    await settle();
    const trotsky = joined.find(j => j.ok && j.value.seat.role === 'trotsky');
    if (!trotsky?.ok) throw new Error('no Trotsky seat');
    expect(g.seatMessage(trotsky.value.seat)!.cabinet).toMatchObject({ votes: false, note: expect.stringContaining('no seat in the cabinet') });
    expect(g.vote(trotsky.value.seatToken, { item: 'action:restrain-comintern', vote: 1 })).toMatchObject({ ok: false, error: expect.stringContaining('no seat in the cabinet') });
  });
});

/** The lead of `side` plays until its orders are in (decisions by their first option as shown, orders: none). */
/** A lead takes the decisions and sends empty orders (or, holding them, stops before the orders). */
async function playOut(g: Group, token: string, side: 'britain' | 'ussr', opts: { holdOrders?: boolean } = {}): Promise<void> {
  for (let k = 0; k < 20; k++) {
    const m: SeatMessage = g.seatMessage({ side, role: 'lead' })!;
    if (m.duty === 'decide') {
      const ev = c.events[m.view.pending[0]!]!;
      const r = await g.move(token, { type: 'decide', side, event: ev.id, option: ev.decision!.options[m.optionOrder[m.view.pending[0]!]![0]!]!.id });
      if (!r.ok) throw new Error(r.error);
    } else if (m.duty === 'orders' && !opts.holdOrders) {
      const r = await g.move(token, { type: 'orders', side, orders: [] });
      if (!r.ok) throw new Error(r.error);
    } else return;
  }
}
