// The terminal prints a turn's headlines boxed at the top of its news, fitted to the width (80 columns
// and up), and does not repeat them in the list below; the game's end is left to the end screen.
import { describe, expect, it } from 'vitest';
import { headlineOf } from '../../src/app/headlines';
import { stripAnsi, vlen } from '../../src/cli/format';
import { headlineBox, newsLines } from '../../src/cli/screens';
import { compile, type NewsItem } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const c = compile(loadScenarioFile('1927'));
const day = c.days[5]!;
const refused: NewsItem = {
  day,
  cause: 'offer:ussr:1',
  side: 'britain',
  headline: 'note-refused',
  text: 'Soviet note 1 is accepted: the Politburo ratifies, the Cabinet refuses, the Commons approves. It does not take effect.',
  detail:
    'The Cabinet refused to ratify. Voting against: Sir William Joynson-Hicks (Home Secretary), Winston Churchill (Chancellor of the Exchequer). ' +
    'Terms that weighed against it: Propaganda: A general pledge (worth −10 to it; without it, 31% more of its influence would back the package); Debts: Deferred to a commission (worth −5 to it).',
};
const plain: NewsItem = { day, cause: 'action:court-italy', text: 'Soviet Union: Dangle orders before Italy.' };

describe('headlines in the terminal', () => {
  for (const w of [80, 100, 160]) {
    it(`are boxed within ${w} columns`, () => {
      const lines = headlineBox(headlineOf(refused, c)!, w);
      for (const l of lines) expect(vlen(l)).toBeLessThanOrEqual(w);
      // a closed frame of one width
      expect(new Set(lines.map(vlen)).size).toBe(1);
      expect(stripAnsi(lines[0]!)).toMatch(/^ {2}┏━+┓$/);
      expect(stripAnsi(lines.at(-1)!)).toMatch(/^ {2}┗━+┛$/);
      const text = lines
        .slice(1, -1)
        .map(l => stripAnsi(l).slice(4, -2).trim())
        .join(' ');
      expect(text).toContain('AGREEMENT NOT RATIFIED');
      expect(text).toContain('the Cabinet refuses');
      expect(text).toContain('Voting against: Sir William Joynson-Hicks (Home Secretary), Winston Churchill');
      expect(text).toContain('Debts: Deferred to a commission (worth −5 to it)');
    });
  }

  it('put each term that weighed against a package on a line of its own', () => {
    const lines = headlineBox(headlineOf(refused, c)!, 160).map(l => stripAnsi(l).slice(4, -2).trimEnd());
    const lead = lines.findIndex(l => l.trim() === 'Terms that weighed against it:');
    expect(lead).toBeGreaterThan(0);
    expect(lines[lead + 1]).toBe('  – Propaganda: A general pledge (worth −10 to it; without it, 31% more of its influence would back the package)');
    expect(lines[lead + 2]).toBe('  – Debts: Deferred to a commission (worth −5 to it)');
  });

  it('come at the top of the news, and are not repeated in the list', () => {
    const lines = newsLines(c, [plain, refused], day, 80, 'britain').map(stripAnsi);
    const top = lines.findIndex(l => l.includes('┏'));
    const list = lines.findIndex(l => l.includes('Dangle orders'));
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(list);
    expect(lines.filter(l => l.includes('Soviet note 1 is accepted'))).toHaveLength(1);
    for (const l of lines) expect(vlen(l)).toBeLessThanOrEqual(80);
  });

  it("leave the game's end to the end screen: no box for it, the turn's other headlines still boxed", () => {
    const end: NewsItem = { day, cause: 'rule:end', text: 'The game ends: the scenario is over.', headline: 'game-end' };
    const lines = newsLines(c, [refused, end], day, 80, 'britain').map(stripAnsi);
    expect(lines.filter(l => l.includes('┏'))).toHaveLength(1);
    expect(lines.join(' ')).not.toContain('The game ends');
  });
});
