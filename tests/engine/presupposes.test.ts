// Two general mechanisms for following a branch through: a negotiation term's option may carry a
// `when` (what it presupposes), and an order may name the orders it `contradicts`. An option whose
// `when` is false is not offered, a note carrying one is refused with the reason, and a note that
// events overtake lapses; two contradicting orders in one turn are refused with the reason, whoever
// gives them (a person or a computer player).
import { describe, expect, it } from 'vitest';
import { openOptions } from '../../src/engine/negotiation';
import { seatView } from '../../src/engine/seat';
import { act, newsSince, Play, quiet, type RawJson } from './helpers';

/** The mini scenario with a second propaganda option that presupposes the raid, and two contradicting orders. */
const sc = quiet((raw: RawJson) => {
  raw.negotiation.terms[0].options.push({ id: 'damages', label: 'Damages for the raid', value: { britain: -20, ussr: 30 }, when: { flag: 'raided' } });
  raw.actions.push(
    { id: 'calm', side: 'ussr', label: 'Calm the talk of war', description: 'd', category: 'press', cost: 1, contradicts: ['scare'], effects: [], sources: ['test'] },
    { id: 'calm2', side: 'ussr', label: 'Calm it again', description: 'd', category: 'press', cost: 0, effects: [], sources: ['test'] },
  );
});

describe('a term option presupposes what its when says', () => {
  it('is left out of the options on offer, and a note carrying it is refused with the reason, until it holds', () => {
    const g = new Play(sc);
    const term = g.c.terms[0]!;
    expect(openOptions(term, g.s).map(o => o.id)).toEqual(['none', 'pledge']);
    const r = g.try({ type: 'orders', side: 'ussr', orders: [{ kind: 'offer', terms: { propaganda: 'damages' } }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe('"Damages for the raid" is not on offer for "Propaganda" now: what it presupposes does not hold');
    g.turn({ britain: act('raid') });
    expect(openOptions(term, g.s).map(o => o.id)).toEqual(['none', 'pledge', 'damages']);
    expect(g.try({ type: 'orders', side: 'ussr', orders: [{ kind: 'offer', terms: { propaganda: 'damages' } }] }).ok).toBe(true);
  });

  it('a note sent while it held lapses, overtaken by events, once it no longer does', () => {
    const overtaken = quiet((raw: RawJson) => {
      // Presupposes no raid yet, so the raid overtakes it.
      raw.negotiation.terms[0].options.push({ id: 'before', label: 'Before any raid', value: { britain: 0, ussr: 0 }, when: { noFlag: 'raided' } });
    });
    const g = new Play(overtaken);
    g.turn({ ussr: [{ kind: 'offer', terms: { propaganda: 'before' } }] });
    expect(['sent', 'delivered']).toContain(g.s.offers[0]!.status);
    const before = g.s;
    g.turn({ britain: act('raid') });
    g.turn();
    expect(g.s.offers[0]!.status).toBe('lapsed');
    expect(newsSince(before, g.s).map(n => n.text)).toContain('Soviet note 1 lapses, overtaken by events: its "Propaganda: Before any raid" no longer applies.');
  });

  it('a note overtaken on its way never reaches the other side: only its sender sees it lapse', () => {
    const overtaken = quiet((raw: RawJson) => {
      raw.negotiation.terms[0].options.push({ id: 'before', label: 'Before any raid', value: { britain: 0, ussr: 0 }, when: { noFlag: 'raided' } });
    });
    const g = new Play(overtaken);
    // The raid goes in the same turn the note is sent: the note is on its way when it no longer applies.
    const sent = g.s;
    g.turn({ britain: act('raid'), ussr: [{ kind: 'offer', terms: { propaganda: 'before' } }] });
    g.turn();
    expect(g.s.offers[0]).toMatchObject({ n: 1, from: 'ussr', status: 'lapsed', unread: true });
    const lapse = 'Soviet note 1 lapses before it arrives, overtaken by events: its "Propaganda: Before any raid" no longer applies.';
    expect(
      newsSince(sent, g.s)
        .filter(n => n.text === lapse)
        .map(n => n.side),
    ).toEqual(['ussr']);
    const c = g.c;
    expect(seatView(c, g.s, 'ussr').offers.map(o => o.status)).toEqual(['lapsed']);
    expect(seatView(c, g.s, 'ussr').news.map(n => n.text)).toContain(lapse);
    // Britain's view holds no trace of it: no note, no news of it, nothing caused by it.
    const theirs = seatView(c, g.s, 'britain');
    expect(theirs.offers).toEqual([]);
    expect(theirs.news.filter(n => /note/i.test(n.text) || n.cause.startsWith('offer:'))).toEqual([]);
    expect(JSON.stringify(theirs)).not.toContain('before');
  });

  it('the linker names a bad condition on an option by its path', () => {
    expect(() =>
      quiet((raw: RawJson) => {
        raw.negotiation.terms[0].options[0].when = { flag: 'noSuchFlag' };
      }),
    ).toThrow(/negotiation\.terms\[0\]\.options\[0\]\.when/);
  });
});

describe('contradicting orders', () => {
  it('are refused together in one turn, with both named, in either order; each alone is legal', () => {
    const g = new Play(sc);
    const refusal = (...ids: string[]) => {
      const r = g.try({ type: 'orders', side: 'ussr', orders: act(...ids) });
      return r.ok ? null : r.error;
    };
    expect(refusal('scare', 'calm')).toBe('"Calm the talk of war" contradicts "Talk up the war scare", ordered the same turn: give one or the other');
    expect(refusal('calm', 'scare')).toBe('"Talk up the war scare" contradicts "Calm the talk of war", ordered the same turn: give one or the other');
    expect(g.try({ type: 'orders', side: 'ussr', orders: act('scare') }).ok).toBe(true);
    expect(g.try({ type: 'orders', side: 'ussr', orders: act('calm', 'calm2') }).ok).toBe(true);
  });

  it('is mutual once linked: said on one order of the pair, it holds on both', () => {
    const g = new Play(sc);
    const k = (id: string) => g.c.actionIndex.get(id)!;
    expect(g.c.actions[k('calm')]!.contradicts).toEqual([k('scare')]);
    expect(g.c.actions[k('scare')]!.contradicts).toEqual([k('calm')]);
  });

  it("the linker refuses an unknown order, another side's order, or the order itself", () => {
    const bad = (ids: string[]) => () =>
      quiet((raw: RawJson) => {
        raw.actions.push({ id: 'x', side: 'ussr', label: 'X', description: 'd', category: 'press', cost: 0, contradicts: ids, effects: [], sources: ['test'] });
      });
    expect(bad(['nothing'])).toThrow(/contradicts\[0\]: unknown action "nothing"/);
    expect(bad(['raid'])).toThrow(/contradicts\[0\]: "raid" is not a ussr action/);
    expect(bad(['x'])).toThrow(/contradicts\[0\]: an order cannot contradict itself/);
  });
});
