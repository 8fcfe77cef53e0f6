// Once the talks close (here: a package ratified, as 1929's settlement closes them), no note still
// outstanding may be answered: it lapses at once, and a reply to it is refused with the reason, so no
// second package binds over the first. A person playing 1929 saw a Soviet note still awaiting his
// answer after his own package was ratified.
import { describe, expect, it } from 'vitest';
import { answerable } from '../../src/engine/index';
import { seatView } from '../../src/engine/seat';
import type { Order, Terms } from '../../src/engine/types';
import { newsSince, Play, quiet, type RawJson } from './helpers';

/** The mini scenario with its talks closed by a ratified pledge. */
const sc = quiet((raw: RawJson) => {
  raw.negotiation.when = { noFlag: 'pledged' };
});
const PLEDGE: Terms = { propaganda: 'pledge' };
const NONE: Terms = { propaganda: 'none' };
const offer = (terms: Terms): Order => ({ kind: 'offer', terms });
const reply = (n: number, accept: boolean): Order => ({ kind: 'reply', offer: n, accept });

/** Games in which Britain's acceptance of Soviet note 1 (a pledge) is ratified: the state before the answer, and the game after it. */
function ratifiedGames(setup: (g: Play) => void, britain: (g: Play) => Order[], ussr: Order[] = [], n = 3): { before: Play['s']; g: Play }[] {
  const out: { before: Play['s']; g: Play }[] = [];
  for (let k = 0; k < 200 && out.length < n; k++) {
    const g = new Play(sc, `closed-${k}`);
    setup(g);
    const before = g.s;
    g.turn({ britain: britain(g), ussr });
    if (g.s.offers.find(o => o.from === 'ussr' && o.n === 1)!.status === 'ratified') out.push({ before, g });
  }
  expect(out.length).toBe(n);
  return out;
}

describe('a note outstanding when a settlement is ratified', () => {
  it('lapses the same turn, both sides told why, and a reply to it is refused with the reason', () => {
    const games = ratifiedGames(
      g => {
        g.turn({ ussr: [offer(PLEDGE)], britain: [offer(NONE)] }); // both notes arrive by the next turn
        expect(g.s.offers.map(o => [o.from, o.status])).toEqual([
          ['britain', 'delivered'],
          ['ussr', 'delivered'],
        ]);
      },
      () => [reply(1, true)],
    );
    for (const { before, g } of games) {
      expect(g.s.offers.find(o => o.from === 'britain')!.status).toBe('lapsed');
      expect(g.s.agreed).toEqual(PLEDGE);
      const lines = newsSince(before, g.s).filter(x => x.text === 'British note 1 lapses: the talks are closed.');
      expect(lines.map(x => x.side ?? 'both')).toEqual(['both']);
      expect(answerable(g.s, 'ussr')).toEqual([]);
      g.decideAll();
      expect(g.try({ type: 'orders', side: 'ussr', orders: [reply(1, true)] })).toEqual({ ok: false, error: 'British note 1 cannot be answered: the talks are closed' });
    }
  });

  it('the other side accepting the other note in the same turn binds nothing more: the first ratification closes the talks', () => {
    const games = ratifiedGames(
      g => {
        g.turn({ ussr: [offer(PLEDGE)], britain: [offer(NONE)] });
      },
      () => [reply(1, true)],
      [reply(1, true)], // Moscow accepts Britain's note in the same turn
    );
    for (const { before, g } of games) {
      expect(g.s.offers.map(o => [o.from, o.status])).toEqual([
        ['britain', 'lapsed'],
        ['ussr', 'ratified'],
      ]);
      expect(g.s.agreed).toEqual(PLEDGE);
      const texts = newsSince(before, g.s).map(x => x.text);
      expect(texts.filter(t => t.startsWith('British note 1 is accepted'))).toEqual([]);
      expect(texts).toContain('British note 1 lapses: the talks are closed.');
    }
  });

  it('a note still on its way lapses before it arrives, told only to its sender', () => {
    const games = ratifiedGames(
      g => {
        g.turn({ ussr: [offer(PLEDGE)] });
      },
      () => [offer(NONE), reply(1, true)], // sent, then the settlement it no longer matters to
    );
    for (const { before, g } of games) {
      expect(g.s.offers.find(o => o.from === 'britain')).toMatchObject({ status: 'lapsed', unread: true });
      const line = 'British note 1 lapses before it arrives: the talks are closed.';
      expect(
        newsSince(before, g.s)
          .filter(x => x.text === line)
          .map(x => x.side),
      ).toEqual(['britain']);
      expect(seatView(g.c, g.s, 'ussr').offers.map(o => o.from)).toEqual(['ussr']);
      expect(seatView(g.c, g.s, 'britain').news.map(x => x.text)).toContain(line);
    }
  });

  it('a note ordered after the answer that closed the talks is not sent: no capital spent, its sender told', () => {
    const games = ratifiedGames(
      g => {
        g.turn({ ussr: [offer(PLEDGE)] });
      },
      () => [reply(1, true), offer(NONE)], // the settlement first, then a note it leaves nothing to send for
    );
    for (const { before, g } of games) {
      expect(g.s.offers.filter(o => o.from === 'britain')).toEqual([]);
      const news = newsSince(before, g.s);
      expect(news.filter(x => x.cause === 'rule:offer').map(x => [x.text, x.side])).toEqual([['Your note is not sent: the talks closed before it could go. No capital is spent on it.', 'britain']]);
      let spent = false;
      for (let x = g.s.ledger; x && x !== before.ledger; x = x.n) if (x.e.cause === 'rule:offer') spent = true;
      expect(spent).toBe(false);
    }
  });
});
