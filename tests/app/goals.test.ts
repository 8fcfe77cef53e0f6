// The goals model both front ends draw: before a game (the new-game screen) every objective with its
// weight, share and scoring and no outlook; in a game the outlook from the seat's view; never a
// word of history (those notes are kept for the end report).
import { describe, expect, it } from 'vitest';
import { endReport } from '../../src/app/endReport';
import { goalsModel, outlookText } from '../../src/app/goals';
import { compile, createGame, SIDES, seatView } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

describe('goals model', () => {
  for (const id of ['1927', '1929', '1932']) {
    const sc = loadScenarioFile(id);
    const c = compile(sc);
    for (const side of SIDES) {
      it(`${id} ${side}: the new-game screen's model lists every objective with weight and scoring, without history`, () => {
        const g = goalsModel(c, side);
        expect(g.rows.map(r => [r.id, r.label, r.weight])).toEqual(sc.objectives[side].map(o => [o.id, o.label, o.weight]));
        expect(g.rows.reduce((a, r) => a + r.share, 0)).toBeCloseTo(1, 9);
        expect(g.scoreNow).toBeNull();
        for (const r of g.rows) {
          expect(r.outlook).toBeNull();
          expect(r.scoring).toMatch(r.kind === 'measure' ? /^Scored in proportion to .+: nothing at .+, in full at / : /^All or nothing/);
          expect(r.about).not.toMatch(/historic|history/i);
        }
      });
    }
    it(`${id}: in a game each row carries the seat's outlook; the end report keeps the history notes`, () => {
      const s = createGame(sc, 'goals');
      const g = goalsModel(c, 'britain', seatView(c, s, 'britain'));
      for (const r of g.rows) expect(outlookText(r)).toMatch(/^(on course|at risk|lost|hidden from you)/);
      expect(g.scoreNow).toBeGreaterThan(0);
      const ended = { ...s, ended: { reason: 'test', day: c.days[0]! } };
      const notes = endReport(sc, ended).sides.britain.notes;
      expect(notes.filter(n => n !== '').length).toBeGreaterThan(0);
    });
  }
});
