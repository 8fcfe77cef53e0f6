// The terminal's notes at 80 columns and up: a package's terms keep their options whole (wrapped,
// not cut to a few characters), each term's pull on your cabinet stays on one line, and a note added to the
// orders is wrapped to the width rather than printed as one long line.
import { describe, expect, it } from 'vitest';
import { Match } from '../../src/app/match';
import { emptySelection } from '../../src/app/selection';
import { stripAnsi, vlen } from '../../src/cli/format';
import { offerTermsLines, ordersLines } from '../../src/cli/screens';
import type { Terms } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const r = Match.create(loadScenarioFile('1927'), { scenario: '1927', seed: '3', sides: { britain: 'human', ussr: 'human' } });
if (!r.ok) throw new Error(r.error);
const m = r.value;
const c = m.c;
const aff = m.affordances('britain');
// The package with each term's longest option: the hardest to lay out.
const terms: Terms = Object.fromEntries(c.terms.map(t => [t.id, t.options.reduce((a, b) => (b.label.length > a.label.length ? b : a)).id]));
const longest = c.terms.map(t => t.options.find(o => o.id === terms[t.id])!.label);
const flat = (lines: string[]) => lines.map(l => stripAnsi(l).trim()).join(' ');

describe('notes in the terminal', () => {
  for (const w of [80, 100, 160]) {
    it(`lay a package out within ${w} columns, options whole`, () => {
      const lines = offerTermsLines(c, aff, terms, w);
      for (const l of lines) expect(vlen(l), stripAnsi(l)).toBeLessThanOrEqual(w);
      const text = flat(lines);
      for (const label of longest) expect(text).toContain(label);
      const shares = lines.map(stripAnsi).filter(l => /(wins \d+% of the cabinet|turns \d+% of the cabinet against|counts (in favour|against); sways no vote alone|counts for nothing)/.test(l));
      expect(shares).toHaveLength(c.terms.length);
    });

    it(`say at ${w} columns what each cabinet's two numbers are: the influence backing the package, the chance it ratifies`, () => {
      const text = flat(offerTermsLines(c, aff, terms, w));
      const pc = (x: number) => `${Math.round(x * 100)}%`;
      for (const [who, acc] of [
        ['Your cabinet:', aff.acceptance('britain', terms)!],
        ['Their cabinet (from intelligence):', aff.acceptance('ussr', terms)!],
      ] as const)
        expect(text).toContain(`${who} ${pc(acc.share)} of its influence backs the package; ${pc(acc.chance)} chance it ratifies if accepted`);
      expect(text).not.toMatch(/would accept; ratification/);
    });

    it(`wrap a note added to the orders within ${w} columns`, () => {
      const sel = { ...emptySelection(), offer: terms };
      const lines = ordersLines(c, aff, sel, w);
      for (const l of lines) expect(vlen(l), stripAnsi(l)).toBeLessThanOrEqual(w);
      const text = flat(lines);
      expect(text).toContain('A note with proposals');
      for (const label of longest) expect(text).toContain(label);
    });
  }
});
