// The notes tab's words once the talks have closed (tests/engine/talksClosed.test.ts makes the
// games): a note that lapsed on its way says, in its sender's list, that the other side never
// received it (it read "lapsed on its way, never read"), and the draft box no longer says there are
// "no talks yet" once a settlement is ratified or notes have passed.
import { describe, expect, it } from 'vitest';
import { closedTalksWords, noteRecordWords } from '../../src/app/affordances';
import { seatView } from '../../src/engine/seat';
import type { Order, Terms } from '../../src/engine/types';
import { Play, quiet, type RawJson } from '../engine/helpers';

/** The mini scenario with its talks closed by a ratified pledge, and a "no talks yet" note. */
const sc = quiet((raw: RawJson) => {
  raw.negotiation.when = { noFlag: 'pledged' };
  raw.negotiation.closedNote = 'There are no talks yet.';
});
const offer = (terms: Terms): Order => ({ kind: 'offer', terms });

/** Britain sends a note, then accepts Moscow's, whose ratification closes the talks before Britain's arrives. */
function lapsedOnItsWay(): Play {
  for (let k = 0; k < 200; k++) {
    const g = new Play(sc, `closed-${k}`);
    g.turn({ ussr: [offer({ propaganda: 'pledge' })] });
    g.turn({ britain: [offer({ propaganda: 'none' }), { kind: 'reply', offer: 1, accept: true }] });
    if (g.s.offers.some(o => o.unread)) return g;
  }
  throw new Error('no game in which the note lapsed on its way');
}

describe('the notes tab once the talks have closed', () => {
  it("lists a note that lapsed on its way, at its sender's seat, as never received by the other side", () => {
    const g = lapsedOnItsWay();
    const view = seatView(g.c, g.s, 'britain');
    expect(view.offers.map(o => noteRecordWords(g.c, o))).toEqual([
      'Soviet note 1: ratified by both sides',
      `British note 1: lapsed before it arrived, so the ${g.c.sc.sides.ussr.name} never received it`,
    ]);
    // The other side's list has no mark of it.
    expect(seatView(g.c, g.s, 'ussr').offers.map(o => noteRecordWords(g.c, o))).toEqual(['Soviet note 1: ratified by both sides']);
  });

  it('says the talks are over once a settlement is ratified, not that there are none yet', () => {
    const g = new Play(sc, 'closed-words');
    expect(closedTalksWords(g.c, seatView(g.c, g.s, 'britain'))).toBe('There are no talks yet.');
    const done = lapsedOnItsWay();
    for (const side of ['britain', 'ussr'] as const)
      expect(closedTalksWords(done.c, seatView(done.c, done.s, side))).toBe('The talks are over: a settlement has been ratified. No more notes can be sent.');
  });
});
