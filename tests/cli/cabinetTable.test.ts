// The terminal's cabinet table gives every office whole (in its column when the table fits, else on
// a line under the minister), within 80 and 100 columns, in every scenario; its stance columns are
// headed with the issues' names (wrapped over lines, not the scenario's ids), each issue's scale is
// told in words, and the pressure groups say what they want in the same words; effect lines are
// cut only between their items ("Joy…" said nothing).
import { describe, expect, it } from 'vitest';
import { fitItems, stripAnsi, vlen } from '../../src/cli/format';
import { cabinetLines } from '../../src/cli/screens';
import { compile, createGame, seatView } from '../../src/engine/index';
import { SIDES } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';

const words = (t: string) => t.split(/\s+/).filter(Boolean);

describe.each(['1927', '1929', '1932'])('the cabinet table of %s', id => {
  const sc = loadScenarioFile(id);
  const c = compile(sc);
  const s = createGame(sc, 'table');
  for (const side of SIDES)
    for (const w of [80, 100]) {
      const lines = cabinetLines(c, seatView(c, s, side), w).map(stripAnsi);
      // The two cabinets' tables: heads from the blank line before the line of "infl", rows from
      // there to the blank line after (or the note under the other cabinet's).
      const tables: { heads: string[]; rows: string[] }[] = [];
      lines.forEach((l, k) => {
        if (!/^ {2}\S.*\binfl\b/.test(l) || l.includes('★ leads')) return;
        const top = lines.lastIndexOf('', k);
        const end = lines.findIndex((x, j) => j > k && (!x.trim() || /Stances and moods hidden|★ leads/.test(x)));
        tables.push({ heads: lines.slice(top + 1, k + 1), rows: lines.slice(k + 1, end) });
      });

      it(`as ${side} at ${w} columns: every office whole, no line of the tables too wide, nothing cut`, () => {
        expect(tables).toHaveLength(2);
        const rows = tables.flatMap(t => [...t.heads, ...t.rows]);
        expect(rows.length).toBeGreaterThan(c.side.britain.ministers.length);
        expect(rows.filter(l => vlen(l) > w)).toEqual([]);
        expect(rows.filter(l => l.includes('…'))).toEqual([]);
        // An office too long for one line goes on over the next (Amery's two offices): read as one text.
        const text = rows.map(l => l.trim()).join(' ');
        for (const m of c.ministers) expect(text).toContain(m.office);
      });

      it(`as ${side} at ${w} columns: the stance columns are headed with the issues' names, each whole`, () => {
        tables.forEach((t, k) => {
          const s = k === 0 ? side : SIDES.find(x => x !== side)!;
          // The words over the columns: the side's name, "office", "infl", "mood" and the issues' names.
          const names = [c.sc.sides[s].name, '(yours)', 'office', 'infl', 'mood'];
          const issueWords = words(t.heads.join(' '));
          for (const x of names.flatMap(words)) if (issueWords.includes(x)) issueWords.splice(issueWords.indexOf(x), 1);
          // Every issue's name is there whole, the side's negotiation issue first of all, and
          // nothing else: no id ("warscare"), no word cut.
          const shown = sc.issues.filter(is => words(is.label).every(x => issueWords.includes(x)));
          expect(shown.map(is => is.id)).toContain(sc.issues[c.negotiation.issue[s]]!.id);
          expect(issueWords.filter(x => !shown.some(is => words(is.label).includes(x)))).toEqual([]);
          expect(issueWords.length).toBe(shown.reduce((n, is) => n + words(is.label).length, 0));
        });
      });

      it(`as ${side} at ${w} columns: each issue's scale and each group's wants are told in the issues' words`, () => {
        const flat = lines.join(' ').replace(/\s+/g, ' ');
        for (const is of sc.issues) expect(flat).toContain(`${is.label}: −100 ${is.low} … +100 ${is.high}`);
        // The ids are not used as words of their own (they were the heads, with a legend).
        for (const is of sc.issues) if (!sc.issues.some(x => words(`${x.label} ${x.low} ${x.high}`).includes(is.id))) expect(flat).not.toMatch(new RegExp(`\\b${is.id}\\b`));
        for (const g of [...c.side.britain.groups, ...c.side.ussr.groups].map(k => c.groups[k]!)) {
          const wants = g.stance.flatMap((v, i) => (v ? [`${sc.issues[i]!.label} ${v > 0 ? '+' : '−'}`] : []));
          if (wants.length) expect(flat).toContain(`wants: ${wants[0]}`);
          expect(flat).toContain(g.name);
        }
      });
    }
  // The narrowest the terminal lays out for: influence and mood go under the name with the office,
  // and a cabinet with more issues than fit takes a second table for the rest.
  for (const side of SIDES)
    it(`as ${side} at 60 columns: no line too wide, every office whole, nothing cut`, () => {
      const lines = cabinetLines(c, seatView(c, s, side), 60).map(stripAnsi);
      expect(lines.filter(l => vlen(l) > 60)).toEqual([]);
      expect(lines.filter(l => l.includes('…') && !/: −100 /.test(l) && !l.includes('+100'))).toEqual([]);
      const text = lines.map(l => l.trim()).join(' ');
      for (const m of c.ministers) expect(text).toContain(m.office);
      // A figure stays with its word: no line ends on "quits", "mood" or "influence" with its number on the next.
      expect(lines.filter(l => /(^|· )(quits|mood|influence)$/.test(l.trim()))).toEqual([]);
    });
});

describe('fitItems', () => {
  const line = 'Strength of the public case +3 · war danger +3 · Joynson-Hicks’s mood −2 · pressure: Conservative die-hards −5';
  it('keeps whole items that fit and marks the rest left off', () => {
    expect(fitItems(line, 200)).toBe(line);
    expect(fitItems(line, 60)).toBe('Strength of the public case +3 · war danger +3 …');
    expect(fitItems(line, 60)).not.toMatch(/Joy/);
  });
  it('cuts an item too long alone between words', () => {
    expect(fitItems('A very long single item with many words in it', 20)).toBe('A very long single …');
  });
});
