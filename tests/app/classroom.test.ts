// Pass-and-play's rules: who has a side's desk (the student at its lead's role, also after the lead
// changes hands), who votes (the side's other seated ministers in office), on what (a move's cabinet
// items), which sides a class leaves to the computer; and a classroom match saves its group and
// seats with the game, and restores them.
import { describe, expect, it } from 'vitest';
import { atDesk, classSides, votedItems, voters, withVotes } from '../../src/app/classroom';
import { Match } from '../../src/app/match';
import { compile, createGame, type Move, seatView } from '../../src/engine/index';
import { withFigs } from '../engine/helpers';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1927');
const c = compile(sc);
const seats = [
  { role: 'chamberlain', player: 'Amira' },
  { role: 'cecil', player: 'Ben' },
  { role: 'churchill', player: 'Chloé' },
  { role: 'diehard-leader', player: 'Dev' },
  { role: 'litvinov', player: 'Eva' },
];
const s0 = createGame(sc, 'class');

describe('pass and play', () => {
  it("gives a side's desk to the student at its lead's role", () => {
    expect(atDesk(c, seatView(c, s0, 'britain'), seats)?.player).toBe('Amira');
    expect(atDesk(c, seatView(c, s0, 'ussr'), seats)?.player).toBe('Eva');
    expect(atDesk(c, seatView(c, s0, 'ussr'), seats.slice(0, 2))).toBeNull();
  });

  it('lets the seated ministers in office vote, not the lead, not a figure who is not a minister, not one who has resigned', () => {
    expect(voters(c, seatView(c, s0, 'britain'), seats).map(x => x.player)).toEqual(['Ben', 'Chloé']);
    const cecilGone = withFigs(c, s0, { 'inOffice.cecil': 0 });
    expect(voters(c, seatView(c, cecilGone, 'britain'), seats).map(x => x.player)).toEqual(['Chloé']);
  });

  it("puts to the vote only a move's cabinet items", () => {
    const orders: Move = {
      type: 'orders',
      side: 'britain',
      orders: [
        { kind: 'action', id: 'break-relations' },
        { kind: 'action', id: 'brief-press' },
      ],
    };
    const items = votedItems(c, orders);
    expect(items.map(x => x.item)).toEqual(['action:break-relations']);
    expect(
      votedItems(c, {
        type: 'orders',
        side: 'britain',
        orders: [
          { kind: 'reply', offer: 3, accept: true },
          { kind: 'reply', offer: 4, accept: false },
        ],
      }).map(x => x.item),
    ).toEqual(['offer:ussr:3']);
    expect(withVotes(orders, [])).toBe(orders);
    expect(withVotes(orders, [{ role: 'cecil', item: 'action:break-relations', vote: -1 }]).votes).toHaveLength(1);
  });

  it('leaves a side without students to the computer, and needs a student at the lead of a side with students', () => {
    const r = classSides(sc, c, { group: 'G', seats: seats.filter(x => x.role !== 'litvinov') });
    expect(r).toEqual({ ok: true, sides: { britain: 'human', ussr: 'persona' } });
    const noLead = classSides(sc, c, { group: 'G', seats: [{ role: 'cecil', player: 'Ben' }] });
    expect(noLead.ok ? '' : noLead.error).toContain('none plays its lead, Sir Austen Chamberlain');
    const none = classSides(sc, c, { group: 'G', seats: [] });
    expect(none.ok).toBe(false);
  });

  it('saves a classroom match with its group and seats (a hand-in), votes in the moves, and restores both', async () => {
    const m = Match.create(sc, { scenario: '1927', seed: 'class', sides: { britain: 'human', ussr: 'persona' }, classroom: { group: 'Group 4', seats } });
    if (!m.ok) throw new Error(m.error);
    while (m.value.duty('britain') === 'decide') {
      const ev = m.value.affordances('britain').decision!.event;
      m.value.submit('britain', { type: 'decide', side: 'britain', event: ev.id, option: ev.decision!.options[0]!.id });
    }
    const r = m.value.submit('britain', {
      type: 'orders',
      side: 'britain',
      orders: [{ kind: 'action', id: 'break-relations' }],
      votes: [{ role: 'cecil', item: 'action:break-relations', vote: -1 }],
    });
    expect(r.ok).toBe(true);
    await m.value.advance();
    const saved = JSON.parse(JSON.stringify(m.value.save()));
    expect(saved.app.group).toBe('Group 4');
    expect(saved.app.seats).toEqual(seats);
    const back = await Match.restore(sc, saved);
    if (!back.ok) throw new Error(back.error);
    expect(back.value.setup.classroom).toEqual({ group: 'Group 4', seats });
    expect(back.value.moves.some(x => x.votes?.[0]?.role === 'cecil')).toBe(true);
    m.value.dispose();
    back.value.dispose();
  });

  it('refuses a class setup with a role the scenario lacks', () => {
    const m = Match.create(sc, { scenario: '1927', seed: 'x', sides: { britain: 'human', ussr: 'persona' }, classroom: { group: 'G', seats: [{ role: 'nobody', player: 'X' }] } });
    expect(m.ok ? '' : m.error).toContain('names no role of scenario "1927"');
  });
});

describe('pass and play with terms of office (1929)', () => {
  const sc29 = loadScenarioFile('1929');
  const c29 = compile(sc29);
  const seats29 = [
    { role: 'chamberlain', player: 'Amira' },
    { role: 'churchill', player: 'Ben' },
    { role: 'dalton', player: 'Dev' },
  ];
  const before = createGame(sc29, 'class-terms');
  // Labour in office, as the general election's Labour branch leaves it.
  const after = withFigs(c29, structuredClone(before), { 'inOffice.snowden': 1, 'inOffice.churchill': 0, 'inOffice.henderson': 1, 'inOffice.austen-chamberlain': 0, 'inOffice.dalton': 1 });
  after.flags[c29.flagIndex.get('labourWins')!] = c29.days[0]!;
  after.lead.britain = c29.ministers.findIndex(m => m.id === 'henderson');

  it('seats the Conservative minister until the change of government, then his successor, with the same student', () => {
    expect(voters(c29, seatView(c29, before, 'britain'), seats29).map(x => [x.player, x.role.id])).toEqual([['Ben', 'churchill']]);
    expect(voters(c29, seatView(c29, after, 'britain'), seats29).map(x => [x.player, x.role.id])).toEqual([
      ['Ben', 'snowden'],
      ['Dev', 'dalton'],
    ]);
    expect(atDesk(c29, seatView(c29, after, 'britain'), seats29)).toMatchObject({ player: 'Amira', role: { id: 'henderson' } });
  });
});
