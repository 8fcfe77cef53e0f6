// The terminal's objectives tables (the opening screen's and the end screen's) give every
// objective's name whole, a long one wrapped over the lines under it rather than cut with "…",
// its columns aligned, within 80 columns and within 60 (the narrowest the terminal lays out for).
import { describe, expect, it } from 'vitest';
import { endReport } from '../../src/app/endReport';
import { setColour, wrapCell, wrapTable } from '../../src/cli/format';
import { endLines, titleScreen } from '../../src/cli/screens';
import { compile, createGame } from '../../src/engine/index';
import { SIDES } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';

setColour(false);

/**
 * The rows of a table whose first column is a name that may wrap (its later lines stand in by two):
 * each row's name read whole and the rest of its first line. `row` matches a row's first line,
 * its groups the name and the columns after it.
 */
function readTable(lines: readonly string[], row: RegExp): { name: string; rest: string; at: number }[] {
  const out: { name: string; rest: string; at: number }[] = [];
  for (const l of lines) {
    const m = row.exec(l);
    if (m) out.push({ name: m[1]!.trim(), rest: m[2]!, at: l.indexOf(m[2]!) });
    // A row's later lines: the rest of its name (if any) and of its other cells.
    else if (out.length && /^ {4}/.test(l)) {
      const r = out[out.length - 1]!;
      // A line broken after a hyphen goes on with no space ("most-favoured-" "nation").
      if (/^ {4}\S/.test(l)) r.name += `${r.name.endsWith('-') ? '' : ' '}${l.trim().split(/\s{2,}/)[0]}`;
    } else break;
  }
  return out;
}

describe.each(['1927', '1929', '1932'])('the objectives tables of %s', id => {
  const sc = loadScenarioFile(id);
  const c = compile(sc);
  const ended = (() => {
    const s = createGame(sc, 'objectives');
    return endReport(sc, { ...s, ended: { reason: 'test', day: c.days[0]! } });
  })();
  for (const side of SIDES)
    for (const w of [80, 60]) {
      const objectives = sc.objectives[side];
      it(`as ${side} at ${w} columns, the opening screen: each objective whole with its weight, nothing cut`, () => {
        const lines = titleScreen(c, side, 'the computer', '5', w);
        expect(lines.filter(l => [...l].length > w)).toEqual([]);
        const from = lines.findIndex(l => l.includes('Your objectives (weight)'));
        const rows = readTable(lines.slice(from + 1), /^ {2}(\S.*?)\s+(\d+ {2}(?:all or nothing|in proportion))$/);
        expect(rows.map(r => r.name)).toEqual(objectives.map(o => o.label));
        expect(rows.map(r => Number.parseInt(r.rest, 10))).toEqual(objectives.map(o => o.weight));
        // The weights' column lines up: every weight ends at the same place.
        expect(new Set(rows.map(r => r.at + r.rest.indexOf(' ')))).toHaveProperty('size', 1);
        expect(lines.join('\n')).not.toContain('…');
      });
      it(`as ${side} at ${w} columns, the end screen: each objective whole with its weight and scores, nothing cut`, () => {
        const lines = endLines(c, ended, side, 'the computer', w);
        expect(lines.filter(l => [...l].length > w)).toEqual([]);
        const from = lines.findIndex(l => /\(you\): objectives/.test(l));
        const rows = readTable(lines.slice(from + 2), /^ {2}(\S.*?)\s+(\d+ {2}(?:✓ met|✗ not met|\d+%).*)$/);
        expect(rows.map(r => r.name)).toEqual(objectives.map(o => o.label));
        expect(rows.map(r => Number.parseInt(r.rest, 10))).toEqual(objectives.map(o => o.weight));
        expect(new Set(rows.map(r => r.at + r.rest.indexOf(' ')))).toHaveProperty('size', 1);
        expect(
          lines
            .slice(
              from,
              lines.findIndex(l => /Score \(out of 100\)/.test(l)),
            )
            .join('\n'),
        ).not.toContain('…');
      });
    }
});

describe('wrapTable', () => {
  it('wraps the named column under itself, its later lines stood in, and keeps the other columns aligned', () => {
    const rows = [
      ['A commercial agreement with most-favoured-nation treatment', '10', 'all or nothing'],
      ['India quiet', '4', 'in proportion'],
    ];
    expect(wrapTable(rows, ['l', 'r', 'l'], [{ col: 0, min: 16 }], 50)).toEqual([
      '  A commercial agreement with  10  all or nothing',
      '    most-favoured-nation',
      '    treatment',
      '  India quiet                   4  in proportion',
    ]);
  });
  it('breaks a word longer than the width after a hyphen, and prints no mark where it may break', () => {
    expect(wrapCell('with most-favoured-nation treatment', 10)).toBe('with most-\nfavoured-\nnation\ntreatment');
    expect(wrapCell('a most-favoured-nation clause', 40)).toBe('a most-favoured-nation clause');
  });
});
