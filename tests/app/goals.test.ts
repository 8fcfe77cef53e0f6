// The goals model both front ends draw: before a game (the new-game screen) every objective with its
// weight, share and scoring and no outlook; in a game the outlook from the seat's view; never a
// word of history (those notes are kept for the end report).
import { describe, expect, it } from 'vitest';
import { endReport } from '../../src/app/endReport';
import { goalsHelp, goalsModel, outlookText } from '../../src/app/goals';
import { compile, createGame, SIDES, score, seatView } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

/** The proper names a measure's sentence may begin with (parties, bodies, people): every other word starts in lower case. */
const PROPER = ['Soviet', 'Conservative', 'Politburo', 'Baldwin', 'MacDonald'];

describe('goals model', () => {
  it('says each objective in the words a player reads it in', () => {
    const c = compile(loadScenarioFile('1932'));
    const said = (side: 'britain' | 'ussr') => goalsModel(c, side).rows.map(r => r.scoring);
    expect(said('ussr')).toContain('Scored by the pressure from Politburo hardliners: nothing at 90, in full at 40 or less.');
    expect(said('ussr')).toContain('Scored by the longest export-credit guarantee: nothing at 12, in full at 24 or more.');
    expect(said('britain')).toContain('Scored by the pressure from engineering exporters, the FBI and the herring trade: nothing at 90, in full at 45 or less.');
  });

  it('names the key of the front end it is shown in', () => {
    expect(goalsHelp('browser').join(' ')).toContain('The Goals tab (G) shows');
    expect(goalsHelp('terminal').join(' ')).toContain('The goals screen (g) shows');
    for (const fe of ['browser', 'terminal'] as const) expect(goalsHelp(fe).join(' ')).not.toMatch(/in the terminal|in the browser/);
  });

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
          expect(r.scoring).toMatch(r.kind === 'measure' ? /^Scored by .+: nothing at .+, in full at / : /^All or nothing/);
          expect(r.about).not.toMatch(/historic|history/i);
        }
      });
      it(`${id} ${side}: a measure's figure reads as prose inside the sentence, a capital only on a proper name`, () => {
        for (const r of goalsModel(c, side).rows.filter(x => x.kind === 'measure')) {
          const first = /^Scored by (?:the |your )?(\S+)/.exec(r.scoring)![1]!;
          if (/^[A-Z]/.test(first)) expect(PROPER, r.scoring).toContain(first.replace(/'s$/, ''));
          // Not a list's noun pile: "Politburo hardliners pressure".
          expect(r.scoring, r.scoring).not.toMatch(/ pressure:/);
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

  // Session 22: after the end the Goals tab still said "on course" and "at risk" beside the final score.
  it('once the game is over, says how each objective ended, as the end report scores it, in no word of the outlook', () => {
    const sc = loadScenarioFile('1929');
    const c = compile(sc);
    const s = createGame(sc, 'goals-final');
    const ended = { ...s, ended: { reason: 'test', day: c.days[0]! } };
    for (const side of SIDES) {
      const mine = endReport(sc, ended).sides[side];
      const g = goalsModel(c, side, seatView(c, ended, side), undefined, { total: mine.total.yours, achieved: mine.objectives.map(o => o.yours) });
      expect(g.final).toBe(mine.total.yours);
      expect(g.final).toBe(score(c, ended, side).total);
      const said = g.rows.map(outlookText);
      for (const [k, r] of g.rows.entries()) {
        const got = mine.objectives[k]!.yours;
        expect(r.outlook, r.id).toBeNull();
        expect(r.final!.achieved, r.id).toBe(got);
        expect(said[k], r.id).toMatch(got >= 1 ? /^met\b/ : got > 0 ? /^partly met · \d+%/ : /^not met\b/);
        // A condition reads as the end report's "met" or "not met"; a measure gives its share, as the report does.
        if (r.kind === 'measure') expect(said[k], r.id).toContain(`${Math.round(got * 100)}%`);
      }
      expect(said.join(' ')).not.toMatch(/on course|at risk|lost|hidden from you|now/);
      // Both ends of the scale come up across the two sides' objectives at the start of 1929.
      if (side === 'ussr') expect(new Set(g.rows.map(r => r.final!.status)).size).toBeGreaterThan(1);
    }
  });
});
