// The terminal's cabinet table gives every office whole (in its column when the table fits, else on
// a line under the minister), within 80 and 100 columns, in every scenario; effect lines are cut
// only between their items ("Joy…" said nothing).
import { describe, expect, it } from 'vitest';
import { fitItems, stripAnsi, vlen } from '../../src/cli/format';
import { cabinetLines } from '../../src/cli/screens';
import { compile, createGame, seatView } from '../../src/engine/index';
import { SIDES } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';

describe.each(['1927', '1929', '1932'])('the cabinet table of %s', id => {
  const sc = loadScenarioFile(id);
  const c = compile(sc);
  const s = createGame(sc, 'table');
  for (const side of SIDES)
    for (const w of [80, 100])
      it(`as ${side} at ${w} columns: every office whole, no line of the tables too wide, nothing cut`, () => {
        const lines = cabinetLines(c, seatView(c, s, side), w).map(stripAnsi);
        // The tables: from each header (…infl … mood) to the blank line after.
        const rows: string[] = [];
        let on = false;
        for (const l of lines) {
          if (/\binfl\b.*\bmood$/.test(l)) on = true;
          else if (!l.trim() || /★ leads/.test(l)) on = false;
          if (on) rows.push(l);
        }
        expect(rows.length).toBeGreaterThan(c.side.britain.ministers.length);
        expect(rows.filter(l => vlen(l) > w)).toEqual([]);
        expect(rows.filter(l => l.includes('…'))).toEqual([]);
        // An office too long for one line goes on over the next (Amery's two offices): read as one text.
        const text = rows.map(l => l.trim()).join(' ');
        for (const m of c.ministers) expect(text).toContain(m.office);
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
