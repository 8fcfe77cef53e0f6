// Terms of office in a classroom group (1929): the Labour ministers have no seats of their own
// before they take office. Each Conservative minister's seat passes to a Labour one with the change
// of government after the general election of 30 May 1929, and its student is told so; until then
// the Conservative minister votes and the seat is told who takes it over and when. Hugh Dalton, who
// succeeds no one, sits out of office until then and is told what he can do. The handover keeps
// the votes, the brief, the secret aims and the score with the role the seat plays now, and
// survives a restart of the server.

import { describe, expect, it } from 'vitest';
import { debrief } from '../../src/app/debrief';
import type { Seat } from '../../src/class/protocol';
import { compile } from '../../src/engine/index';
import { Group, seatHolders } from '../../src/server/group';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1929');
const c = compile(sc);
const role = (id: string) => sc.roles!.find(r => r.id === id)!;
const CHURCHILL: Seat = { side: 'britain', role: 'churchill' };
const DALTON: Seat = { side: 'britain', role: 'dalton' };
const LEAD: Seat = { side: 'britain', role: 'lead' };
// A game number whose computer stand-ins bring Labour in at the 1929 election (found by trying a few;
// under the keyed dice terms-1 no longer does).
const SEED = 'terms-2';

function seated(seed = SEED) {
  const g = Group.create(sc, { code: 'TERMS1', classId: 'c1', teacherKey: 'k', seed, seating: 'assign', paceSeconds: 0 });
  if (!g.ok) throw new Error(g.error);
  const tokens = new Map<string, string>();
  for (let k = 0; k < g.value.info().roster.length; k++) {
    const j = g.value.join({ name: `Student ${k}` });
    if (!j.ok) throw new Error(j.error);
    tokens.set(`${j.value.seat.side}:${j.value.seat.role}`, j.value.seatToken);
  }
  return { g: g.value, token: (s: Seat) => tokens.get(`${s.side}:${s.role}`)! };
}

/** Let the deadline pass (the computer stands in for every lead) until the seat's role changes or `turns` run out. */
async function untilHandover(g: Group, turns = 16): Promise<void> {
  for (let t = 0; t < turns && g.seatMessage(CHURCHILL)!.view.role?.id === 'churchill'; t++) await g.expireNow();
}

describe('terms of office in the 1929 classroom', () => {
  it('seat each Labour successor in his predecessor’s seat, and Dalton, who succeeds no one, in his own', () => {
    const { g } = seated();
    const roster = g.info().roster;
    const seats = roster.map(r => r.role);
    for (const id of ['macdonald', 'henderson', 'snowden', 'thomas', 'graham', 'clynes', 'passfield', 'lansbury', 'parmoor', 'benn', 'mosley']) expect(seats, id).not.toContain(id);
    expect(seats).toContain('dalton');
    expect(roster.find(r => r.role === 'churchill')!.label).toBe('Winston Churchill, then Philip Snowden, Britain');
    // War went to Shaw and Air to Thomson, who are not in the game: these seats pass to Labour ministers of other offices, and say so.
    expect(roster.find(r => r.role === 'worthington-evans')!.label).toBe('Sir Laming Worthington-Evans; the seat then passes to J. H. Thomas, Britain');
    expect(roster.find(r => r.role === 'hoare')!.label).toBe('Sir Samuel Hoare; the seat then passes to George Lansbury, Britain');
    // The lead's seat holds Chamberlain and then Henderson: Henderson's role has no seat of its own.
    expect(roster.find(r => r.role === 'lead')!.label).toBe('Leads Britain (Sir Austen Chamberlain, then Arthur Henderson)');
    // Every role is played from some seat: the seat heads, and through them every successor.
    const heads = new Set(seats);
    for (const r of c.roles) {
      let h = r;
      while (h.succeeds) h = c.roles[h.succeeds.role]!;
      expect(heads.has(h.id) || h.minister === c.ministers.findIndex(m => m.id === sc.sides[h.side].lead), r.id).toBe(true);
    }
    g.dispose();
  });

  it('once the teacher ends the game, no seat is told it passes to anyone, and the lead is told the game is over', () => {
    const { g } = seated();
    expect(g.control({ do: 'start' }).ok).toBe(true);
    expect(g.control({ do: 'end' }).ok).toBe(true);
    const lead = g.seatMessage(LEAD)!.cabinet!;
    expect(lead).toMatchObject({ note: 'The game is over.', items: [], tally: [], term: null });
    expect(g.seatMessage(CHURCHILL)!.cabinet!).toMatchObject({ note: 'The game is over.', term: null });
    g.dispose();
  });

  it('before the election: the Conservative minister votes and is told who takes the seat over; Dalton is told he is out of office', async () => {
    const { g, token } = seated();
    expect(g.control({ do: 'start' }).ok).toBe(true);
    const m = g.seatMessage(CHURCHILL)!;
    expect(m.view.role?.id).toBe('churchill');
    expect(m.cabinet).toMatchObject({
      votes: true,
      term: expect.stringContaining('This seat passes to Philip Snowden, Chancellor of the Exchequer, with a Labour government after the general election of 30 May 1929'),
    });
    expect(g.seatMessage(LEAD)!.cabinet!.term).toContain('This seat passes to Arthur Henderson, Foreign Secretary');
    const d = g.seatMessage(DALTON)!.cabinet!;
    expect(d.votes).toBe(false);
    expect(d.note).toContain('out of office');
    expect(d.note).toContain('press your aims');
    expect(g.vote(token(DALTON), { item: 'action:anything', vote: 1 })).toMatchObject({ ok: false, error: expect.stringContaining('out of office') });
    g.dispose();
  });

  it('at the change of government: the seat passes to Snowden, with his brief, aims and vote, and says so', async () => {
    const { g, token } = seated();
    g.control({ do: 'start' });
    await untilHandover(g);
    const m = g.seatMessage(CHURCHILL)!;
    expect(m.view.role?.id).toBe('snowden');
    expect(m.view.role?.secretAim).toBe(role('snowden').secretAim);
    expect(JSON.stringify(m)).not.toContain(role('churchill').secretAim);
    expect(m.cabinet).toMatchObject({ votes: true, term: expect.stringContaining('this seat has passed from Winston Churchill to Philip Snowden, Chancellor of the Exchequer') });
    expect(g.seatMessage(LEAD)!.view.role?.id).toBe('henderson');
    expect(g.seatMessage(LEAD)!.cabinet!.term).toContain('this seat has passed from Sir Austen Chamberlain to Arthur Henderson, Foreign Secretary');
    expect(g.seatMessage(DALTON)!.cabinet!.votes).toBe(true);
    // A vote from the seat is Snowden's ballot.
    const items = m.cabinet!.items;
    expect(items.length).toBeGreaterThan(0);
    expect(g.vote(token(CHURCHILL), { item: items[0]!.item, vote: 1 }).ok).toBe(true);
    expect(g.toLog().ballots?.cast.britain.map(b => b.role)).toContain('snowden');
    // The score at the end is the role the seat plays then.
    expect(g.control({ do: 'end' }).ok).toBe(true);
    expect(g.seatMessage(CHURCHILL)!.cabinet!.score!.role).toBe('snowden');
    g.dispose();
  });

  it('names in the debrief the student of a seat against every role it held, the lead’s included', async () => {
    const { g } = seated();
    g.control({ do: 'start' });
    await untilHandover(g);
    const log = g.toLog();
    g.dispose();
    const who = (seat: string) => log.seats.find(x => x.seat === seat)!.students[0]!.name;
    const d = debrief(sc, log.seed, log.game!.moves, { seats: seatHolders(sc, log.seats) });
    const player = (id: string) => d.roles.find(r => r.id === id)!.player;
    expect(player('churchill')).toBe(who('britain:churchill'));
    expect(player('snowden')).toBe(who('britain:churchill'));
    expect(player('chamberlain')).toBe(who('britain:lead'));
    expect(player('henderson')).toBe(who('britain:lead'));
    expect(player('dalton')).toBe(who('britain:dalton'));
  });

  it('keeps the handover through a restart, and seats a student a log had at a successor’s role in its seat', async () => {
    const { g, token } = seated();
    g.control({ do: 'start' });
    await untilHandover(g);
    const log = JSON.parse(JSON.stringify(g.toLog()));
    g.dispose();
    const back = await Group.restore(sc, log);
    if (!back.ok) throw new Error(back.error);
    expect(back.value.seatMessage(CHURCHILL)!.view.role?.id).toBe('snowden');
    expect(back.value.seatOf(token(CHURCHILL))).toEqual(CHURCHILL);
    back.value.dispose();
    // A log from before seats followed terms of office, with a student at Snowden's own seat.
    const old = JSON.parse(JSON.stringify(log));
    old.seats = [{ seat: 'britain:snowden', students: [{ name: 'Old', token: 'old-token' }] }];
    const again = await Group.restore(sc, old);
    if (!again.ok) throw new Error(again.error);
    expect(again.value.seatOf('old-token')).toEqual(CHURCHILL);
    again.value.dispose();
  });
});
