// Every move of a bargaining player carries its reasons: where its move is its persona's (every
// decision, and its orders while the talks are shut) the reasons are its persona's for the same
// view and dice; where it bargains, its own.
import { describe, expect, it } from 'vitest';
import { makePlayer, type Player } from '../../src/ai/index';
import { makeSidePersona } from '../../src/ai/persona';
import { nextMove } from '../../src/ai/player';
import { compile } from '../../src/engine/index';
import { openRng } from '../../src/engine/rng';
import { loadScenarioFile } from '../loadScenario';
import { eachMove } from './eachMove';

describe('a bargaining player says why at every move', () => {
  it('1932, negotiator v boulware: every move has reasons, its persona’s where the move is its persona’s', () => {
    const sc = loadScenarioFile('1932');
    const c = compile(sc);
    const ps: Record<'britain' | 'ussr', Player> = { britain: makePlayer('negotiator', sc, 'britain'), ussr: makePlayer('boulware', sc, 'ussr') };
    let moves = 0,
      own = 0;
    eachMove(sc, 'why-every-move', ps, v => {
      const why = ps[v.side].why!();
      expect(why, `${v.side} turn ${v.view.turn} ${v.move.type}`).toBeDefined();
      moves++;
      const talks = v.view.canOffer || v.view.offers.some(o => o.from !== v.side && o.status === 'delivered');
      if (v.move.type === 'orders' && talks) {
        own++;
        return;
      }
      // The persona asked the same: the same move, and the same reasons.
      const persona = makeSidePersona(sc, v.side);
      const m = nextMove(c, v.view, persona, openRng(v.dice));
      expect(m).toEqual(v.move);
      expect(why).toEqual(persona.why!());
    });
    expect(moves).toBeGreaterThan(40);
    expect(own, 'some moves bargain').toBeGreaterThan(2);
  });
});
