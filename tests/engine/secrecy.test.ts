// Each side reads only what it would know: a decision put to one side, its internal orders and its
// cabinet's deliberations are its own; public acts and their consequences are news to both.
import { describe, expect, it } from 'vitest';
import { compile, seatView } from '../../src/engine/index';
import { act, Play, quiet } from './helpers';

const texts = (g: Play, side: 'britain' | 'ussr') => seatView(compile(g.sc), g.s, side).news.map(n => n.text);

describe('who hears of what', () => {
  it('a decision put to Britain, and what its option says, is not Soviet news', () => {
    const sc = quiet(raw => {
      raw.events[0].decision.options[0].effects.push({ news: 'Jix has his warrant; the Cabinet has not been told.' });
    });
    const g = new Play(sc, 's');
    g.until('1927-05-11');
    g.decideAll();
    expect(texts(g, 'britain')).toEqual(expect.arrayContaining(['A tip', 'Britain: Approve.', 'Jix has his warrant; the Cabinet has not been told.']));
    const soviet = texts(g, 'ussr');
    expect(soviet).not.toContain('A tip');
    expect(soviet).not.toContain('Britain: Approve.');
    expect(soviet).not.toContain('Jix has his warrant; the Cabinet has not been told.');
  });

  it('a public event with a decision is news to both, with the choice made', () => {
    const sc = quiet(raw => {
      raw.events[0].public = true;
    });
    const g = new Play(sc, 's');
    g.until('1927-05-11');
    g.decideAll();
    expect(texts(g, 'ussr')).toEqual(expect.arrayContaining(['A tip', 'Britain: Approve.']));
  });

  it("an event without a decision that is one side's private business is its news alone: the other side reads nothing of it, nor that it fired, nor what it set", () => {
    const sc = quiet(raw => {
      raw.events.push({
        id: 'minute',
        title: 'A Foreign Office minute',
        kind: 'telegram',
        privateTo: 'britain',
        date: '1927-05-09',
        text: 'The Northern Department minutes that Moscow is bluffing.',
        effects: [{ setFlag: 'bluffing' }, { fig: 'warScare', add: 1 }],
        sources: ['test'],
      });
      raw.events.push({ id: 'speech', title: 'A speech in Moscow', kind: 'news', date: '1927-05-09', text: 'Rykov speaks.', effects: [], sources: ['test'] });
    });
    const c = compile(sc);
    const g = new Play(sc, 's');
    g.until('1927-05-11');
    const minute = c.eventIndex.get('minute')!;
    expect(texts(g, 'britain')).toEqual(expect.arrayContaining(['A Foreign Office minute', 'A speech in Moscow']));
    expect(texts(g, 'ussr')).toContain('A speech in Moscow');
    expect(texts(g, 'ussr')).not.toContain('A Foreign Office minute');
    expect(g.s.fired[minute]).toBeGreaterThanOrEqual(0);
    expect(seatView(c, g.s, 'britain').fired[minute]).toBe(g.s.fired[minute]);
    expect(seatView(c, g.s, 'ussr').fired[minute]).toBe(-1);
    const flag = c.flagIndex.get('bluffing')!;
    expect(g.s.flags[flag]).toBeGreaterThanOrEqual(0);
    expect(seatView(c, g.s, 'ussr').flags[flag]).toBe(-1);
    // The figure it moves is public: the other side sees the change, not its cause.
    const ledger = seatView(c, g.s, 'ussr', { ledger: true }).ledger.filter(e => e.fig === c.figIndex.get('warScare'));
    expect(ledger.length).toBeGreaterThan(0);
    expect(ledger.some(e => e.cause === 'event:minute')).toBe(false);
    expect(seatView(c, g.s, 'britain', { ledger: true }).ledger.some(e => e.cause === 'event:minute')).toBe(true);
  });

  it('privateTo is refused on an event with a decision, naming the field', () => {
    expect(() =>
      quiet(raw => {
        raw.events[0].privateTo = 'britain';
      }),
    ).toThrow(/privateTo/);
  });

  it('public: false on an event without a decision is refused, pointing to privateTo', () => {
    expect(() =>
      quiet(raw => {
        raw.events[1].public = false;
      }),
    ).toThrow('events[1].public: false says nothing on an event without a decision');
  });

  it('public consequences of a private decision are announced to both', () => {
    const sc = quiet(raw => {
      raw.events[0].decision.options[0].effects.push({ relations: 'charge' });
    });
    const g = new Play(sc, 's');
    g.until('1927-05-11');
    g.decideAll();
    expect(texts(g, 'ussr')).toContain("Relations: relations at chargé d'affaires level.");
  });

  it('cabinet deliberations are private; the act, if public, is news to both', () => {
    const g = new Play(quiet(), 's');
    g.until('1927-05-12');
    g.turn({ britain: act('break') });
    const brit = texts(g, 'britain'),
      sov = texts(g, 'ussr');
    const vote = brit.find(t => t.startsWith('The Cabinet'));
    expect(vote).toBeDefined();
    expect(sov.some(t => t.startsWith('The Cabinet'))).toBe(false);
    if (vote!.includes('approves')) expect(sov).toContain('Britain: Break relations.');
    else expect(sov).not.toContain('Britain: Break relations.');
  });

  it('orders in private categories (lobby, intelligence, comintern) stay private unless marked public', () => {
    const sc = quiet(raw => {
      raw.actions.push({ id: 'lobby-colleagues', side: 'britain', label: 'Work on colleagues', description: 'd', category: 'lobby', cost: 1, effects: [], sources: ['test'] });
      raw.actions.push({ id: 'announce', side: 'britain', label: 'Announce a lobbying drive', description: 'd', category: 'lobby', public: true, cost: 1, effects: [], sources: ['test'] });
    });
    const g = new Play(sc, 's');
    g.turn({ britain: act('lobby-colleagues', 'announce') });
    expect(texts(g, 'britain')).toEqual(expect.arrayContaining(['Britain: Work on colleagues.', 'Britain: Announce a lobbying drive.']));
    expect(texts(g, 'ussr')).not.toContain('Britain: Work on colleagues.');
    expect(texts(g, 'ussr')).toContain('Britain: Announce a lobbying drive.');
  });

  it("a private order refused by the cabinet is the side's business alone: no news, no named cause for the other side", () => {
    const sc = quiet(raw => {
      raw.actions.push({
        id: 'sound-out',
        side: 'britain',
        label: 'Sound out the Cabinet',
        description: 'd',
        category: 'lobby',
        cost: 1,
        issue: 'rupture',
        direction: -1,
        cabinet: true,
        difficulty: 100,
        onFail: [{ news: 'Word of the refusal gets about.' }, { fig: 'tension', add: 2 }],
        effects: [],
        sources: ['test'],
      });
    });
    // The first seed on which the Cabinet turns it down (the vote is a die roll, weighted heavily against).
    const g = Array.from({ length: 30 }, (_, k) => {
      const x = new Play(sc, `refuse-${k}`);
      x.turn({ britain: act('sound-out') });
      return x;
    }).find(x => texts(x, 'britain').includes('The Cabinet rejects: Sound out the Cabinet.'))!;
    expect(texts(g, 'britain')).toEqual(expect.arrayContaining(['The Cabinet rejects: Sound out the Cabinet.', 'Word of the refusal gets about.']));
    expect(texts(g, 'ussr')).not.toContain('Word of the refusal gets about.');
    const theirs = seatView(compile(g.sc), g.s, 'ussr');
    expect(JSON.stringify(theirs)).not.toContain('sound-out');
    expect(JSON.stringify(theirs)).not.toContain('Sound out');
    expect(theirs.failed.every(d => d === -1)).toBe(true);
  });

  it('a note is news to its sender when sent and to the other side when it arrives', () => {
    const g = new Play(quiet(), 's');
    g.turn({ ussr: [{ kind: 'offer', terms: { propaganda: 'pledge' } }] });
    expect(texts(g, 'ussr').some(t => t.includes('sends proposals'))).toBe(true);
    expect(texts(g, 'britain').some(t => t.includes('sends proposals'))).toBe(false);
  });
});
