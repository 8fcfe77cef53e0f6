// The printables as HTML: a role sheet for every seat with its public brief above the fold and its
// secret aim and objectives below; the post-mortem pack with the timeline against history, the
// weighed decisions, every role's aims against history and the discussion questions.
import { describe, expect, it } from 'vitest';
import { makePlayer, runGame } from '../../src/ai/index';
import { debrief, weighDecisions } from '../../src/app/debrief';
import { compile, createGame } from '../../src/engine/index';
import { debriefHtml } from '../../src/print/debriefPack';
import { esc } from '../../src/print/page';
import { roleSheetsHtml } from '../../src/print/roleSheets';
import { loadScenarioFile } from '../loadScenario';

const THE_QUESTION = 'How successful was the USSR in establishing links with other major European powers?';

describe.each(['1927', '1929', '1932'])('role sheets of %s', id => {
  const sc = loadScenarioFile(id);
  const html = roleSheetsHtml(sc);
  it('hold one sheet per role, each with its name, public brief, and secret aim and objectives below the fold', () => {
    const sheets = html.split('<section class="sheet').slice(1);
    expect(sheets).toHaveLength(sc.roles!.length);
    sc.roles!.forEach((r, k) => {
      const sheet = sheets[k]!;
      const [top, bottom] = sheet.split('fold here') as [string, string];
      expect(top).toContain(esc(r.briefing));
      expect(top).not.toContain(esc(r.secretAim));
      expect(bottom).toContain(esc(r.secretAim));
      for (const o of r.objectives) expect(bottom).toContain(esc(o.label));
    });
  });
});

describe('role sheets', () => {
  const sc = loadScenarioFile('1927');
  it('print only the roles asked for, in that order, with the player named; an unknown role is refused by name', () => {
    const html = roleSheetsHtml(sc, { roles: ['trotsky', 'chamberlain'], players: new Map([['trotsky', 'Chloé <b>']]) });
    expect(html.split('<section class="sheet')).toHaveLength(3);
    expect(html.indexOf('Leon Trotsky')).toBeLessThan(html.indexOf('Austen Chamberlain'));
    expect(html).toContain('played by <strong>Chloé &lt;b&gt;</strong>');
    expect(() => roleSheetsHtml(sc, { roles: ['nobody'] })).toThrow('there is no role "nobody" in scenario "1927"');
  });
});

describe('the post-mortem pack', () => {
  const sc = loadScenarioFile('1927');
  const c = compile(sc);
  const game = runGame(sc, createGame(sc, 'debrief'), { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('random', sc, 'ussr') });
  const d = debrief(sc, 'debrief', game.moves, { group: 'Group 5', seats: [{ role: 'litvinov', player: 'Ben' }] });

  it('sets the group timeline beside history, in date order, with the sources', () => {
    const days = d.timeline.map(r => r.day);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    const history = d.timeline.flatMap(r => r.history);
    // History's column holds the recorded decisions: the raid approved, the break voted.
    expect(history.some(e => e.cause === 'option:arcos-tip.approve')).toBe(true);
    expect(history.every(e => e.sources.length > 0 || e.cause.startsWith('offer:'))).toBe(true);
    expect(d.timeline.some(r => r.group.length > 0)).toBe(true);
  });

  it('weighs decisions by the figures they moved, heaviest first, as the page says', () => {
    const w = d.decisions.map(x => x.weight);
    expect(w).toEqual([...w].sort((a, b) => b - a));
    // Recompute the heaviest from the ledger independently.
    const top = d.decisions[0]!;
    let sum = 0;
    for (let n = game.state.ledger; n; n = n.n) if (n.e.cause === top.cause) sum += Math.abs(n.e.delta) / (c.figs[n.e.fig]!.max - c.figs[n.e.fig]!.min);
    expect(top.weight).toBeCloseTo(sum, 9);
    expect(weighDecisions(c, game.state, new Set()).every(x => x.asHistory !== true)).toBe(true);
  });

  it("scores every role's secret aims against history's, and asks the question with the group's evidence", () => {
    expect(d.roles).toHaveLength(sc.roles!.length);
    expect(d.roles.find(r => r.id === 'litvinov')!.player).toBe('Ben');
    expect(d.questions[0]!.text).toContain(THE_QUESTION);
    expect(d.europe.map(p => p.name)).toEqual(expect.arrayContaining(['France', 'Germany']));
    expect(d.europe.map(p => p.name)).not.toContain('Japan');
    // Questions for the roles played (only Litvinov is seated here).
    expect(d.questions.filter(q => q.about.startsWith('Maxim Litvinov (Ben)'))).toHaveLength(1);
    const html = debriefHtml(d);
    expect(html).toContain(THE_QUESTION);
    expect(html).toContain('Group 5');
    expect(html).toContain('a branch explorer that replays the alternatives would, and is not in this build');
    for (const r of sc.roles!) expect(html).toContain(esc(r.secretAim));
  });

  it('says when a game was handed in unfinished', () => {
    const part = debrief(sc, 'debrief', game.moves.slice(0, 20));
    expect(part.finished).toBe(false);
    expect(debriefHtml(part)).toContain('handed in unfinished');
  });
});
