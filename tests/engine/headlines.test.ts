// The big moments are marked as headlines where they happen, for the sides that may hear them: a break
// of relations (both), a resignation (both), an item forced onto a cabinet's agenda (its own side only),
// a note ratified or refused (both; the seat's own cabinet's dissenters and the terms they could not
// accept told only to that seat), a note rejected (the sender's headline, with the rejecting cabinet's
// reason, which the reply makes public), the end. A headline made in private business keeps its origin.
import { describe, expect, it } from 'vitest';
import { compile, type HeadlineKind, type NewsItem, type Side, seatView } from '../../src/engine/index';
import type { Order, Terms } from '../../src/engine/types';
import { act, newsSince, Play, quiet } from './helpers';

const sc = quiet();
const c = compile(sc);
const offer = (terms: Terms): Order => ({ kind: 'offer', terms });
const reply = (n: number, accept: boolean): Order => ({ kind: 'reply', offer: n, accept });

/** The headlines `side` hears in the news since `before`. */
function heard(g: Play, before: Play['s'], side: Side, kind?: HeadlineKind): NewsItem[] {
  return newsSince(before, g.s).filter(n => n.headline !== undefined && (kind === undefined || n.headline === kind) && (n.side === undefined || n.side === side));
}

describe('headlines', () => {
  it('a break of relations is a headline for both sides, in both seat views', () => {
    // The break needs a raid first, and a Cabinet vote: the first seed whose vote passes.
    let g = new Play(sc),
      before = g.s;
    for (let k = 0; k < 40 && g.s.relations !== 'ruptured'; k++) {
      g = new Play(sc, `break-${k}`);
      g.turn({ britain: act('raid') });
      before = g.s;
      g.turn({ britain: act('break') });
    }
    expect(g.s.relations).toBe('ruptured');
    for (const side of ['britain', 'ussr'] as const) {
      const h = heard(g, before, side, 'relations');
      expect(h.map(n => [n.text, n.detail])).toEqual([['Relations: relations broken off.', 'Britain: Break relations.']]);
      expect(seatView(c, g.s, side).news.filter(n => n.headline === 'relations')).toHaveLength(1);
    }
  });

  it('a break made inside private business keeps its origin: the other side hears the headline, not the cause', () => {
    const secret = quiet(raw => {
      raw.actions.push({ id: 'quiet-break', side: 'britain', label: 'Break quietly', description: 'd', category: 'intelligence', cost: 0, effects: [{ relations: 'ruptured' }], sources: ['test'] });
    });
    const cs = compile(secret);
    const g = new Play(secret);
    g.turn({ britain: act('quiet-break') });
    const item = newsSince(new Play(secret).s, g.s).find(n => n.headline === 'relations')!;
    expect(item.origin).toBe('britain');
    const theirs = seatView(cs, g.s, 'ussr').news.find(n => n.headline === 'relations')!;
    expect(theirs.text).toBe('Relations: relations broken off.');
    expect(theirs.cause).toBe('hidden:britain');
    expect(theirs.detail).toBeUndefined(); // what brought it about is withheld with the cause
    const mine = seatView(cs, g.s, 'britain').news.find(n => n.headline === 'relations')!;
    expect([mine.cause, mine.detail]).toEqual(['action:quiet-break', 'Britain: Break quietly.']);
  });

  it('a resignation is a headline for both sides', () => {
    const snub = quiet(raw => {
      raw.actions.push({ id: 'snub', side: 'britain', label: 'Snub', description: 'd', category: 'press', cost: 0, effects: [{ fig: 'mood.hawk', add: -30 }], sources: ['test'] });
    });
    const g = new Play(snub);
    const before = g.s;
    g.turn({ britain: act('snub') });
    for (const side of ['britain', 'ussr'] as const) {
      expect(heard(g, before, side, 'resignation').map(n => n.text)).toEqual(['Hawk (Home Secretary) resigns.']);
    }
  });

  it('an item forced onto the agenda is a headline for its own side only', () => {
    const hot = quiet(raw => {
      raw.groups.find((x: { id: string }) => x.id === 'diehards').pressure = 95;
    });
    const ch = compile(hot);
    const g = new Play(hot);
    const before = g.s;
    g.turn();
    const mine = heard(g, before, 'britain', 'agenda');
    expect(mine.map(n => n.text)).toEqual(['Hawk forces "Raid" onto the agenda.']);
    // Its causes: the line the demand's figure has crossed, with the figure's value when it was forced.
    expect(mine[0]!.detail).toMatch(
      /^The demand is made because Die-hards: pressure (9\d|100) \(the line is 90 or more\)\. No order put it there\. The Cabinet votes on it first, before this turn's orders\.$/,
    );
    expect(heard(g, before, 'ussr', 'agenda')).toEqual([]);
    expect(seatView(ch, g.s, 'ussr').news.some(n => n.headline === 'agenda')).toBe(false);
    expect(seatView(ch, g.s, 'britain').news.some(n => n.headline === 'agenda')).toBe(true);
  });

  it('a ratified note is a headline for both sides, naming the terms that now bind', () => {
    let found = false;
    for (let k = 0; k < 40 && !found; k++) {
      const g = new Play(sc, `ratified-${k}`);
      g.turn({ ussr: [offer({ propaganda: 'pledge' })] });
      const before = g.s;
      g.turn({ britain: [reply(1, true)] });
      if (g.s.offers[0]!.status !== 'ratified') continue;
      found = true;
      for (const side of ['britain', 'ussr'] as const) {
        const h = heard(g, before, side, 'note-ratified');
        expect(h).toHaveLength(1);
        expect(h[0]!.text).toMatch(/^Soviet note 1 is accepted: .*The agreement is binding\.$/);
        expect(h[0]!.detail).toBe('Now binding: Propaganda: Pledge.');
      }
    }
    expect(found).toBe(true);
  });

  it("a note refused by the seat's own cabinet names its dissenters and the terms they could not accept; the other side hears only that it refused", () => {
    // A package worth -40 to Britain: no British minister accepts it, so the Cabinet all but surely refuses.
    let found = false;
    for (let k = 0; k < 40 && !found; k++) {
      const g = new Play(sc, `refused-${k}`);
      g.turn({ ussr: [offer({ propaganda: 'none' })] });
      const before = g.s;
      g.turn({ britain: [reply(1, true)] });
      const text = newsSince(before, g.s).find(n => n.text.startsWith('Soviet note 1 is accepted'))?.text ?? '';
      if (!text.includes('the Cabinet refuses') || !text.includes('the Politburo ratifies')) continue;
      found = true;
      const own = heard(g, before, 'britain', 'note-refused');
      expect(own).toHaveLength(1);
      expect(own[0]!.side).toBe('britain');
      expect(own[0]!.detail).toBe(
        'The Cabinet refused to ratify (0% of its influence backed the package, a 3% chance of ratifying). Voting against: Foreign Sec (Foreign Secretary), Hawk (Home Secretary), Swing (Lord Chancellor). ' +
          'Terms that weighed against it: Propaganda: None (worth −40 to it; without it, 59% more of its influence would back the package).',
      );
      const theirs = heard(g, before, 'ussr', 'note-refused');
      expect(theirs).toHaveLength(1);
      expect(theirs[0]!.text).toBe(own[0]!.text);
      expect(theirs[0]!.detail).toBe('The Cabinet refused to ratify; it gave no reasons.');
      // ...and the seat views carry exactly that
      expect(
        seatView(c, g.s, 'ussr')
          .news.filter(n => n.headline === 'note-refused')
          .map(n => n.detail),
      ).toEqual([theirs[0]!.detail]);
      expect(JSON.stringify(seatView(c, g.s, 'ussr').news)).not.toContain('Voting against');
    }
    expect(found).toBe(true);
  });

  it('an agreement the Commons throws out says why, to both sides: the party groups pressing against it and its chance of passing', () => {
    // Die-hards (weight 3, stance 90 on rupture, which any agreement eases) press at about 70: a real chance of a revolt.
    let found = false;
    for (let k = 0; k < 300 && !found; k++) {
      const g = new Play(sc, `commons-${k}`);
      g.turn({ ussr: [offer({ propaganda: 'pledge' })] });
      const before = g.s;
      g.turn({ britain: [reply(1, true)] });
      const text = newsSince(before, g.s).find(n => n.text.startsWith('Soviet note 1 is accepted'))?.text ?? '';
      if (!text.includes('the Commons throws it out')) continue;
      found = true;
      for (const side of ['britain', 'ussr'] as const) {
        const detail = heard(g, before, side, 'note-refused')[0]!.detail!;
        expect(detail).toMatch(/^The Commons threw the agreement out: Die-hards \(pressure \d+\) oppose it, and their pressure had cut its chance of passing to \d+%\.$/);
        const chance = Number(/to (\d+)%/.exec(detail)![1]);
        expect(chance).toBeGreaterThan(0);
        expect(chance).toBeLessThan(100);
      }
    }
    expect(found).toBe(true);
  });

  it("the Politburo's own dissenters are told to the Soviet seat only", () => {
    // Pledge (-10 to the USSR): the Deputy (stance 40, hardness 20) votes against; the Boss accepts.
    let found = false;
    for (let k = 0; k < 200 && !found; k++) {
      const g = new Play(sc, `politburo-${k}`);
      g.turn({ britain: [offer({ propaganda: 'pledge' })] });
      const before = g.s;
      g.turn({ ussr: [reply(1, true)] });
      const text = newsSince(before, g.s).find(n => n.text.startsWith('British note 1 is accepted'))?.text ?? '';
      if (!text.includes('the Politburo refuses') || text.includes('the Cabinet refuses')) continue;
      found = true;
      // The term that weighed against the package is named with its worth, and no share beside it: no vote turned on it alone (the Deputy asks more than a package worth nothing).
      expect(heard(g, before, 'ussr', 'note-refused')[0]!.detail).toBe(
        'The Politburo refused to ratify (64% of its influence backed the package, a 79% chance of ratifying). Voting against: Deputy (Deputy Commissar). ' +
          'Terms that weighed against it: Propaganda: Pledge (worth −10 to it).',
      );
      expect(heard(g, before, 'britain', 'note-refused')[0]!.detail).toBe('The Politburo refused to ratify; it gave no reasons.');
    }
    expect(found).toBe(true);
  });

  it('a rejected note is a headline for its sender, with the reason the rejecting cabinet gives, which both sides read', () => {
    const g = new Play(sc);
    g.turn({ ussr: [offer({ propaganda: 'none' })] });
    const before = g.s;
    g.turn({ britain: [reply(1, false)] });
    const theirs = heard(g, before, 'ussr', 'note-rejected');
    expect(theirs.map(n => [n.text, n.detail])).toEqual([
      [
        'Britain rejects Soviet note 1.',
        // No share or pull: they rest on the Cabinet's hidden stances, and Moscow reads this whatever its intelligence.
        'The Cabinet would not back the package: less than half of its influence was for it. Terms that weighed against it: Propaganda: None (worth −40 to it).',
      ],
    ]);
    expect(heard(g, before, 'britain')).toEqual([]);
    const mine = newsSince(before, g.s).filter(n => n.side === 'britain' && n.text === 'Britain rejects Soviet note 1.');
    expect(mine.map(n => n.detail)).toEqual([theirs[0]!.detail]);
  });

  it('a rejection the cabinet could have accepted is said to be the leader’s choice, not the cabinet’s', () => {
    const g = new Play(sc);
    g.turn({ ussr: [offer({ propaganda: 'pledge' })] });
    const before = g.s;
    g.turn({ britain: [reply(1, false)] });
    expect(heard(g, before, 'ussr', 'note-rejected')[0]!.detail).toBe('The refusal was its leader’s choice, not the Cabinet’s: most of the Cabinet could have accepted the package.');
  });

  it('the end of the game is a headline for both sides', () => {
    const g = new Play(sc);
    const before = g.s;
    g.finish();
    for (const side of ['britain', 'ussr'] as const) expect(heard(g, before, side, 'game-end')).toHaveLength(1);
  });
});
