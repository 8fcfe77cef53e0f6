// Figure names as the screens and previews print them read as English: no "Foreign Affairs's
// standing" for a lead whose title ends in a plural (issue 10's list of words), no "Britain intelligence". Group names in previews are whole or in a short form, never cut.
import { describe, expect, it } from 'vitest';
import { figName, groupShort } from '../../src/app/names';
import { compile, SIDES } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

describe.each(['1927', '1929', '1932'])('figure names in %s', id => {
  const c = compile(loadScenarioFile(id));
  it('name the other lead\'s standing with the title whole, never as "Foreign Affairs\'s standing"', () => {
    for (const me of SIDES) {
      const names = c.figs.map((_f, i) => figName(c, i, me));
      const other = SIDES.find(s => s !== me)!;
      expect(names).toContain(`the standing of the ${c.sc.sides[other].leadTitle}`);
      expect(names).toContain('your standing');
      expect(names.filter(n => /s's standing/.test(n))).toEqual([]);
      // The figure's own label (the class console, the compare view, the terminal's lists) says it the same way.
      expect(c.figs[c.side[other].iStanding]!.label).toBe(`The standing of the ${c.sc.sides[other].leadTitle}`);
      expect(c.figs.filter(f => /'s standing/.test(f.label))).toEqual([]);
      // The other side's capital and intelligence in the possessive, the Soviet Union with its article.
      const theirs = other === 'ussr' ? "the Soviet Union's" : "Britain's";
      expect(names).toContain(`${theirs} intelligence`);
      expect(names).toContain(`${theirs} capital`);
      // Mid-list, a party's or group's article in lower case: "the Government of India alignment".
      expect(names.filter(n => /^The /.test(n))).toEqual([]);
    }
  });
});

describe.each(['1927', '1929', '1932'])('ministers in labels in %s', id => {
  const c = compile(loadScenarioFile(id));
  it('go by a form of their own name, never a nickname ("Joynson-Hicks\'s mood", not "Jix\'s mood")', () => {
    for (const m of c.ministers) expect(m.name, m.id).toContain(m.short.split(' ').at(-1)!);
    const jix = c.figs.findIndex(f => f.id === 'mood.joynson-hicks');
    if (jix >= 0) expect(figName(c, jix, 'britain')).toBe("Joynson-Hicks's mood");
  });
});

describe.each(['1927', '1929', '1932'])('group names in previews in %s', id => {
  const c = compile(loadScenarioFile(id));
  it('are whole or in their short form, never cut with an ellipsis', () => {
    const cut = c.groups.map(g => groupShort(g.name)).filter(n => n.endsWith('\u2026'));
    expect(cut).toEqual([]);
    expect(groupShort('Conservative moderates and business members')).toBe('Cons. moderates');
    expect(groupShort('Labour left and the ILP')).toBe('Labour left and the ILP');
  });
});

// The trade figures by the trade chart's names (playtest of session 23): as the Soviet Union the
// Figures list said "Exports 750" and "Imports 1,300" beside a chart of "UK exports 750" and
// "UK imports 1,300", and "Credit 15" beside "Longest export-credit guarantee 12".
describe.each(['1927', '1929', '1932'])('trade figures in %s', id => {
  const c = compile(loadScenarioFile(id));
  it('say whose flow each is, as the chart does', () => {
    const name = (fig: string) =>
      figName(
        c,
        c.figs.findIndex(f => f.id === fig),
        'ussr',
      );
    expect(['trade.exports', 'trade.reExports', 'trade.imports', 'trade.balance', 'trade.credit'].map(name)).toEqual([
      'UK exports',
      'UK re-exports',
      'UK imports',
      'Soviet surplus',
      'British credit for Soviet buyers',
    ]);
  });
});
